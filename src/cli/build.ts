// `npm run build` and `npm start`: one entry point for building and serving any content
// tree with this project's layouts and engine.
import net from "node:net";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { Eleventy } from "@11ty/eleventy";
import { parseBuildArgs, type BuildArgs } from "./args.js";
import { describeFailure } from "./report.js";
import { findSiteBuildError } from "../problems/problem.js";

const projectRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

export function createEleventy(args: BuildArgs): Eleventy {
  // Read by the end-of-build report (src/site/reporting.ts).
  if (args.report) process.env.SITE_REPORT = args.report;
  const eleventy = new Eleventy(args.input, args.output, {
    configPath: path.join(projectRoot, "eleventy.config.ts"),
    quietMode: args.quiet,
    runMode: args.serve ? "serve" : "build",
    ...(args.pathPrefix ? { pathPrefix: args.pathPrefix } : {}),
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
  // JSON on standard output must not be mixed with Eleventy's own messages.
  if (args.report === "json") internals.logger.overrideLogger({ log() {}, warn() {}, error() {} });
  return eleventy;
}

export async function build(args: BuildArgs): Promise<void> {
  await createEleventy(args).write();
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

async function main(): Promise<void> {
  let args: BuildArgs;
  try {
    args = parseBuildArgs(process.argv.slice(2));
  } catch (error) {
    console.error(
      `${(error as Error).message}\nUsage: npm run build -- [--input=DIR] [--output=DIR] [--pathprefix=/sub/] [--report=json|FILE]`,
    );
    process.exit(2);
  }
  try {
    if (args.serve) {
      listenOnLocalhostOnly();
      const eleventy = createEleventy(args);
      await eleventy.init();
      if (args.incremental) eleventy.setIncrementalBuild(true);
      await eleventy.watch();
      await eleventy.serve(args.port);
    } else {
      await build(args);
      // For the benchmark: peak memory of this build, as one JSON line.
      if (process.env.SITE_STATS === "1") {
        console.log(JSON.stringify({ maxRssKb: process.resourceUsage().maxRSS }));
      }
    }
  } catch (error) {
    if (args.report !== "json" || !findSiteBuildError(error)) console.error(describeFailure(error));
    if (process.env.DEBUG?.includes("site")) console.error(error);
    process.exit(1);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void main();
}
