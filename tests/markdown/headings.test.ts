import { describe, expect, it } from "vitest";
import { markdown } from "../helpers/markdown.js";

const { render } = markdown();

describe("headings", () => {
  it("get GitHub-style unique ids and an accessible permalink", () => {
    const html = render("## Set up: Python & R\n\n## Set up: Python & R");
    expect(html).toContain('<h2 id="set-up-python--r" class="govuk-heading-l">');
    expect(html).toContain('<h2 id="set-up-python--r-1" class="govuk-heading-l">');
    expect(html).toContain(
      '<a class="app-heading-permalink govuk-link" href="#set-up-python--r" data-pagefind-ignore=""><span class="govuk-visually-hidden">Link to section: Set up: Python &amp; R</span> <span aria-hidden="true">#</span></a>',
    );
  });

  it("get an On this page list from three or more h2, using the same ids", () => {
    const html = render("## One\n\n### Sub\n\n## Two `code`\n\n## Three");
    const nav = html.match(/<nav class="app-contents"[\s\S]*?<\/nav>/)?.[0] ?? "";
    expect([...nav.matchAll(/href="#([^"]+)">([^<]+)</g)].map((m) => [m[1], m[2]])).toEqual([
      ["one", "One"],
      ["two-code", "Two code"],
      ["three", "Three"],
    ]);
    expect(html.indexOf("app-contents")).toBeLessThan(html.indexOf('id="one"'));
  });

  it("leave pages with fewer than three h2 without a contents list", () => {
    expect(render("## One\n\n## Two")).not.toContain("app-contents");
  });
});
