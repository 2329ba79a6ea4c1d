// The repository's commands run the compiled engine: it is compiled again exactly when its
// source has changed since dist/ was built.
import { mkdirSync, mkdtempSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const { needsCompiling } = createRequire(import.meta.url)("../../src/cli/compile-engine.cjs") as {
  needsCompiling(root: string): boolean;
};

function touch(file: string, secondsAgo: number): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, "");
  const when = new Date(Date.now() - secondsAgo * 1000);
  utimesSync(file, when, when);
}

/** Every file and folder under root, as if last changed a while ago. */
function age(root: string, secondsAgo: number): void {
  const when = new Date(Date.now() - secondsAgo * 1000);
  for (const entry of readdirSync(root, { recursive: true, encoding: "utf8" }))
    utimesSync(path.join(root, entry), when, when);
}

describe("compiling the engine before the repository's commands", () => {
  it("compiles when dist/ was never built, or when a source file is newer than it", () => {
    const root = mkdtempSync(path.join(tmpdir(), "compile-engine-"));
    touch(path.join(root, "src/cli/build.ts"), 60);
    age(root, 60);
    expect(needsCompiling(root)).toBe(true);
    touch(path.join(root, "dist/.compiled"), 30);
    expect(needsCompiling(root)).toBe(false);
    touch(path.join(root, "src/markdown/deep/new.ts"), 10);
    expect(needsCompiling(root)).toBe(true);
    touch(path.join(root, "dist/.compiled"), -1); // folders count too: a file was added
    expect(needsCompiling(root)).toBe(false);
    touch(path.join(root, "tsconfig.json"), -5); // saved after that compile
    expect(needsCompiling(root)).toBe(true);
  });
});
