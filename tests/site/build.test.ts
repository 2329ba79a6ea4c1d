// Builds small fixture trees with the real entry point and checks the HTML readers get.
import { describe, expect, it, beforeAll } from "vitest";
import { fixture, runBuild, type BuildResult } from "../helpers/build.js";

describe("building the basic fixture", () => {
  let site: BuildResult;
  beforeAll(async () => {
    site = await runBuild(fixture("basic"));
  });

  it("succeeds", () => {
    expect(site.stderr).toBe("");
    expect(site.code).toBe(0);
  });

  it("renders pages through the GOV.UK template with a working skip link", () => {
    const html = site.html("/guide/");
    expect(html).toContain('class="govuk-template"');
    expect(html).toMatch(/<a href="#main-content" class="govuk-skip-link"/);
    expect(html).toMatch(/<main[^>]*id="main-content"/);
    expect(html).toContain("<title>Guide &ndash; Fixture Service</title>");
    expect(html).toContain('<meta name="description" content="Everything in one place.">');
  });

  it("takes settings from site.yml once (lists are not repeated by a second copy)", () => {
    const html = site.html("/guide/");
    expect(html.match(/<li class="govuk-service-navigation__item/g)).toHaveLength(1);
  });

  it("marks the current section in the service navigation", () => {
    const html = site.html("/guide/second/");
    expect(html).toMatch(/govuk-service-navigation__item--active[\s\S]*?href="\/guide\/"/);
  });

  it("shows the section's side navigation with the current page marked", () => {
    const html = site.html("/guide/second/");
    const nav = html.match(/<nav class="moj-side-navigation"[\s\S]*?<\/nav>/)?.[0] ?? "";
    expect(nav).toContain('aria-label="Guide"');
    expect(nav).toMatch(/<a href="\/guide\/second\/" aria-current="location">Second page<\/a>/);
    // Ordered by eleventyNavigation.order; the sub-folder becomes its own headed group.
    const links = [...nav.matchAll(/<a href="([^"]+)"/g)].map((m) => m[1]);
    expect(links).toEqual([
      "/guide/",
      "/guide/second/",
      "/guide/third/",
      "/guide/advanced/",
      "/guide/advanced/deep/",
    ]);
    expect(nav).toMatch(/<h2 class="moj-side-navigation__title">Advanced<\/h2>/);
    expect(nav.match(/aria-current/g)).toHaveLength(1);
  });

  it("gives breadcrumbs from the folder structure", () => {
    const html = site.html("/guide/advanced/deep/");
    const crumbs = html.match(/<nav class="govuk-breadcrumbs[\s\S]*?<\/nav>/)?.[0] ?? "";
    const items = [...crumbs.matchAll(/href="([^"]+)">([^<]+)</g)].map((m) => `${m[2]} ${m[1]}`);
    expect(items).toEqual(["Fixture home /", "Guide /guide/", "Advanced /guide/advanced/"]);
  });

  it("places a page under an explicit parent, even one excluded from collections", () => {
    const html = site.html("/timeline/");
    expect(html).toMatch(/govuk-breadcrumbs__link" href="\/about\/">About</);
    expect(html).toMatch(/aria-current="location">History</);
    // includeInBreadcrumbs puts the current page at the end of its own trail.
    expect(site.html("/about/")).toMatch(
      /<li class="govuk-breadcrumbs__list-item" aria-current="page">\s*About/,
    );
  });

  it("links previous and next pages in reading order", () => {
    const html = site.html("/guide/third/");
    expect(html).toMatch(/href="\/guide\/second\/" rel="prev"/);
    expect(html).toMatch(/href="\/guide\/advanced\/" rel="next"/);
  });

  it("resolves links written as paths to Markdown files", () => {
    expect(site.html("/")).toContain('href="/guide/"');
    expect(site.html("/guide/")).toContain('href="/guide/second/#details"');
    expect(site.html("/guide/third/")).toContain('href="/guide/"');
  });

  it("adds an On this page list only where there are three or more h2", () => {
    const guide = site.html("/guide/");
    expect(guide).toContain("On this page");
    expect(guide).toMatch(/href="#first-section">First section</);
    expect(guide).toMatch(/<h2 id="first-section" class="govuk-heading-l">/);
    expect(site.html("/guide/second/")).not.toContain("On this page");
  });

  it("links hashed CSS and JavaScript that exist", () => {
    const html = site.html("/");
    const css = html.match(/href="(\/assets\/app\.[0-9a-f]{10}\.css)"/)?.[1];
    const js = html.match(/src="(\/assets\/app\.[0-9a-f]{10}\.js)"/)?.[1];
    expect(css && site.exists(css)).toBe(true);
    expect(js && site.exists(js)).toBe(true);
    expect(site.exists("/assets/images/favicon.svg")).toBe(true);
  });

  it("uses the product layout for the home page", () => {
    const html = site.html("/");
    expect(html).toContain('class="app-masthead"');
    expect(html).toContain("<title>Fixture Service</title>");
  });
});

describe("a content tree without a settings file", () => {
  it("builds with default settings", async () => {
    const site = await runBuild(fixture("no-settings"));
    expect(site.code).toBe(0);
    const html = site.html("/");
    expect(html).toContain("<title>Documentation</title>");
    expect(html).toContain("A content tree with no site settings file.");
  });
});

describe("bad input", () => {
  it("reports every problem at once, located, without a stack trace, and fails", async () => {
    const site = await runBuild(fixture("bad-input"));
    expect(site.code).toBe(1);
    const out = site.stderr;
    expect(out).not.toMatch(/\n\s+at /); // no stack frames
    expect(out).toContain("tests/fixtures/bad-input/unknown-layout.md:3  error");
    expect(out).toContain(
      '"fancy" is not a layout; use one of: error, page, product, sub-navigation, timeline',
    );
    expect(out).toMatch(/broken-yaml\.md:2 {2}error {2}the frontmatter .* is not valid YAML/);
    // Aliases of aliases that stand for 9^9 values: reported at the first alias, not walked.
    expect(out).toMatch(/alias-bomb\.md:4 {2}error {2}the frontmatter .*aliases .* would stall/);
    // At the quote left open, not where the frontmatter ends.
    expect(out).toMatch(
      /unclosed-quote\.md:3 {2}error {2}the frontmatter .*Missing closing "quote/,
    );
    expect(out).toMatch(
      /orphan\.md:4 {2}error {2}navigation parent "Nowhere" does not match any page/,
    );
    expect(out).toMatch(
      /dup-two\.md:5 {2}error {2}navigation key "same" is already used by .*dup-one\.md/,
    );
    expect(out).toMatch(
      /dup-two\.md:3 {2}error {2}this page and .*dup-one\.md would both be published at \/dup-one\//,
    );
  });

  it("reports dead .md links and undefined references at their lines", async () => {
    const { mkdtempSync, cpSync, rmSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const path = await import("node:path");
    // Without the duplicate URL (which stops the build early), rendering problems are reported too.
    const dir = mkdtempSync(path.join(tmpdir(), "bad-links-"));
    cpSync(fixture("bad-input"), dir, { recursive: true });
    rmSync(path.join(dir, "dup-two.md"));
    const site = await runBuild(dir);
    expect(site.code).toBe(1);
    expect(site.stderr).toMatch(
      /links\.md:6 {2}error {2}link to "nowhere\.md" does not match any page/,
    );
    expect(site.stderr).toMatch(
      /links\.md:7 {2}error {2}"\[undefined reference\]\[ref\]" is a reference link/,
    );
    // alias-bomb.md adds one (see the test above).
    expect(site.stderr).toMatch(/7 errors, 0 warnings in 6 files\./);
  });
});
