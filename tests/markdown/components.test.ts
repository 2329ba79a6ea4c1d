import { describe, expect, it } from "vitest";
import { markdown } from "../helpers/markdown.js";

const { render } = markdown();

describe("callouts and details", () => {
  it("renders NOTE and TIP as GOV.UK inset text", () => {
    for (const kind of ["NOTE", "TIP", "note"]) {
      const html = render(`> [!${kind}]\n> Remember **this**.`);
      expect(html).toMatch(
        /<div class="govuk-inset-text">\s*<p class="govuk-body">Remember <strong>this<\/strong>\.<\/p>\s*<\/div>/,
      );
      expect(html).not.toContain("[!");
    }
  });

  it("renders WARNING and CAUTION as GOV.UK warning text with inline content only", () => {
    const html = render("> [!WARNING]\n> Do not share passwords.\n>\n> Ever.");
    expect(html).toContain('<div class="govuk-warning-text">');
    expect(html).toContain('<span class="govuk-visually-hidden">Warning</span>');
    expect(html).toMatch(/Do not share passwords\.<br>Ever\./);
    expect(html).not.toMatch(/<strong[^>]*>[\s\S]*<p/);
    expect(render("> [!CAUTION]\n> Careful.")).toContain(
      '<span class="govuk-visually-hidden">Caution</span>',
    );
  });

  it("renders IMPORTANT as a GOV.UK notification banner", () => {
    const html = render("> [!IMPORTANT]\n> Service closes on Friday.");
    expect(html).toContain('class="govuk-notification-banner"');
    expect(html).toMatch(/govuk-notification-banner__title"[^>]*>\s*Important/);
    expect(html).toContain("Service closes on Friday.");
  });

  it("leaves ordinary and nested quotes alone, and finds alerts inside them", () => {
    const html = render("> Just a quote\n>\n> > [!NOTE]\n> > Inner note");
    expect(html).toContain('<blockquote class="app-quote">');
    expect(html).toContain('<div class="govuk-inset-text">');
    expect(html.indexOf("govuk-inset-text")).toBeGreaterThan(html.indexOf("app-quote"));
  });

  it("renders ::: details blocks as GOV.UK details", () => {
    const html = render("::: details Why is this needed?\nBecause *reasons*.\n:::");
    expect(html).toContain('<details class="govuk-details">');
    expect(html).toMatch(/govuk-details__summary-text">\s*Why is this needed\?\s*</);
    expect(html).toContain('<p class="govuk-body">Because <em>reasons</em>.</p>');
  });
});
