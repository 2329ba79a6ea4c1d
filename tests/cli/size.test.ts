import { describe, expect, it } from "vitest";
import path from "node:path";
import { pageWeight, sizeTable } from "../../src/cli/size.js";
import { fixture, runBuild } from "../helpers/build.js";

describe("page weight", () => {
  it("counts the HTML and everything the page loads, gzipped", async () => {
    const site = await runBuild(fixture("basic"));
    const rows = pageWeight(site.output, "/guide/");
    expect(rows.map((r) => r.what)).toEqual(["HTML", "CSS", "JavaScript", "Icon"]);
    expect(rows[1]!.url).toMatch(/^\/assets\/app\.[0-9a-f]{10}\.css$/);
    for (const row of rows) expect(row.gzipBytes).toBeGreaterThan(0);
    expect(rows.some((r) => /pagefind|search\.[0-9a-f]+\.js/.test(r.url))).toBe(false); // search loads on demand
    const total = rows.reduce((s, r) => s + r.gzipBytes, 0) / 1024;
    expect(sizeTable(rows).totalKb).toBeCloseTo(total, 5);
    expect(sizeTable(rows, 25).ok).toBe(total <= 25);
    expect(sizeTable(rows, 1).ok).toBe(false);
    expect(path.basename(site.output)).toMatch(/^site-build-/);
  });
});
