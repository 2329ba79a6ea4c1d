// `npm run check:external` end to end: builds a content tree and checks its links against a
// local server, reporting at file:line.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { execFile } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { engineCommand, projectRoot } from "../../helpers/build.js";

const server = http.createServer((req, res) => res.writeHead(req.url === "/ok" ? 200 : 404).end());
let base = "";
beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => server.close());

describe("npm run check:external", () => {
  it("reports broken external links at their file and line and exits non-zero", async () => {
    const content = mkdtempSync(path.join(tmpdir(), "external-content-"));
    writeFileSync(
      path.join(content, "index.md"),
      `---\ntitle: Home\n---\nA [working link](${base}/ok).\n\nA [broken link](${base}/gone).\n`,
    );
    const ignore = path.join(content, "..", `ignore-${path.basename(content)}`);
    writeFileSync(ignore, "");
    const { code, stdout, stderr } = await new Promise<{
      code: number;
      stdout: string;
      stderr: string;
    }>((resolve) =>
      execFile(
        process.execPath,
        [
          ...engineCommand("src/cli/check-external.ts"),
          `--input=${content}`,
          `--ignore-file=${ignore}`,
          "--cache-hours=0",
          "--retries=0",
          "--allow-internal", // the test server is on this machine
        ],
        { cwd: projectRoot },
        (error, stdout, stderr) =>
          resolve({ code: error ? Number(error.code) : 0, stdout, stderr }),
      ),
    );
    expect(code).toBe(1);
    expect(stdout).toContain("Checked 2 external URLs (0 from cache, 0 ignored).");
    const file = path.relative(projectRoot, path.join(content, "index.md"));
    expect(stderr).toContain(
      `${file}:6  error  external link ${base}/gone is broken: 404 Not Found`,
    );
    expect(stderr).not.toContain(`${base}/ok is broken`);
  });

  it("says what is wrong with an argument, with the usage line", async () => {
    for (const [arg, message] of [
      ["--concurrency=0", "--concurrency=0 must be a whole number from 1 to 64"],
      ["--timeout-seconds=abc", "--timeout-seconds=abc must be a number from 1 to 300"],
      ["--retries", "Option '--retries <value>' argument missing"],
    ]) {
      const { code, stderr } = await new Promise<{ code: number; stderr: string }>((resolve) =>
        execFile(
          process.execPath,
          engineCommand("src/cli/check-external.ts", [arg!]),
          { cwd: projectRoot },
          (error, _stdout, stderr) => resolve({ code: error ? Number(error.code) : 0, stderr }),
        ),
      );
      expect(code).toBe(2);
      expect(stderr).toContain(message);
      expect(stderr).toContain("Usage: npm run check:external");
    }
  });
});
