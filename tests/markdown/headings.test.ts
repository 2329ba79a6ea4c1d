import { describe, expect, it } from "vitest";
import { markdown } from "../helpers/markdown.js";

const { render, htmlChecks } = markdown();

describe("headings", () => {
  it("get GitHub-style unique ids and an accessible permalink", () => {
    const html = render("## Set up: Python & R\n\n## Set up: Python & R");
    expect(html).toContain('<h2 id="set-up-python--r" class="govuk-heading-l">');
    expect(html).toContain('<h2 id="set-up-python--r-1" class="govuk-heading-l">');
    expect(html).toContain(
      '<a class="app-heading-permalink govuk-link" href="#set-up-python--r" data-pagefind-ignore=""><span class="govuk-visually-hidden">Link to section: Set up: Python &amp; R</span> <span aria-hidden="true">#</span></a>',
    );
  });

  it("are wrapped in the engine's own HTML, which the raw-HTML check leaves alone", () => {
    const before = htmlChecks();
    expect(render("## One\n\n## Two")).toContain('<div class="app-heading">');
    expect(htmlChecks()).toBe(before);
    render("## One <abbr>X</abbr>\n\n<details><summary>More</summary></details>");
    expect(htmlChecks()).toBe(before + 3); // <abbr>, </abbr> and the <details> block
  });

  it("keep an id or class written after the heading, and nothing else is taken from braces", () => {
    const html = render(
      "## Kept {#old_id}\n\n## 2.2.6 {#2-2-6}\n\n## Styled {.x}\n\n### A {style=color:red}\n\nText {% endraw %} {#no}\n",
    );
    expect(html).toContain('<h2 id="old_id" class="govuk-heading-l">Kept</h2>');
    expect(html).toContain('<h2 id="2-2-6" class="govuk-heading-l">2.2.6</h2>');
    expect(html).toContain('<h2 class="x govuk-heading-l" id="styled">Styled</h2>');
    expect(html).toContain(">A {style=color:red}</h3>");
    expect(html).not.toMatch(/<h3[^>]*style=/);
    expect(html).toContain('<p class="govuk-body">Text {% endraw %} {#no}</p>');
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
