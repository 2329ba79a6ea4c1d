// Runs the same entry point as `npm run build` in a child process, into a temp folder.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixture = (name: string): string => path.join(projectRoot, "tests/fixtures", name);

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
  html(urlPath: string): string;
  exists(urlPath: string): boolean;
}

export function runBuild(input: string, extraArgs: string[] = []): Promise<BuildResult> {
  const output = mkdtempSync(path.join(tmpdir(), "site-build-"));
  const tsx = path.join(projectRoot, "node_modules/.bin/tsx");
  const args = [
    "src/cli/build.ts",
    `--input=${input}`,
    `--output=${output}`,
    "--quiet",
    ...extraArgs,
  ];
  return new Promise((resolve) => {
    execFile(
      tsx,
      args,
      { cwd: projectRoot, env: { ...process.env, TZ: "Europe/London" } },
      (error, stdout, stderr) => {
        const file = (urlPath: string) =>
          path.join(output, urlPath.endsWith("/") ? `${urlPath}index.html` : urlPath);
        resolve({
          code: error ? (typeof error.code === "number" ? error.code : 1) : 0,
          stdout,
          stderr,
          output,
          html: (urlPath) => readFileSync(file(urlPath), "utf8"),
          exists: (urlPath) => existsSync(file(urlPath)),
        });
      },
    );
  });
}
