// The measure of the importer: the live Analytical Platform guide (a tech-docs site), imported
// with the command a team would run, then built. Heading ids are worked out here with
// tech-docs' own rules (UniqueIdentifierGenerator: Redcarpet's slug of the escaped heading,
// unique per rendered Markdown document, a repeat prefixed by its parent's id).
import { execFile } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import MarkdownIt from "markdown-it";
import { parse as parseYaml } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { buildReport, engineCommand, projectRoot, type BuildResult } from "../helpers/build.js";
import { hasRealSite, realSite } from "../helpers/real-sites.js";
import { serveSite } from "../helpers/gate/server.js";
import { launchChromium } from "../helpers/gate/browser.js";
import { cspViolations } from "../helpers/gate/axe.js";

const run = promisify(execFile);
const GUIDE = "tech-docs-ap-guide";
const source = path.join(realSite(GUIDE), "source");

const files = (dir: string): string[] =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();

const PARTIAL = /<%=\s*partial\s*\(?\s*["']([^"']+)["']/g;
const partialFile = (name: string): string => {
  const dir = path.posix.dirname(name);
  const base = path.posix.basename(name);
  const hit = readdirSync(path.join(source, dir)).find(
    (f) => f === `${base}.md` || f === `_${base}.md` || f.startsWith(`${base}.html`),
  );
  return path.posix.join(dir, hit!);
};

/** tech-docs' ids for one Markdown document, in order. */
const md = new MarkdownIt({ html: true });
function techDocsIds(markdown: string): string[] {
  const anchors: { id: string; level: number }[] = [];
  let fenced = false;
  let comment = false; // Redcarpet passes HTML comments through: no headings inside
  for (const raw of markdown.split("\n")) {
    if (!fenced && (comment || /^\s{0,3}<!--/.test(raw))) {
      comment = !raw.includes("-->");
      continue;
    }
    if (/^\s{0,3}(```|~~~)/.test(raw)) fenced = !fenced;
    const m = !fenced && /^(#{1,6})[\s\u00a0]*(\S.*?)\s*$/.exec(raw);
    if (!m) continue;
    const level = m[1]!.length;
    let id = md
      .renderInline(m[2]!)
      .replace(/'/g, "&#39;")
      .toLowerCase()
      .trim()
      .replace(/<\/?[^>]+?>/g, "")
      .replace(/[^0-9a-z]+/g, "-")
      .replace(/^-+|-+$/g, "");
    const taken = (x: string) => anchors.some((a) => a.id === x);
    if (taken(id)) {
      const parent = [...anchors].reverse().find((a) => a.level < level);
      if (parent) id = `${parent.id}-${id}`;
    }
    if (taken(id)) {
      let n = 2;
      while (taken(`${id}-${n}`)) n++;
      id = `${id}-${n}`;
    }
    anchors.push({ id, level });
  }
  return anchors.map((a) => a.id);
}

describe.skipIf(!hasRealSite(GUIDE))("importing the real Analytical Platform guide", () => {
  const pages = hasRealSite(GUIDE)
    ? files(source).filter((f) => f.endsWith(".html.md.erb") && !f.startsWith("documentation/"))
    : [];
  let content: string;
  let guide: string;
  let importOutput: string;
  let built: BuildResult;
  let report: { errors: number; warnings: number };

  beforeAll(async () => {
    const root = mkdtempSync(path.join(tmpdir(), "real-import-"));
    content = path.join(root, "content");
    guide = path.join(content, "ap-guide");
    mkdirSync(content);
    writeFileSync(
      path.join(content, "index.md"),
      "---\ntitle: Home\nlayout: product\n---\nRead [the user guide](ap-guide/index.md).\n",
    );
    const args = [realSite(GUIDE), `--into=${guide}`, `--content=${content}`];
    const imported = await run(
      process.execPath,
      engineCommand("src/cli/import-tech-docs.ts", args),
      {
        cwd: projectRoot,
        maxBuffer: 20e6,
      },
    );
    importOutput = imported.stdout;
    const result = await buildReport(content);
    built = result.result;
    report = result.report;
  }, 180_000);

  it("imports exactly the pages the live site publishes, and no partial as a page", () => {
    expect(pages).toHaveLength(97);
    const imported = files(guide).filter((f) => f.endsWith(".md"));
    expect(imported).toHaveLength(97);
    expect(imported).not.toContain("documentation/annexes.md");
    expect(importOutput).toMatch(/^Imported 97 pages/m);
  });

  it("inlines every partial's text and leaves no TODO", () => {
    for (const page of pages) {
      const out = readFileSync(path.join(guide, page.replace(/\.html\.md\.erb$/, ".md")), "utf8");
      expect(out, page).not.toContain("TODO(import)");
      const src = readFileSync(path.join(source, page), "utf8");
      for (const [, name] of src.matchAll(PARTIAL)) {
        const text = readFileSync(path.join(source, partialFile(name!)), "utf8");
        // The partial's longest line of plain prose must be in the page as written.
        const prose = text
          .split("\n")
          .filter((l) => !/[[\]<>|`#*_\\]/.test(l) && !/^\s*([-*+]|\d+\.)\s/.test(l))
          .sort((a, b) => b.length - a.length)[0];
        if (prose && prose.trim().length > 30)
          expect(out, `${page} ← ${name}`).toContain(prose.trim());
      }
    }
  });

  it("builds with no errors: the old site's own problems are recorded as known, not hidden", () => {
    expect(report.errors).toBe(0);
    expect(built.code).toBe(0);
    const known = readFileSync(path.join(content, "known-problems.yml"), "utf8");
    expect(known).toMatch(/kind: broken-anchor/);
    expect(report.warnings).toBeGreaterThan(50);
  });

  it("keeps every heading id the live site has", () => {
    const missing: string[] = [];
    for (const page of pages) {
      const url =
        `/ap-guide/${page.replace(/\.html\.md\.erb$/, "").replace(/(^|\/)index$/, "")}/`.replace(
          /\/+$/,
          "/",
        );
      const html = built.html(url);
      const body = readFileSync(path.join(source, page), "utf8").replace(/^---[\s\S]*?---/, "");
      const docs = [body.replace(PARTIAL, "")];
      for (const [, name] of body.matchAll(PARTIAL)) {
        docs.push(readFileSync(path.join(source, partialFile(name!)), "utf8"));
      }
      for (const id of docs.flatMap(techDocsIds)) {
        if (!html.includes(` id="${id}"`)) missing.push(`${url}#${id}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it("copies no tracking script into any page, and redirects every old .html address", () => {
    // The Google tag pasted into every page is one setting now, loaded after consent only.
    for (const file of files(built.output).filter((f) => /\.(html|json|xml)$/.test(f))) {
      const text = readFileSync(path.join(built.output, file), "utf8");
      expect(text, file).not.toMatch(/<script[^>]*googletagmanager|gtag\(|dataLayer/);
    }
    const settings = parseYaml(readFileSync(path.join(content, "_data/site.yml"), "utf8"));
    expect(settings.analytics).toEqual({ googleTagId: "G-R6XQGCZFY1" });
    expect(built.html("/ap-guide/")).toContain('data-google-tag-id="G-R6XQGCZFY1"');
    expect(built.exists("/cookies/")).toBe(true);
    for (const page of pages) {
      const old = `/ap-guide/${page.replace(/\.md\.erb$/, "")}`;
      expect(built.exists(old), old).toBe(true);
    }
  });

  it("runs in a browser without its Content-Security-Policy blocking anything on any page", async () => {
    const server = await serveSite(built.output);
    const browser = await launchChromium();
    const page = await browser.newPage();
    const blocked: string[] = [];
    try {
      for (const source of pages) {
        const url = `/ap-guide/${source.replace(/\.html\.md\.erb$/, "/").replace(/(^|\/)index\/$/, "$1")}`;
        await page.goto(server.url + url);
        for (const v of await cspViolations(page)) blocked.push(`${url}: ${v.help}`);
      }
    } finally {
      await browser.close();
      await server.close();
    }
    expect(blocked).toEqual([]);
  }, 180_000);
});
