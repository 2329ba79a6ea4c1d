// What a GOV.UK tech-docs site owner relies on, built from a fixture, with and without a path prefix.
import { beforeAll, describe, expect, it } from "vitest";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { buildReport, fixture, runBuild, type BuildResult } from "../helpers/build.js";

describe.each([
  ["/", []],
  ["/guidance/", ["--pathprefix=/guidance/"]],
] as const)("a tech-docs site built with path prefix %s", (prefix, args) => {
  let site: BuildResult;
  beforeAll(async () => {
    site = await runBuild(fixture("tech-docs"), [...args]);
  });
  const p = (url: string) => `${prefix}${url.replace(/^\//, "")}`;

  it("builds without errors", () => {
    expect(site.code).toBe(0);
  });

  it("shows review dates and owner, and hides the overdue notice until the date passes", () => {
    const tools = site.html("/tools/");
    expect(tools).toContain(
      "Last reviewed on 12 March 2026. Due for review on 12 September 2026 by #tools-team.",
    );
    expect(tools).toMatch(
      /<div class="app-review-notice" data-review-by="2026-09-12" data-pagefind-ignore(="")?\s*>/,
    ); // overdue at build time: shown
    const panel = site.html("/tools/control-panel/");
    expect(panel).toContain("Due for review on 28 February 2099 by #default-team."); // site-wide owner; 31 Jan + 1 month
    expect(panel).toMatch(/data-review-by="2099-02-28" data-pagefind-ignore(="")? hidden(="")?>/);
  });

  it("links to the page's source on the configured branch and folder, and to report a problem", () => {
    const html = site.html("/tools/control-panel/");
    expect(html).toContain(
      'href="https://github.com/example/guide/blob/trunk/docs/source/tools/control-panel.md">View source',
    );
    const report = html
      .match(/href="([^"]+)">Report a problem with this page/)![1]!
      .replace(/&amp;/g, "&");
    const url = new URL(report);
    expect(url.pathname).toBe("/example/guide/issues/new");
    expect(url.searchParams.get("title")).toBe('Problem with the page "Control panel"');
    expect(url.searchParams.get("body")).toContain(
      `Page: https://example.gov.uk${p("/tools/control-panel/")}`,
    );
    expect(html).toContain('href="https://github.com/example/guide">Repository');
    expect(html).toMatch(
      /class="govuk-footer__link" href="https:\/\/github.com\/example\/guide">\s*Source code/,
    );
  });

  it("shows when the source last changed", () => {
    expect(site.html("/tools/")).toMatch(
      /<p class="govuk-body-s">Last updated: \d{1,2} \w+ \d{4}<\/p>/,
    );
  });

  it("redirects old addresses, including .html ones", () => {
    const redirects: [string, string][] = [
      ["/tools/control-panel.html", "/tools/control-panel/"],
      ["/control-panel/", "/tools/control-panel/"],
      ["/retired-page/", "/tools/control-panel/"],
    ];
    for (const [old, target] of redirects) {
      const html = site.html(old);
      expect(html).toContain(`<meta http-equiv="refresh" content="0; url=${p(target)}">`);
      expect(html).toContain(`<link rel="canonical" href="https://example.gov.uk${p(target)}">`);
    }
  });

  it("writes a sitemap, robots.txt and pages.json with absolute URLs", () => {
    const locs = [...site.html("/sitemap.xml").matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1]);
    expect(locs).toEqual(
      ["/", "/tools/", "/tools/control-panel/"].map((u) => `https://example.gov.uk${p(u)}`),
    );
    expect(site.html("/robots.txt")).toContain(
      `Sitemap: https://example.gov.uk${p("/sitemap.xml")}`,
    );
    const pages = JSON.parse(site.html("/api/pages.json")) as {
      url: string;
      review_by: string | null;
      owner_slack: string | null;
    }[];
    expect(pages.find((x) => x.url.endsWith(p("/tools/")))).toMatchObject({
      review_by: "2026-09-12",
      owner_slack: "#tools-team",
    });
  });

  it("gives every page canonical, Open Graph and Twitter metadata, and noindex where asked", () => {
    const html = site.html("/tools/");
    expect(html).toContain(`<link rel="canonical" href="https://example.gov.uk${p("/tools/")}">`);
    expect(html).toContain('<meta property="og:title" content="Tools">');
    expect(html).toContain('<meta name="twitter:card" content="summary">');
    expect(html).not.toContain('name="robots"');
    expect(site.html("/tools/secret/")).toContain('<meta name="robots" content="noindex">');
  });

  it("puts the prefix on every site URL in every page", () => {
    const files = readdirSync(site.output, { recursive: true, withFileTypes: true }).filter(
      (d) => d.isFile() && d.name.endsWith(".html"),
    );
    expect(files.length).toBeGreaterThan(5);
    for (const f of files) {
      const html = readFileSync(path.join(f.parentPath, f.name), "utf8");
      for (const [, url] of html.matchAll(
        /(?:href|src|action|content|data-pagefind-base)="(\/[^"]*)"/g,
      )) {
        expect(url!.startsWith(prefix), `${f.name}: ${url}`).toBe(true);
      }
    }
    expect(site.html("/search/")).toContain(`data-pagefind-base="${prefix}"`);
    expect(site.exists("/pagefind/pagefind.js")).toBe(true);
  });
});

describe("bad tech-docs values", () => {
  it("fail the build naming the file and field", async () => {
    const { result, report } = await buildReport(fixture("tech-docs-bad"));
    expect(result.code).toBe(1);
    const F = "tests/fixtures/tech-docs-bad";
    expect(report.problems.map((x) => `${x.file}:${x.line} ${x.message}`)).toEqual([
      `${F}/index.md:3 "last_reviewed_on": "2026-02-30" is not a real date`,
      `${F}/index.md:4 "review_in": "soon" is not a period`,
      `${F}/index.md:5 "owner_slack": "tools-team" is not a Slack channel or user`,
      `${F}/moved.md:3 the old address / is the address of a page (${F}/index.md)`,
    ]);
  });
});
