import { describe, expect, it } from "vitest";
import { execFile } from "node:child_process";
import { engineCommand, fixture, projectRoot } from "../helpers/build.js";
import { formatRows, reviewRows } from "../../src/cli/review.js";

function review(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) =>
    execFile(
      process.execPath,
      engineCommand("src/cli/review.ts", args),
      { cwd: projectRoot },
      (error, stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
    ),
  );
}

describe("npm run review", () => {
  it("lists overdue pages and those due soon, soonest first, with owners", () => {
    const { rows } = reviewRows(fixture("tech-docs"), "2026-09-01");
    const days = (to: number) => Math.round((to - Date.UTC(2026, 8, 1)) / 86_400_000);
    expect(rows.map((r) => [r.title, r.review.reviewBy, r.review.owner, r.daysLeft])).toEqual([
      ["Internal notes", "2021-01-01", "#default-team", days(Date.UTC(2021, 0, 1))],
      ["Tools", "2026-09-12", "#tools-team", 11],
      ["Control panel", "2099-02-28", "#default-team", days(Date.UTC(2099, 1, 28))],
    ]);
    const text = formatRows(rows, 30);
    expect(text.split("\n")).toHaveLength(2);
    expect(text).toMatch(
      /^overdue by 2069 days\s+1 January 2021\s+#default-team\s+tests\/fixtures\/tech-docs\/tools\/secret\.md {2}Internal notes$/m,
    );
    expect(text).toMatch(/^due in 11 days\s+12 September 2026\s+#tools-team/m);
  });

  it("exits non-zero with --fail-on-overdue only when a page is overdue", async () => {
    const input = `--input=${fixture("tech-docs")}`;
    expect((await review([input, "--today=2026-09-01"])).code).toBe(0);
    const failing = await review([input, "--today=2026-09-01", "--fail-on-overdue"]);
    expect(failing.code).toBe(1);
    expect(failing.stderr).toContain("1 page is overdue for review.");
    expect((await review([input, "--today=2020-06-01", "--fail-on-overdue"])).code).toBe(0);
  });

  it("reports bad review values at their file and line", async () => {
    const { code, stderr } = await review([`--input=${fixture("tech-docs-bad")}`]);
    expect(code).toBe(1);
    expect(stderr).toContain(
      'tests/fixtures/tech-docs-bad/index.md:4  error  "review_in": "soon" is not a period',
    );
  });

  it("says what is wrong with an argument, with the usage line, never a stack trace", async () => {
    for (const [arg, message] of [
      ["--input=/nonexistent", "--input=/nonexistent is not a folder"],
      ["--within=abc", "--within=abc must be a whole number of days"],
      ["--today=tomorrow", "--today=tomorrow must be a date written YYYY-MM-DD"],
    ]) {
      const { code, stderr } = await review([arg!]);
      expect(code).toBe(2);
      expect(stderr).toBe(
        `${message}\nUsage: npm run review -- [--input=DIR] [--within=DAYS] [--today=YYYY-MM-DD] [--fail-on-overdue]\n`,
      );
    }
  });
});
