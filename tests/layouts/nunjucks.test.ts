// The engine's Nunjucks environment, shared by layouts and the components rendered from Markdown.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createNunjucks, MOJ_FILTERS } from "../../src/layouts/nunjucks.js";
import { projectRoot } from "../helpers/build.js";

describe("the trim filter", () => {
  it("trims as Nunjucks' own does, keeping what was marked safe safe and escaping the rest", () => {
    const env = createNunjucks(
      path.join(projectRoot, "content/_includes"),
      path.join(projectRoot, "templates"),
    );
    const render = (template: string) =>
      env.renderString(template, { html: "\n  <b>x</b>\u00a0\t\n" });
    expect(render("[{{ html | safe | trim }}]")).toBe("[<b>x</b>]");
    expect(render("[{{ html | trim }}]")).toBe("[&lt;b&gt;x&lt;/b&gt;]");
  });
});

describe("MoJ Frontend's filters", () => {
  it("are each of MoJ Frontend's, by name, and work when first used", async () => {
    const { default: mojFilters } = await import("@ministryofjustice/frontend/moj/filters/all.js");
    expect([...MOJ_FILTERS].sort()).toEqual(Object.keys(mojFilters()).sort());
    const env = createNunjucks(
      path.join(projectRoot, "content/_includes"),
      path.join(projectRoot, "templates"),
    );
    expect(env.renderString("{{ '2024-03' | date('MMMM YYYY') }}", {})).toBe("March 2024");
    expect(env.renderString("{{ '2024-03-05T10:00:00' | mojDate('date') }}", {})).toBe(
      "5 March 2024",
    );
  });
});
