// Every command answers a mistake in its arguments with its usage line and exit code 2, never a
// stack trace (the import and size commands printed Node's parser error with its stack).
import { spawnSync } from "node:child_process";
import { describe, expect, it } from "vitest";
import { engineCommand, projectRoot } from "../helpers/build.js";

describe("a mistyped option", () => {
  it.each(["build", "review", "size", "check-external", "import-tech-docs"])(
    "is answered by %s with its usage line",
    (command) => {
      const result = spawnSync(
        process.execPath,
        engineCommand(`src/cli/${command}.ts`, ["--nosuch"]),
        {
          cwd: projectRoot,
          encoding: "utf8",
        },
      );
      expect(result.status).toBe(2);
      expect(result.stderr).toMatch(/^Unknown option '--nosuch'/);
      expect(result.stderr).toMatch(/\nUsage: npm run /);
      expect(result.stderr).not.toMatch(/\n\s+at /);
    },
    30_000,
  );
});

describe("a content folder that is not there", () => {
  it("is answered by build with the option that gives it, not Eleventy's message", () => {
    const result = spawnSync(
      process.execPath,
      engineCommand("src/cli/build.ts", ["--input=no-such-folder"]),
      { cwd: projectRoot, encoding: "utf8" },
    );
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(
      /^There is no folder \S+no-such-folder to build the site from: .* --input/,
    );
    expect(result.stderr).toMatch(/\nUsage: npm run build/);
    expect(result.stderr).not.toContain("parameter");
  }, 30_000);
});
