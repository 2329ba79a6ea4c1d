import { describe, expect, it } from "vitest";
import { corpusPages, PAGES_PER_SECTION } from "../../src/bench/corpus.js";

describe("the benchmark corpus", () => {
  it("is deterministic", () => {
    expect(corpusPages(120)).toEqual(corpusPages(120));
    expect(corpusPages(120, 2)).not.toEqual(corpusPages(120, 1));
  });

  it("has exactly the pages asked for, 50 to a section", () => {
    const pages = corpusPages(4000);
    expect(pages).toHaveLength(4000);
    expect(pages.filter((p) => p.file.startsWith("section-1/"))).toHaveLength(PAGES_PER_SECTION);
  });

  it("only links to pages that exist, even when the last section is cut short", () => {
    const pages = corpusPages(4000);
    const files = new Set(pages.map((p) => p.file));
    for (const page of pages) {
      const dir = page.file.includes("/") ? page.file.slice(0, page.file.lastIndexOf("/") + 1) : "";
      for (const [, target] of page.content.matchAll(/\]\(([^)#]+\.md)/g)) {
        expect(files.has(dir + target), `${page.file} links to ${target}`).toBe(true);
      }
    }
  });

  it("looks like real documentation", () => {
    const page = corpusPages(10)[2]!.content;
    for (const feature of [
      "eleventyNavigation:",
      "## Usage",
      "- ",
      "| Name | Value | Notes |",
      "```python",
      "#usage)",
    ]) {
      expect(page).toContain(feature);
    }
  });
});
