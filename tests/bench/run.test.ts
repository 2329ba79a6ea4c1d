// A tiny benchmark run, so `npm run bench` never rots. Asserts shape, never speed.
import { describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchmarkSize, median, table, treeRss } from "../../src/bench/run.js";
import { engineCommand } from "../helpers/build.js";

describe("the benchmark", () => {
  it("takes medians", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });

  it("tells the memory of a process tree while Pagefind runs in it from the rest", async () => {
    // A program named as Pagefind's is (the kernel keeps its file name), that only waits.
    const dir = mkdtempSync(path.join(tmpdir(), "bench-tree-"));
    const named = path.join(dir, "pagefind_extended");
    copyFileSync("/bin/sleep", named);
    const children = [spawn("/bin/sleep", ["30"]), spawn(named, ["30"])];
    try {
      await Promise.all(children.map((c) => new Promise((resolve) => c.once("spawn", resolve))));
      const [other, pagefind] = children.map((c) => treeRss(c.pid!));
      expect(other!.indexing).toBe(false);
      expect(pagefind!.indexing).toBe(true);
      expect(pagefind!.kb).toBeGreaterThan(0);
    } finally {
      for (const c of children) c.kill();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("builds a small corpus bare and with the full engine, and reports it", async () => {
    const workDir = mkdtempSync(path.join(tmpdir(), "bench-test-"));
    const result = await benchmarkSize(30, 1, workDir, engineCommand("src/cli/build.ts"));
    expect(result.pages).toBe(30);
    for (const n of [
      result.bare,
      result.full,
      result.noSearch,
      result.peakMb,
      result.bareMb,
      result.firstFull,
    ]) {
      expect(n).toBeGreaterThan(0);
    }
    expect(result.searchSeconds).toBeGreaterThan(0); // the full build includes search
    expect(result.roundRatios).toHaveLength(1);
    // One round: its full build paired with its bare build, not with the build without search.
    expect(result.roundRatios[0]).toBeCloseTo(result.full / result.bare);
    expect(result.buildingMb).toBeGreaterThan(0);
    expect(table([result])).toMatch(
      /^\| pages \| bare Eleventy \| npm run build \|[\s\S]*\n\| 30 \| [\d.]+ s \| [\d.]+ s \| [\d.]+× \|/,
    );
    rmSync(workDir, { recursive: true, force: true });
  }, 120_000);
});
