// The commands' side of Eleventy: one run of it over a site whose config adds the engine's
// plugin, as a build, as the preview server, or as the worker process `npm run build` starts.
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { stripVTControlCharacters } from "node:util";
import net from "node:net";
import path from "node:path";
import { Eleventy, type AfterBuild, type UserConfig } from "@11ty/eleventy";
import { pagefindProgramOf, runReportOptions, type BuildArgs } from "./args.js";
import { describeFailure } from "../problems/format.js";
import { siteBuildErrorOf } from "../problems/template-error.js";
import {
  changesOtherPages,
  searchIndexWanted,
  setRunOptions,
  type DocsPluginOptions,
} from "../index.js";
import { EarlierFilesInTheWay, outputBuiltIn, replaceWhole } from "./output.js";
import { EarlierFiles } from "../safety/earlier-files.js";
import { writePagesInPlace } from "./write-in-place.js";
import { mainOnlyPageCount, searchIndexFolder, stopPagefind } from "../search/pagefind.js";

const CONFIG_NAMES = [
  "eleventy.config.js",
  "eleventy.config.mjs",
  "eleventy.config.cjs",
  "eleventy.config.ts",
];

/** The site's config: --config, else the first eleventy.config.* in the current folder. */
export function findConfig(args: Pick<BuildArgs, "config">): string | undefined {
  if (args.config) return path.resolve(args.config);
  return CONFIG_NAMES.map((name) => path.resolve(name)).find((file) => existsSync(file));
}

/** The config object each Eleventy run gave the site's config and its plugins. */
const userConfigs = new WeakMap<Eleventy, UserConfig>();

/**
 * `extra` adds run options for other commands (check:external asks for the link list); `first`
 * is given the config before the site's config file and the engine's plugin see it.
 */
export function createEleventy(
  args: BuildArgs,
  extra: DocsPluginOptions = {},
  first?: (config: UserConfig) => void,
): Eleventy {
  const env = process.env;
  const pagefind = pagefindProgramOf(env);
  const eleventy = new Eleventy(args.input, args.output, {
    configPath: findConfig(args),
    quietMode: args.quiet,
    runMode: args.serve ? "serve" : "build",
    ...(args.pathPrefix ? { pathPrefix: args.pathPrefix } : {}),
    config: (config: UserConfig) => {
      userConfigs.set(eleventy, config);
      first?.(config);
      setRunOptions(config, {
        ...(args.search === undefined ? {} : { search: args.search }),
        ...(args.checks === undefined ? {} : { checks: args.checks }),
        ...runReportOptions(args),
        ...(env.SITE_TODAY ? { today: env.SITE_TODAY } : {}),
        ...(pagefind ? { pagefindProgram: pagefind } : {}),
        ...(args.serve ? { preview: true } : {}),
        ...extra,
      });
    },
  });
  // Eleventy prints failures with library stack traces. A build rethrows them and main()
  // reports them; in watch mode nothing is rethrown, so report them here instead.
  const internals = eleventy as unknown as {
    errorHandler: { error: (e: unknown) => void };
    logger: { overrideLogger(logger: unknown): void };
  };
  internals.errorHandler.error = args.serve
    ? (e) => console.error(describeFailure(e))
    : () => undefined;
  // JSON on standard output must not be mixed with Eleventy's own messages; the others name
  // the output folder a build replaces (see naming).
  const output = outputBuiltIn(args.output);
  if (args.report === "json") internals.logger.overrideLogger({ log() {}, warn() {}, error() {} });
  else if (output) internals.logger.overrideLogger(naming(output, args.output));
  hideTimingHints();
  return eleventy;
}

/**
 * Eleventy's messages name the folder it writes in ("Writing /work/site/._site.building-81/…");
 * a build's is beside the output folder it replaces, which is the folder people look for, so
 * the messages name that instead ("Writing ./_site/…"), as Eleventy alone would.
 */
function naming(output: string, folder: string): Pick<Console, "log" | "warn" | "error"> {
  const relative = path.relative(process.cwd(), output);
  const shown =
    relative.startsWith("..") || path.isAbsolute(relative) ? output : `.${path.sep}${relative}`;
  const from = path.resolve(folder) + path.sep;
  const named = (message: unknown) =>
    typeof message === "string" ? message.replaceAll(from, shown + path.sep) : message;
  return {
    log: (message: unknown) => console.log(named(message)),
    warn: (message: unknown) => console.warn(named(message)),
    error: (message: unknown) => console.error(named(message)),
  };
}

/**
 * Eleventy prints timing hints ("[11ty] Benchmark 90ms 19% … renderOnce") through a logger of
 * its own. They depend on how busy the machine is and are for engine developers (`npm run
 * bench` measures properly), not for people editing content, so the commands leave them out.
 */
function hideTimingHints(): void {
  const warn = console.warn;
  if ((warn as { timingHintsHidden?: boolean }).timingHintsHidden) return;
  const filtered = (...args: unknown[]) => {
    const text = typeof args[0] === "string" ? stripVTControlCharacters(args[0]) : "";
    if (/\[11ty\]\s+Benchmark\s/.test(text)) return;
    warn(...args);
  };
  console.warn = Object.assign(filtered, { timingHintsHidden: true });
}

/** Builds into a new folder that replaces the output folder only if the build succeeds. */
export async function build(args: BuildArgs, extra?: DocsPluginOptions): Promise<void> {
  await replaceWhole(args.output, args.input, async (output) => {
    await createEleventy({ ...args, output }, extra).write();
  });
}

/** What `npm run build` needs to know once the pages are written (the worker's message). */
export interface WorkerMessage {
  /** Whether the site wants a search index, which the command then writes. */
  searchIndex: boolean;
  /** How many pages search should find, each readable from its <main> (see writeSearchIndex). */
  mainOnlyPages?: number;
}

/**
 * The pages of `npm run build` (see build.ts): builds the site into the folder it is given, and
 * says whether the site wants a search index, which the command writes next. A large site is
 * built in a worker process (buildAsWorker), so the command writes its index once that
 * process has ended and its memory is free.
 *
 * The folder may hold the site before last, to be written over (see replaceWhole). The files
 * this build does not write again are removed as soon as its pages are written: the listener
 * is added before the site's config and the engine's, Eleventy starts listeners in that order,
 * and this one does not wait, so the engine's end-of-build steps (redirects, checks) see only
 * this build's files. The search index's folder is left to the command, which writes it next.
 * Pages are written over the earlier ones in place (see writePagesInPlace).
 */
export async function buildPages(args: BuildArgs): Promise<WorkerMessage> {
  const output = path.resolve(args.output);
  const earlier = EarlierFiles.take(output);
  if (!earlier.none) writePagesInPlace(output);
  const searchFolder = searchIndexFolder(output);
  let pages: AfterBuild["results"] = [];
  const eleventy = createEleventy(args, { searchIndexByCaller: true }, (config) => {
    config.on("eleventy.after", ({ results }: AfterBuild) => {
      const keepSearch = searchIndexWanted(config);
      earlier.removeUnwritten(
        (file) => keepSearch && (file === searchFolder || file.startsWith(searchFolder + path.sep)),
      );
      pages = results;
    });
  });
  try {
    await eleventy.write();
  } catch (error) {
    if (!earlier.none && EarlierFilesInTheWay.causedBy(error)) throw new EarlierFilesInTheWay();
    throw error;
  }
  const searchIndex = searchIndexWanted(userConfigs.get(eleventy)!);
  // Once every step has written its files (redirects too), which the index will read.
  const mainOnlyPages = searchIndex ? mainOnlyPageCount(output, pages) : undefined;
  return { searchIndex, ...(mainOnlyPages === undefined ? {} : { mainOnlyPages }) };
}

/** The worker process `npm run build` starts for a large site: buildPages, told to the command. */
export async function buildAsWorker(args: BuildArgs): Promise<void> {
  const message = await buildPages(args);
  await new Promise<void>((resolve) => {
    if (!process.send) return resolve();
    process.send(message, () => {
      process.disconnect();
      resolve();
    });
  });
}

/** `npm start`: the preview server, rebuilding on every change. */
export async function serve(args: BuildArgs): Promise<void> {
  listenOnLocalhostOnly();
  stopIndexingWhenStopped();
  const eleventy = createEleventy(args, {}, waitLessForSaves);
  await eleventy.init();
  servePreview(eleventy, args.output, Boolean(args.incremental));
  rebuildOnDelete(eleventy, await eleventy.watch());
  await eleventy.serve(args.port);
}

/**
 * Stopped (Ctrl-C, or SIGTERM from a script) while it indexes an edit, the preview stops its
 * Pagefind and waits for it to end before ending itself, the way the signal would have ended
 * it: otherwise Pagefind, which SIGTERM to the preview alone does not reach, goes on writing
 * into the output folder after the preview has gone.
 */
function stopIndexingWhenStopped(): void {
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => void stopPagefind().then(() => process.kill(process.pid, signal)));
}

/**
 * Eleventy starts a rebuild once a changed file has not grown for 150 ms, so as never to read
 * half a save. An editor saves a page in one write, and a rebuild that does catch a file half
 * written is followed by another when the write ends; 50 ms shows an edit about 0.1 s sooner.
 * A site's own setChokidarConfig replaces this.
 */
function waitLessForSaves(config: UserConfig): void {
  config.setChokidarConfig({ awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 10 } });
}

/** Eleventy's dev server listens on every interface; a preview belongs on this machine only. */
function listenOnLocalhostOnly(): void {
  const listen = net.Server.prototype.listen;
  net.Server.prototype.listen = function (this: net.Server, ...args: unknown[]) {
    const [first] = args;
    if (first && typeof first === "object" && !("host" in first)) {
      args[0] = { ...first, host: "localhost" };
    }
    return listen.apply(this, args as Parameters<typeof listen>);
  } as typeof listen;
}

/**
 * The preview keeps serving whatever goes wrong, and its incremental builds stay correct:
 * - a build that fails (at start or later) is printed by the error handler set in
 *   createEleventy, its errors go to /_preview/problems.json for the pages to show, and the
 *   build that fixes them says so;
 * - the build after a failed one is whole: after a failure (a bad _data file, say) the pages an
 *   incremental build skips are half-initialised ("templateRender has not yet initialized");
 * - so is a build after an edit that changes other pages (a title in their side navigation).
 */
function servePreview(eleventy: Eleventy, output: string, incremental: boolean): void {
  const config = userConfigs.get(eleventy)!;
  const events = (
    eleventy as unknown as {
      config: { events: { on(name: string, fn: (files: string[]) => void): void } };
    }
  ).config.events;
  const file = path.join(output, "_preview", "problems.json");
  let failedBefore = false;
  eleventy.setIncrementalBuild(incremental);
  if (incremental) matchWatchedPathsToTemplates(eleventy);
  events.on("eleventy.beforeWatch", (files) => {
    if (incremental && changesOtherPages(config, files)) eleventy.setIncrementalBuild(false);
  });
  const write = eleventy.write.bind(eleventy);
  eleventy.write = async () => {
    let failure: unknown;
    let result: Awaited<ReturnType<Eleventy["write"]>> = [[], []];
    try {
      result = await write();
    } catch (error) {
      failure = error;
      process.exitCode = 0;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, JSON.stringify(failure ? browserProblems(failure) : []));
    if (!failure && failedBefore) console.log("Fixed: the build works again.");
    failedBefore = Boolean(failure);
    eleventy.setIncrementalBuild(incremental && !failure);
    return result;
  };
}

/** Eleventy's watcher's paths, in the form its templates know them (see below). */
const asEleventyPath = (file: string) =>
  path.isAbsolute(file) ? path.relative(process.cwd(), file) : file;

/**
 * For content outside the current folder, Eleventy's watcher reports a changed file by its
 * absolute path while its templates know it relative to the current folder, so no template
 * matches and every edit rebuilds the whole site. The changed path is given in their form.
 */
function matchWatchedPathsToTemplates(eleventy: Eleventy): void {
  type Queue = { addToPendingQueue(changed: string): void };
  // Eleventy makes a new queue when it starts watching: the change is made to its class.
  const queue = (eleventy as unknown as { watchManager?: Queue }).watchManager;
  if (!queue) return;
  const prototype = Object.getPrototypeOf(queue) as Queue;
  const add = prototype.addToPendingQueue;
  prototype.addToPendingQueue = function (this: Queue, changed: string) {
    add.call(this, asEleventyPath(changed));
  };
}

/**
 * Eleventy forgets a deleted file but does not rebuild, so pages that listed or linked to a
 * deleted page kept showing it; and outside the current folder it forgot the wrong path, so
 * the next build failed reading the deleted file.
 */
function rebuildOnDelete(eleventy: Eleventy, rebuild: unknown): void {
  const internals = eleventy as unknown as {
    watcher: { on(event: string, listener: (file: string) => void): void };
    fileSystemSearch: { outputs: Record<string, Set<string>> };
  };
  internals.watcher.on("unlink", (file) => {
    // Its file lists hold the relative path, which its own delete does not match.
    const relative = asEleventyPath(file);
    for (const files of Object.values(internals.fileSystemSearch.outputs)) {
      for (const form of [relative, `./${relative}`]) files.delete(form);
    }
    void (rebuild as (file: string) => Promise<void>)(file);
  });
}

/** A failed build's errors, as the preview's pages show them. */
function browserProblems(failure: unknown): { file: string; line?: number; message: string }[] {
  const ours = siteBuildErrorOf(failure);
  if (!ours) return [{ file: "The build", message: describeFailure(failure) }];
  return ours.problems
    .filter((p) => p.severity === "error")
    .map(({ file, line, message }) => ({ file, line, message }));
}
