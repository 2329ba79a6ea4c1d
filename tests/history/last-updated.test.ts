import { describe, expect, it } from "vitest";
import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { LastUpdated, lastCommitDates } from "../../src/history/last-updated.js";

function git(cwd: string, args: string[], date?: string) {
  const env = {
    ...process.env,
    GIT_AUTHOR_NAME: "t",
    GIT_AUTHOR_EMAIL: "t@example.com",
    GIT_COMMITTER_NAME: "t",
    GIT_COMMITTER_EMAIL: "t@example.com",
    ...(date ? { GIT_AUTHOR_DATE: date, GIT_COMMITTER_DATE: date } : {}),
  };
  execFileSync("git", args, { cwd, env, stdio: "ignore" });
}

describe("last updated", () => {
  it("comes from one git log: each file's newest commit", () => {
    const repo = mkdtempSync(path.join(tmpdir(), "history-"));
    const content = path.join(repo, "content");
    mkdirSync(content);
    git(repo, ["init", "-q"]);
    writeFileSync(path.join(content, "a.md"), "one");
    writeFileSync(path.join(content, "b.md"), "one");
    git(repo, ["add", "."]);
    git(repo, ["commit", "-qm", "first"], "2025-01-10T12:00:00Z");
    writeFileSync(path.join(content, "b.md"), "two");
    git(repo, ["commit", "-qam", "second"], "2026-03-05T12:00:00Z");
    writeFileSync(path.join(content, "new.md"), "not committed");
    utimesSync(
      path.join(content, "new.md"),
      new Date("2026-04-01T12:00:00Z"),
      new Date("2026-04-01T12:00:00Z"),
    );

    const dates = lastCommitDates(content);
    expect(dates.get(path.join(repo, "content/a.md"))).toBe("2025-01-10");
    expect(dates.get(path.join(repo, "content/b.md"))).toBe("2026-03-05");
    const history = new LastUpdated(content);
    expect(history.of(path.join(content, "new.md"))).toBe("2026-04-01"); // not committed: file time
  });

  it("falls back to file times outside a git checkout", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "no-git-"));
    writeFileSync(path.join(dir, "a.md"), "x");
    utimesSync(
      path.join(dir, "a.md"),
      new Date("2024-02-29T12:00:00Z"),
      new Date("2024-02-29T12:00:00Z"),
    );
    expect(lastCommitDates(dir).size).toBe(0);
    expect(new LastUpdated(dir).of(path.join(dir, "a.md"))).toBe("2024-02-29");
  });
});
