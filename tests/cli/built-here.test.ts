import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { fewPages, PAGES_BUILT_HERE } from "../../src/cli/build.js";

const made: string[] = [];
afterAll(() => made.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

function site(pages: number, folder = "guide"): string {
  const dir = mkdtempSync(path.join(tmpdir(), "built-here-"));
  made.push(dir);
  mkdirSync(path.join(dir, folder), { recursive: true });
  for (let i = 0; i < pages; i++) writeFileSync(path.join(dir, folder, `p${i}.md`), "Text.");
  return dir;
}

describe("where a build runs Eleventy", () => {
  it("is the command's own process up to its number of Markdown pages, a worker past it", () => {
    expect(fewPages(site(PAGES_BUILT_HERE))).toBe(true);
    expect(fewPages(site(PAGES_BUILT_HERE + 1))).toBe(false);
  });

  it("does not count Markdown in node_modules or hidden folders, nor other files", () => {
    const dir = site(PAGES_BUILT_HERE + 1, "node_modules/some-package");
    mkdirSync(path.join(dir, ".git"));
    writeFileSync(path.join(dir, ".git", "notes.md"), "Not a page.");
    for (let i = 0; i <= PAGES_BUILT_HERE; i++) writeFileSync(path.join(dir, `i${i}.png`), "");
    expect(fewPages(dir)).toBe(true);
  });
});
