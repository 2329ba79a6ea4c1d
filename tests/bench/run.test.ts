// A tiny benchmark run, so `npm run bench` never rots. Asserts shape, never speed.
import { describe, expect, it } from "vitest";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { benchmarkSize, median, table } from "../../src/bench/run.js";
import { engineCommand } from "../helpers/build.js";

describe("the benchmark", () => {
  it("takes medians", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
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
    // The peak is split by whether Pagefind was running (30 pages may index between samples).
    expect(result.buildingMb).toBeGreaterThan(0);
    expect(Math.max(result.buildingMb, result.indexingMb)).toBe(result.peakMb);
    expect(table([result])).toMatch(
      /^\| pages \| bare Eleventy \| npm run build \|[\s\S]*\n\| 30 \| [\d.]+ s \| [\d.]+ s \| [\d.]+× \|/,
    );
    rmSync(workDir, { recursive: true, force: true });
  }, 120_000);
});
