// Runs the same entry point as `npm run build` in a child process, into a temp folder.
import { execFile } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readFileSync, existsSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const fixture = (name: string): string => path.join(projectRoot, "tests/fixtures", name);

/**
 * Node's arguments to run one of the engine's commands from its TypeScript source, with the
 * site's config given the source too (the package's docs-engine-source export): the package.json
 * scripts run the same commands compiled, from dist/.
 */
export const engineCommand = (script: string, args: string[] = []): string[] => [
  "--conditions=docs-engine-source",
  "--import",
  "tsx",
  script,
  ...args,
];

export interface BuildResult {
  code: number;
  stdout: string;
  stderr: string;
  output: string;
  html(urlPath: string): string;
  exists(urlPath: string): boolean;
}

export function runBuild(
  input: string,
  extraArgs: string[] = [],
  env: Record<string, string> = {},
): Promise<BuildResult> {
  const output = mkdtempSync(path.join(tmpdir(), "site-build-"));
  const args = engineCommand("src/cli/build.ts", [
    `--input=${input}`,
    `--output=${output}`,
    "--quiet",
    ...extraArgs,
  ]);
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      args,
      { cwd: projectRoot, env: { ...process.env, TZ: "Europe/London", ...env } },
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

export interface ReportedProblem {
  file: string;
  line?: number;
  severity: string;
  kind: string;
  message: string;
  hint?: string;
}

/** Builds with --report=json and returns the problems, as "file:line severity kind" lines too. */
export async function buildReport(input: string, env: Record<string, string> = {}) {
  const result = await runBuild(input, ["--report=json"], env);
  const report = JSON.parse(result.stdout) as {
    errors: number;
    warnings: number;
    problems: ReportedProblem[];
  };
  const lines = report.problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.severity} ${p.kind}`);
  return { result, report, lines };
}

/** Writes each file of `files` (path → text) under root, making folders as needed; returns root. */
export function writeTree(root: string, files: Record<string, string>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

/** A temporary copy of a content tree, to change without touching the repository. */
export function copyTree(from: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), "site-content-"));
  cpSync(from, dir, { recursive: true });
  return dir;
}
