// The build's checks on a fixture with one of each known mistake, and on the real content.
import { describe, expect, it } from "vitest";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildReport, copyTree, fixture, projectRoot, runBuild } from "../helpers/build.js";

const F = "tests/fixtures/broken";

describe("checks on a site with known mistakes", () => {
  it("report exactly the planted problems, each at its source file and line", async () => {
    const { result, lines, report } = await buildReport(fixture("broken"));
    expect(result.code).toBe(1);
    expect(lines).toEqual([
      `${F}/_data/site.yml:6 error broken-link`, // header link to /gone/, reported once, not per page
      `${F}/guide.md:- error duplicate-id`,
      `${F}/index.md:4 error broken-link`,
      `${F}/index.md:4 error broken-anchor`,
      `${F}/index.md:5 error broken-anchor`,
      `${F}/index.md:7 error image-alt`,
      `${F}/index.md:7 error broken-link`,
      `${F}/index.md:11 error empty-link`,
      `${F}/index.md:13 error mojibake`,
      `${F}/index.md:17 error heading-skip`,
      `${F}/index.md:19 error heading-h1`,
      `${F}/index.md:21 error undefined-reference`,
      `${F}/index.md:21 error md-link`,
      `${F}/index.md:23 warning template-tag`, // {{ }} in text, on a site without Nunjucks in Markdown
    ]);
    const message = (kind: string, line: number) =>
      report.problems.find((p) => p.kind === kind && p.line === line)!.message;
    expect(message("broken-link", 4)).toBe(
      'link "/nope/" on / points to /nope/, which does not exist',
    );
    expect(message("broken-anchor", 4)).toContain(
      "points to #nowhere, but /guide/ has no such heading or id",
    );
    expect(message("mojibake", 13)).toContain('(probably "–")');
    expect(message("template-tag", 23)).toBe(
      '"{{ user.name }}" looks like a Nunjucks tag, but this site does not run Markdown through Nunjucks, so readers see it as written',
    );
    const image = report.problems.find((p) => p.kind === "broken-link" && p.line === 7)!;
    expect(image.message).toBe(
      'image "/missing.png" on / is not in the site (looked for /missing.png)',
    );
    expect(image.hint).toContain("put the image file in the content folder");
    expect(report.errors).toBe(13);
  });

  it("groups the terminal report by file, with counts", async () => {
    const result = await runBuild(fixture("broken"));
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^tests\/fixtures\/broken\/index\.md\n {2}tests\/fixtures\/broken\/index\.md:4 {2}error/m,
    );
    expect(result.stderr).toContain("13 errors, 1 warning in 3 files.");
  });

  it("writes GitHub Actions annotations when running in GitHub Actions", async () => {
    const result = await runBuild(fixture("broken"), [], { GITHUB_ACTIONS: "true" });
    const annotations = result.stdout.split("\n").filter((l) => l.startsWith("::"));
    expect(annotations).toHaveLength(14);
    expect(annotations).toContain(
      `::error file=${F}/index.md,line=4,title=broken-link::link "/nope/" on / points to /nope/, which does not exist. How to fix: check the address; link to other pages by their .md file so the build can follow them`,
    );
  });

  it("takes each check's severity from site.yml", async () => {
    const dir = copyTree(fixture("broken"));
    const settings = path.join(dir, "_data/site.yml");
    writeFileSync(
      settings,
      `${readFileSync(settings, "utf8")}checks:\n  image-alt: warning\n  mojibake: "off"\n`,
    );
    const { lines } = await buildReport(dir);
    expect(lines.filter((l) => l.includes("image-alt"))).toEqual([
      `${path.relative(projectRoot, dir)}/index.md:7 warning image-alt`,
    ]);
    expect(lines.some((l) => l.includes("mojibake"))).toBe(false);
  });
});

describe("checks on the real content", () => {
  it("find no errors, only the one line about dated plans", async () => {
    const { result, report } = await buildReport(path.join(projectRoot, "content"));
    expect(result.code).toBe(0);
    expect(report.errors).toBe(0);
    expect(report.problems.map((p) => p.kind)).toEqual(["timeline-plan-passed"]);
  });

  it("fail the build when a link in content/ breaks, naming the file and line", async () => {
    const dir = copyTree(path.join(projectRoot, "content"));
    const page = path.join(dir, "analytical-platform/index.md");
    const source = readFileSync(page, "utf8");
    writeFileSync(
      page,
      source.replace(
        "[Contact us](get-support.md)",
        "[Contact us](get-support.md#no-such-section)",
      ),
    );
    const line =
      source.split("\n").findIndex((l) => l.includes("[Contact us](get-support.md)")) + 1;
    const { result, lines } = await buildReport(dir);
    expect(result.code).toBe(1);
    expect(lines.filter((l) => l.includes(" error "))).toEqual([
      `${path.relative(projectRoot, page)}:${line} error broken-anchor`,
    ]);
  });
});
