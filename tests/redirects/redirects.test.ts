import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import {
  collectRedirects,
  redirectFile,
  redirectPage,
  writeRedirects,
} from "../../src/redirects/redirects.js";
import type { PageRecord } from "../../src/navigation/types.js";

const page = (url: string, oldPaths: string[] = []): PageRecord => ({
  inputPath: `.${url}.md`,
  file: `content${url.replace(/\/$/, "")}.md`,
  url,
  title: `Page ${url}`,
  key: url,
  explicitKey: false,
  includeInBreadcrumbs: false,
  oldPaths,
  preventIndexing: false,
  lineOf: (f) => (f === "old_paths" ? 4 : undefined),
});

describe("redirects", () => {
  it("come from old_paths and from site settings", () => {
    const { redirects, problems } = collectRedirects(
      [page("/new/", ["/old.html", "/old/"])],
      { "/gone/": "/new/", "/away/": "https://www.gov.uk/" },
      "site.yml",
    );
    expect(problems).toEqual([]);
    expect(redirects.map((r) => `${r.from} → ${r.to}`)).toEqual([
      "/old.html → /new/",
      "/old/ → /new/",
      "/gone/ → /new/",
      "/away/ → https://www.gov.uk/",
    ]);
  });

  it("may not take a real page's address, point nowhere, or repeat", () => {
    const { problems } = collectRedirects(
      [page("/a/", ["/b/", "/x/"]), page("/b/"), page("/c/", ["/x/"])],
      { "/y/": "/missing/" },
      "content/_data/site.yml",
    );
    expect(problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.message}`)).toEqual([
      "content/a.md:4 the old address /b/ is the address of a page (content/b.md)",
      "content/c.md:4 /x/ already redirects to /a/ (content/a.md)",
      "content/_data/site.yml:- the redirect from /y/ points to /missing/, which is not a page",
    ]);
  });

  it("are written where the old address is served from", () => {
    expect(redirectFile("/tools/control-panel.html")).toBe("tools/control-panel.html");
    expect(redirectFile("/data/amazon-s3/")).toBe("data/amazon-s3/index.html");
    expect(redirectFile("/data/amazon-s3")).toBe("data/amazon-s3/index.html");
  });

  it("refresh to the new page, with a canonical link and a visible link", () => {
    const html = redirectPage(
      { from: "/old/", to: "/new/", title: "New & shiny", source: { file: "x" } },
      "/guidance/new/",
      "https://example.gov.uk/guidance/new/",
    );
    expect(html).toContain('<meta http-equiv="refresh" content="0; url=/guidance/new/">');
    expect(html).toContain('<link rel="canonical" href="https://example.gov.uk/guidance/new/">');
    expect(html).toContain('<a href="/guidance/new/">New &amp; shiny</a>');
  });

  it("never climb out of the old address, in any spelling, nor point at a script", () => {
    const { redirects, problems } = collectRedirects(
      [page("/about/", ["/../../../../tmp/x/", "/x/../about/", "/a/%2e%2e/b/", "/a\\b/", "/%zz/"])],
      { "/old/": "javascript:alert(1)", "/../up/": "/about/" },
      "site.yml",
    );
    expect(redirects).toEqual([]);
    expect(problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.message}`)).toEqual([
      'content/about.md:4 the old address "/../../../../tmp/x/" contains a . or .. segment, which could lead outside the site',
      'content/about.md:4 the old address "/x/../about/" contains a . or .. segment, which could lead outside the site',
      'content/about.md:4 the old address "/a/%2e%2e/b/" contains a . or .. segment, which could lead outside the site',
      'content/about.md:4 the old address "/a\\\\b/" contains a backslash or NUL character',
      'content/about.md:4 the old address "/%zz/" has a malformed % escape',
      'site.yml:- the redirect from /old/ points to "javascript:alert(1)", which is neither a page of the site nor an http(s) address',
      'site.yml:- the old address "/../up/" contains a . or .. segment, which could lead outside the site',
    ]);
  });

  it("never replace a file the build wrote, but replace their own earlier pages", () => {
    const out = mkdtempSync(path.join(tmpdir(), "redirects-"));
    mkdirSync(path.join(out, "about"));
    writeFileSync(path.join(out, "about/index.html"), "<h1>About</h1>");
    const redirect = (from: string) => ({
      from,
      to: "/new/",
      title: "New",
      source: { file: "site.yml" },
    });
    const write = () =>
      writeRedirects(
        [redirect("/about/"), redirect("/old/")],
        out,
        (to) => to,
        (to) => to,
      );
    expect(write().map((p) => p.message)).toEqual([
      "the old address /about/ is already a file of the site (about/index.html); the redirect would replace it",
    ]);
    expect(readFileSync(path.join(out, "about/index.html"), "utf8")).toBe("<h1>About</h1>");
    expect(existsSync(path.join(out, "old/index.html"))).toBe(true);
    // A second build into the same folder rewrites its own redirect without complaint.
    expect(write()).toHaveLength(1);
  });
});
