import { describe, expect, it } from "vitest";
import { markdown } from "../helpers/markdown.js";

const { render } = markdown();

describe("GOV.UK typography", () => {
  it("classes headings by level", () => {
    const html = render("## Two\n\n### Three\n\n#### Four");
    expect(html).toMatch(/<h2 id="two" class="govuk-heading-l">Two<\/h2>/);
    expect(html).toMatch(/<h3 id="three" class="govuk-heading-m">Three<\/h3>/);
    expect(html).toMatch(/<h4 id="four" class="govuk-heading-s">Four<\/h4>/);
  });

  it("classes paragraphs, lists, links and rules", () => {
    const html = render("Text [a](https://example.com)\n\n- one\n\n1. first\n\n---");
    expect(html).toContain(
      '<p class="govuk-body">Text <a href="https://example.com" class="govuk-link">a</a></p>',
    );
    expect(html).toContain('<ul class="govuk-list govuk-list--bullet">');
    expect(html).toContain('<ol class="govuk-list govuk-list--number">');
    expect(html).toContain(
      '<hr class="govuk-section-break govuk-section-break--l govuk-section-break--visible">',
    );
  });

  it("wraps tables in a focusable, labelled scrolling region with header scope", () => {
    const html = render("| Name | Use |\n|---|---|\n| S3 | storage |");
    expect(html).toMatch(
      /<div class="app-table-wrapper" role="region" tabindex="0" aria-label="Table: Name, Use">\s*<table class="govuk-table">/,
    );
    expect(html).toContain('<th class="govuk-table__header" scope="col">Name</th>');
    expect(html).toContain('<td class="govuk-table__cell">S3</td>');
  });

  it("highlights fenced code at build time and escapes unknown languages", () => {
    const html = render("```python\nimport os\n```\n\n```nosuchlang\n<b>x</b>\n```");
    expect(html).toContain(
      '<pre class="app-code" tabindex="0"><code class="hljs language-python"><span class="hljs-keyword">import</span> os',
    );
    expect(html).toContain("&lt;b&gt;x&lt;/b&gt;");
  });

  it("supports footnotes and definition lists", () => {
    const html = render("Fact[^1].\n\n[^1]: Source.\n\nTerm\n: Meaning");
    expect(html).toContain('<a href="#fn1" id="fnref1">');
    expect(html).toMatch(
      /<li id="fn1" class="footnote-item"><p class="govuk-body">Source\. <a href="#fnref1" class="govuk-link app-footnote-back" data-pagefind-ignore>Back to reference 1<\/a>/,
    );
    expect(html).toContain('<dl class="app-definition-list">');
    expect(html).toContain('<dd class="govuk-body">Meaning</dd>');
  });

  it("keeps raw HTML", () => {
    expect(render('<div class="x">raw</div>')).toContain('<div class="x">raw</div>');
  });
});
