// `npm start` on a temporary copy of a content tree: the real preview command in a child
// process, with helpers to wait for its next build and fetch pages from it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { copyTree, engineCommand, projectRoot } from "./build.js";

export interface Preview {
  content: string;
  url: string;
  /** Everything printed so far. */
  log(): string;
  /** Waits until the output printed after `from` matches `pattern` (default: a finished build). */
  waitFor(pattern: RegExp, from: number): Promise<void>;
  /** Length of the log now, to wait for what comes after. */
  mark(): number;
  /** Whether a build finished after `from` within `ms`. */
  built(from: number, ms: number): Promise<boolean>;
  get(urlPath: string): Promise<{ status: number; body: string }>;
  alive(): boolean;
  stop(): Promise<void>;
}

/** The copy is outside the project folder, as `npm start -- --input=…` on another site is. */
export async function startPreview(
  fixtureDir: string,
  env: NodeJS.ProcessEnv = {},
): Promise<Preview> {
  const content = copyTree(fixtureDir);
  const output = mkdtempSync(path.join(tmpdir(), "site-preview-"));
  const port = 20000 + Math.floor(Math.random() * 20000);
  const child: ChildProcess = spawn(
    process.execPath,
    engineCommand("src/cli/build.ts", [
      "--serve",
      "--incremental",
      `--input=${content}`,
      `--output=${output}`,
      `--port=${port}`,
    ]),
    { cwd: projectRoot, env: { ...process.env, TZ: "Europe/London", ...env } },
  );
  let log = "";
  let exited = false;
  child.stdout!.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr!.on("data", (d: Buffer) => (log += d.toString()));
  child.on("exit", () => (exited = true));

  const waitFor = (pattern: RegExp, from: number) =>
    new Promise<void>((resolve, reject) => {
      const timer = setInterval(() => {
        if (pattern.test(log.slice(from))) {
          clearInterval(timer);
          resolve();
        } else if (exited) {
          clearInterval(timer);
          reject(new Error(`the preview exited:\n${log}`));
        }
      }, 50);
    });
  await waitFor(/Server at (http:\/\/localhost:\d+\/)/, 0);
  const url = /Server at (http:\/\/localhost:\d+\/)/.exec(log)![1]!;
  return {
    content,
    url,
    log: () => log,
    waitFor,
    mark: () => log.length,
    built: (from, ms) =>
      Promise.race([
        waitFor(BUILT, from).then(
          () => true,
          () => false,
        ),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), ms)),
      ]),
    async get(urlPath) {
      const res = await fetch(new URL(urlPath, url));
      return { status: res.status, body: await res.text() };
    },
    alive: () => !exited,
    stop: () =>
      new Promise((resolve) => {
        // A removal that fails (a file appearing as the folder is emptied) must not leave the
        // test waiting: it says so at the end instead.
        const done = () => {
          try {
            for (const dir of [content, output])
              rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
          } finally {
            resolve();
          }
        };
        if (exited) return done();
        child.on("exit", done);
        child.kill("SIGTERM");
      }),
  };
}

/** A finished preview build: Eleventy's "Wrote N files" line. */
export const BUILT = /Wrote \d+ files?/;
