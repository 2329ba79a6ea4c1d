#!/usr/bin/env node
// `npm run build` and `npm start`: builds or serves a site whose Eleventy config adds the
// engine's plugin. The command line is the only part of the engine that reads the environment.
//
// A build of a large site runs Eleventy in a worker process and writes the search index after
// that process has ended, so the build's memory and Pagefind's are never held at once (at 4,000
// pages, about a third less at the peak); this process then stays small, never loading Eleventy
// or the engine. A small site is built here, without the worker's start-up (see fewPages).
// The preview runs in one process, as it rebuilds only what an edit changes.
import { spawn, type ChildProcess } from "node:child_process";
import { readdirSync, type Dirent } from "node:fs";
import path from "node:path";
import v8 from "node:v8";
import { fileURLToPath } from "node:url";
import {
  argsOrUsage,
  BUILD_USAGE,
  buildArgv,
  pagefindProgramOf,
  parseBuildArgs,
  runReportOptions,
  type BuildArgs,
  withInputThere,
} from "./args.js";
import { describeFailure } from "../problems/format.js";
import { siteBuildErrorOf } from "../problems/template-error.js";
import { describeIndex, stopPagefind, writeSearchIndex } from "../search/pagefind.js";
import { isMain } from "./main.js";
import { BuildStopped, EarlierFilesInTheWay, replaceWhole } from "./output.js";
import type { WorkerMessage } from "./eleventy.js";

/** The worker has reported why it failed; this process only passes its exit code on. */
class WorkerFailed extends Error {
  constructor(readonly code: number) {
    super(`the build stopped (exit code ${code})`);
  }
}

/**
 * Builds into a folder beside the output (the site before last, written over, when there is one)
 * that replaces the output folder only if the build succeeds. Stopping the command (Ctrl-C, or
 * a CI job cancelled) stops its worker (a small site's build, in this process, runs to its end)
 * or its Pagefind and leaves the output as it was; the half-built folder is kept for the next
 * build to write over (see replaceWhole).
 */
async function buildSite(args: BuildArgs): Promise<void> {
  const stop = new Stop();
  const small = fewPages(args.input);
  try {
    await replaceWhole(
      args.output,
      args.input,
      async (output, again) => {
        if (again && args.report !== "json")
          console.log("A file of the previous site was in the way: building into an empty folder.");
        // A second attempt runs in a fresh process, as every large site's does: the first one's
        // Eleventy may still be copying files into the folder just removed.
        const built =
          small && !again
            ? await buildHere({ ...args, output })
            : await buildInWorker({ ...args, output }, stop);
        if (stop.signal) throw new BuildStopped();
        if (!built.searchIndex) return;
        const summary = await writeSearchIndex(
          output,
          built.mainOnlyPages,
          pagefindProgramOf(process.env),
        ).catch((error: unknown) => {
          // Pagefind, stopped with the command, fails: the build was stopped, not broken.
          throw stop.signal ? new BuildStopped() : error;
        });
        if (stop.signal) throw new BuildStopped();
        if (args.report !== "json") console.log(describeIndex(summary));
      },
      { reuse: true },
    );
  } finally {
    stop.dispose();
  }
}

/**
 * Up to this many Markdown pages, a site is built in the command's own process. A worker keeps
 * Eleventy's memory and Pagefind's apart, which counts for a large site, but starting it (a
 * second Node, the command's modules again) costs about 0.1 s, most of a small site's build.
 * Peak memory of the command and its processes, 3 builds each, alternated: 200 pages 157 MB
 * here against 176-179 MB with the worker (1.22-1.28 s against 1.33-1.38 s); 500 pages about
 * even (196 MB against 190-194 MB, 2.0 s both); 1,000 pages 255 MB here against 224-226 MB.
 */
export const PAGES_BUILT_HERE = 200;

/** Whether the input folder holds at most PAGES_BUILT_HERE Markdown files (counting stops there). */
export function fewPages(input: string): boolean {
  let pages = 0;
  const folders = [path.resolve(input)];
  while (folders.length) {
    const folder = folders.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      continue; // Eleventy reports a folder it cannot read
    }
    for (const entry of entries) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      if (entry.isDirectory()) folders.push(path.join(folder, entry.name));
      else if (entry.name.endsWith(".md") && ++pages > PAGES_BUILT_HERE) return false;
    }
  }
  return true;
}

/** The pages, built in this process, as the worker would build them. */
async function buildHere(args: BuildArgs): Promise<WorkerMessage> {
  Object.assign(process.env, SKIP_ESM_RESOLVER);
  lessHeadroom();
  try {
    return await (await import("./eleventy.js")).buildPages(args);
  } catch (error) {
    process.on("unhandledRejection", lateCopyFailure);
    throw error;
  }
}

/**
 * Eleventy starts copying a site's passthrough files as its build begins, and when a page fails
 * it gives up without waiting for them (its copyAll awaits the pages before it handles the
 * copies' results). A copy can then fail later, into the folder of the failed build, which has
 * been removed: that build has already failed and been reported, so its copies' failures are
 * left out. Any other unhandled rejection still ends the command, as it would have.
 */
function lateCopyFailure(reason: unknown): void {
  if ((reason as Error | undefined)?.name !== "TemplatePassthroughManagerCopyError") throw reason;
}

/** The pages, built by the worker; what it could not do, as an error. */
async function buildInWorker(args: BuildArgs, stop: Stop): Promise<WorkerMessage> {
  const { code, signal, ...message } = await runWorker(args, stop);
  if (stop.signal) throw new BuildStopped();
  // Killed from outside (the system, out of memory), the worker could not say why.
  if (signal)
    throw new Error(
      `the build's process was stopped by ${signal}${signal === "SIGKILL" ? ", perhaps because the machine ran out of memory" : ""}`,
    );
  if (code === EarlierFilesInTheWay.exitCode) throw new EarlierFilesInTheWay();
  if (code !== 0) throw new WorkerFailed(code);
  return message;
}

/**
 * SIGINT and SIGTERM, from the start of a build: passed on to its worker, if one runs, and to
 * Pagefind, if it is indexing (it would otherwise run to its end before the command stops).
 */
class Stop {
  signal?: NodeJS.Signals;
  worker?: ChildProcess;
  readonly #handler = (signal: NodeJS.Signals) => {
    this.signal = signal;
    this.worker?.kill(signal);
    void stopPagefind();
  };

  constructor() {
    process.on("SIGINT", this.#handler).on("SIGTERM", this.#handler);
  }

  dispose(): void {
    process.off("SIGINT", this.#handler).off("SIGTERM", this.#handler);
  }
}

/** This command again, as the worker: same Node options (tsx's loader, if any), same site. */
function runWorker(
  args: BuildArgs,
  stop: Stop,
): Promise<{ code: number; signal?: NodeJS.Signals } & WorkerMessage> {
  if (stop.signal) return Promise.resolve({ code: 1, searchIndex: false });
  return new Promise((resolve, reject) => {
    const worker = spawn(
      process.execPath,
      [...process.execArgv, fileURLToPath(import.meta.url), ...buildArgv(args), "--worker"],
      {
        stdio: ["inherit", "inherit", "inherit", "ipc"],
        env: { ...process.env, ...SKIP_ESM_RESOLVER },
      },
    );
    stop.worker = worker;
    let message: WorkerMessage = { searchIndex: false };
    worker.on("message", (sent: WorkerMessage) => (message = sent));
    worker.on("error", reject);
    worker.on("exit", (code, signal) =>
      resolve({ code: code ?? 1, ...message, ...(signal ? { signal } : {}) }),
    );
  });
}

/**
 * On Node 20, Eleventy registers a module resolver in a thread of its own so that the preview
 * can import an edited config or data file afresh; every module loaded after it (the engine's
 * and its libraries') then waits on that thread. A build imports each file once and never
 * needs it: without it, a one-page build's worker took 0.85-0.98 s against 1.14-1.21 s.
 * ELEVENTY_SKIP_ESM_RESOLVER is Eleventy's own switch for this.
 */
const SKIP_ESM_RESOLVER = { ELEVENTY_SKIP_ESM_RESOLVER: "true" };

/**
 * The worker's memory grows with the site until its last page is written, and its peak is most of
 * the build's. V8 lets the heap grow to several times what is live before collecting it; at 1.5
 * times, a 4,000-page build's peak was about 25 MB lower (medians of four alternated builds: 503
 * MB against 526 MB; one build in four showed no gain) and no slower. A Node whose V8 lacked the
 * flag would print one line and carry on.
 */
function lessHeadroom(): void {
  v8.setFlagsFromString("--heap-growing-percent=50");
}

async function main(): Promise<void> {
  const args = argsOrUsage(BUILD_USAGE, () =>
    withInputThere(parseBuildArgs(process.argv.slice(2))),
  );
  if (!args) process.exit(2);
  try {
    if (args.serve) await (await import("./eleventy.js")).serve(args);
    else if (args.worker) {
      lessHeadroom();
      await (await import("./eleventy.js")).buildAsWorker(args);
    } else await buildSite(args);
  } catch (error) {
    if (error instanceof WorkerFailed) process.exit(error.code);
    if (error instanceof BuildStopped) process.exit(1);
    // The worker's way of asking for a build into an empty folder (see replaceWhole).
    if (args.worker && error instanceof EarlierFilesInTheWay)
      process.exit(EarlierFilesInTheWay.exitCode);
    // Problems found before the build's end (settings, say) get their report here.
    const ours = siteBuildErrorOf(error);
    if (ours && !ours.published) {
      // Loaded only here: it is most of this process's memory while its worker builds.
      const { publishProblems } = await import("../problems/register.js");
      publishProblems(ours.problems, runReportOptions(args));
    }
    if (args.report !== "json" || !ours) console.error(describeFailure(error));
    if (process.env.DEBUG?.includes("site")) console.error(error);
    process.exit(1);
  }
}

if (isMain(import.meta.url)) {
  void main();
}
