import { describe, expect, it } from "vitest";
import { pagesJson, robots, sitemap } from "../../src/site-files/site-files.js";
import type { PageRecord } from "../../src/navigation/types.js";

const page = (url: string, extra: Partial<PageRecord> = {}): PageRecord => ({
  inputPath: `.${url}index.md`,
  file: `content${url}index.md`,
  url,
  title: `Title ${url}`,
  key: url,
  explicitKey: false,
  includeInBreadcrumbs: false,
  oldPaths: [],
  preventIndexing: false,
  lineOf: () => undefined,
  ...extra,
});
const absoluteUrl = (p: string) => `https://example.gov.uk/guidance${p}`;

describe("site files", () => {
  const pages = [
    page("/b/", { review: { lastReviewed: "2026-01-01", reviewBy: "2026-07-01", owner: "#team" } }),
    page("/a/"),
    page("/hidden/", { preventIndexing: true }),
  ];

  it("list every page in pages.json in the shape tech-docs-monitor reads", () => {
    expect(
      JSON.parse(pagesJson(pages, { absoluteUrl, preventIndexing: false, published: true })),
    ).toEqual([
      {
        title: "Title /a/",
        url: "https://example.gov.uk/guidance/a/",
        review_by: null,
        owner_slack: null,
      },
      {
        title: "Title /b/",
        url: "https://example.gov.uk/guidance/b/",
        review_by: "2026-07-01",
        owner_slack: "#team",
      },
      {
        title: "Title /hidden/",
        url: "https://example.gov.uk/guidance/hidden/",
        review_by: null,
        owner_slack: null,
      },
    ]);
  });

  it("leave pages that prevent indexing out of the sitemap", () => {
    const xml = sitemap(pages, { absoluteUrl, preventIndexing: false, published: true });
    expect([...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => m[1])).toEqual([
      "https://example.gov.uk/guidance/a/",
      "https://example.gov.uk/guidance/b/",
    ]);
    expect(sitemap(pages, { absoluteUrl, preventIndexing: true, published: true })).not.toContain(
      "<loc>",
    );
  });

  it("write robots.txt that allows or blocks the whole site", () => {
    expect(robots({ absoluteUrl, preventIndexing: false, published: true })).toBe(
      "User-agent: *\nAllow: /\n\nSitemap: https://example.gov.uk/guidance/sitemap.xml\n",
    );
    expect(robots({ absoluteUrl, preventIndexing: true, published: true })).toBe(
      "User-agent: *\nDisallow: /\n",
    );
    // No sitemap to point at until the published address is known.
    expect(robots({ absoluteUrl, preventIndexing: false, published: false })).toBe(
      "User-agent: *\nAllow: /\n",
    );
  });
});
