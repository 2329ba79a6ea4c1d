// The engine's Nunjucks environment, shared by layouts and the components rendered from Markdown.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { createNunjucks } from "../../src/layouts/nunjucks.js";
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
