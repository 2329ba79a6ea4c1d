// What Redcarpet reads differently, tech-docs' heading ids, Middleman's partial lookup and the
// baseline of known problems: the edge cases, on small inputs.
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { markTechDocsIds, normaliseRedcarpet, settleIds } from "../../src/import/redcarpet.js";
import { isPageTemplate, locatePartial } from "../../src/import/middleman.js";
import { applyBaseline, baselineYaml } from "../../src/problems/baseline.js";
import type { Problem } from "../../src/problems/problem.js";
import { stripScripts } from "../../src/import/analytics.js";

describe("Redcarpet's Markdown, normalised", () => {
  it("fixes headings with a non-breaking space or no space, but not inside code", () => {
    const { markdown, changes } = normaliseRedcarpet(
      "##\u00a0Hidden files\n###Setup\n```\n#comment in code\n```\n",
    );
    expect(markdown).toBe("## Hidden files\n### Setup\n```\n#comment in code\n```\n");
    expect(changes.map((c) => c.line)).toEqual([1, 2]);
  });

  it("separates a table from a one-line HTML block, and trims an over-long separator row", () => {
    const { markdown, changes } = normaliseRedcarpet(
      '<div class="x">&nbsp;</div>\n| a | b |\n|---|---|---|\n| 1 | 2 |\n',
    );
    expect(markdown).toBe('<div class="x">&nbsp;</div>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n');
    expect(changes).toHaveLength(2);
  });
});

describe("an SVG in <object>", () => {
  it("becomes an image, which shows the same and runs nothing", () => {
    const { markdown, changes } = normaliseRedcarpet(
      'Intro\n<object type="image/svg+xml" data="../images/flow.svg"></object>\n',
    );
    expect(markdown).toBe('Intro\n<img src="../images/flow.svg" alt="">\n');
    expect(changes).toEqual([{ line: 2, what: expect.stringContaining("shown with <img>") }]);
  });
});

describe("tech-docs heading ids", () => {
  it("slugs the escaped heading and prefixes a repeat with its parent's id", () => {
    const marked = markTechDocsIds(
      "# Guide\n## Don't panic\n## Set_up v1.2\n### Notes\n## Other\n### Notes\n<!--\n## Hidden\n-->\n",
    );
    expect(marked).toContain("## Don't panic {#don-39-t-panic}");
    expect(marked).toContain("## Set_up v1.2 {#set-up-v1-2}");
    expect(marked).toContain("### Notes {#notes}");
    expect(marked).toContain("### Notes {#other-notes}");
    expect(marked).toContain("## Hidden\n"); // inside a comment: not a heading
  });

  it("keeps an explicit id only where this site's own id would differ", () => {
    const { markdown, kept } = settleIds("## Plain words {#plain-words}\n## Don't {#don-39-t}\n");
    expect(markdown).toBe("## Plain words\n## Don't {#don-39-t}\n");
    expect(kept).toBe(1);
  });
});

describe("Middleman's rules", () => {
  const site = mkdtempSync(path.join(tmpdir(), "middleman-"));
  const src = path.join(site, "source");
  mkdirSync(path.join(src, "documentation/tools"), { recursive: true });
  mkdirSync(path.join(src, "tools"), { recursive: true });
  writeFileSync(path.join(src, "documentation/tools/panel.md"), "Panel\n");
  writeFileSync(path.join(src, "tools/_note.html.md"), "Note\n");
  writeFileSync(path.join(site, "secret.md"), "Secret\n");
  symlinkSync(path.join(site, "secret.md"), path.join(src, "documentation/leak.md"));

  it("knows pages from partials and other files by the address they build to", () => {
    expect(isPageTemplate("tools/panel.html.md.erb")).toBe(true);
    expect(isPageTemplate("tools/_note.html.md")).toBe(false);
    expect(isPageTemplate("documentation/tools/panel.md")).toBe(false);
  });

  it("finds partials from source/ or next to the page, with or without _, never outside", () => {
    expect(locatePartial(src, "tools/panel.html.md.erb", "documentation/tools/panel")).toEqual({
      file: "documentation/tools/panel.md",
    });
    expect(locatePartial(src, "tools/panel.html.md.erb", "note")).toEqual({
      file: "tools/_note.html.md",
    });
    expect(locatePartial(src, "index.html.md.erb", "../secret")).toMatchObject({
      error: expect.stringContaining("outside source/"),
    });
    expect(locatePartial(src, "index.html.md.erb", "documentation/leak")).toMatchObject({
      error: expect.stringContaining("outside source/"),
    });
  });
});

describe("the baseline of known problems", () => {
  const content = mkdtempSync(path.join(tmpdir(), "baseline-"));
  const paths = { siteRoot: content, inputDir: content };
  const problem = (message: string): Problem => ({
    file: "guide/a.md",
    line: 3,
    kind: "broken-link",
    severity: "error",
    message,
  });

  it("turns listed problems into warnings, fails on new ones, and reports fixed entries", () => {
    writeFileSync(
      path.join(content, "known-problems.yml"),
      baselineYaml([problem("old one"), problem("fixed since")], paths),
    );
    const out = applyBaseline([problem("old one"), problem("new one")], paths);
    expect(out.map((p) => `${p.severity} ${p.message}`)).toEqual([
      "warning old one",
      "error new one",
      'warning "fixed since" (guide/a.md) no longer happens',
    ]);
    expect(out[2]).toMatchObject({ file: "known-problems.yml", line: 6 });
  });

  it("never holds a safety problem: unsafe HTML stays an error even if listed by hand", () => {
    const unsafe: Problem = { ...problem("raw HTML <script> is not allowed"), kind: "unsafe-html" };
    expect(baselineYaml([unsafe], paths)).not.toContain("unsafe-html");
    writeFileSync(
      path.join(content, "known-problems.yml"),
      `- file: guide/a.md\n  kind: unsafe-html\n  message: ${JSON.stringify(unsafe.message)}\n`,
    );
    expect(applyBaseline([unsafe], paths)[0]!.severity).toBe("error");
  });
});

describe("scripts in imported pages", () => {
  it("are never copied: a Google tag is named, any other script is located by line", () => {
    const page =
      'Intro\n<!-- Google tag (gtag.js) -->\n<script async src="https://www.googletagmanager.com/gtag/js?id=G-ABC123"></script>\n<script>\n  gtag("config", "G-ABC123");\n</script>\n\n<script>alert(1)</script>\nEnd\n';
    const { markdown, googleTagIds, otherScripts } = stripScripts(page);
    expect(markdown).toBe("Intro\n\nEnd\n");
    expect(googleTagIds).toEqual(["G-ABC123"]);
    expect(otherScripts).toEqual([8]);
  });
});
