// `npm start` and `npm run build` before `npm ci`: a sentence saying what to do, not
// npm's "sh: tsx: not found".
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/build.js";

const check = (cwd: string) =>
  new Promise<{ code: number; stderr: string }>((resolve) =>
    execFile(
      "node",
      [path.join(projectRoot, "src/cli/check-install.cjs")],
      { cwd },
      (e, _o, stderr) => resolve({ code: e ? Number(e.code) : 0, stderr }),
    ),
  );

describe("the install check before npm start and npm run build", () => {
  it("says to run npm ci when the tools are missing, and passes when they are there", async () => {
    const missing = await check(mkdtempSync(path.join(tmpdir(), "no-install-")));
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain("Run `npm ci` first");
    expect((await check(projectRoot)).code).toBe(0);
  });
});
