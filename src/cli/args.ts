// The options of `npm run build` / `npm start`, parsed with Node's own parser.
import { existsSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";

/**
 * Pagefind's program to run instead of the one its package installed, from the variables
 * Pagefind's own package reads (see the pagefindProgram option). A path is taken from the
 * folder the command runs in (Pagefind runs in a folder of its own); a bare name is looked up
 * on PATH.
 */
export function pagefindProgramOf(env: NodeJS.ProcessEnv): string | undefined {
  const program = env.PAGEFIND_EXTENDED_BINARY_PATH || env.PAGEFIND_BINARY_PATH;
  if (!program) return undefined;
  return /[\\/]/.test(program) ? path.resolve(program) : program;
}

export interface BuildArgs {
  input: string;
  output: string;
  /** The site's Eleventy config; default: eleventy.config.{js,mjs,cjs,ts} in this folder. */
  config?: string;
  pathPrefix?: string;
  serve: boolean;
  port: number;
  quiet: boolean;
  incremental: boolean;
  /** "json" prints the problems as JSON; any other value is a file to write them to. */
  report?: string;
  /** Only when given: otherwise the site config's own option (or the default) applies. */
  search?: boolean;
  checks?: boolean;
  /** Internal: run as the worker process of a build (see build.ts). */
  worker: boolean;
}

export const BUILD_USAGE =
  "Usage: npm run build -- [--input=DIR] [--output=DIR] [--config=FILE] [--pathprefix=/sub/] [--report=json|FILE] [--search=off] [--checks=off]";

export function parseBuildArgs(argv: string[]): BuildArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: "string", default: "content" },
      output: { type: "string", default: "_site" },
      config: { type: "string" },
      pathprefix: { type: "string" },
      serve: { type: "boolean", default: false },
      port: { type: "string", default: "8080" },
      quiet: { type: "boolean", default: false },
      incremental: { type: "boolean", default: false },
      report: { type: "string" },
      search: { type: "string" },
      checks: { type: "string" },
      worker: { type: "boolean", default: false },
    },
    strict: true,
    allowPositionals: false,
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new UsageError(`--port must be a number between 1 and 65535, not "${values.port}"`);
  }
  return {
    input: values.input,
    output: values.output,
    config: values.config,
    pathPrefix: values.pathprefix,
    serve: values.serve,
    port,
    quiet: values.quiet,
    incremental: values.incremental,
    report: values.report,
    search: onOff("search", values.search),
    checks: onOff("checks", values.checks),
    worker: values.worker,
  };
}

/**
 * The folder the pages are in must be there. Eleventy's own message does not say how to give it
 * ("The "content" `input` parameter (directory or file path) must exist on the file system"), and
 * the command's --input, default `content`, is used even when the site's config names another.
 */
export function withInputThere(args: BuildArgs): BuildArgs {
  if (!existsSync(args.input))
    throw new UsageError(
      `There is no folder ${path.resolve(args.input)} to build the site from: give the folder its pages are in with --input (npm run build -- --input=docs, say)`,
    );
  return args;
}

/** Where this run's problems go besides the terminal: --report, and GitHub annotations in CI. */
export function runReportOptions(args: BuildArgs): { report?: string; githubAnnotations: boolean } {
  return {
    githubAnnotations: process.env.GITHUB_ACTIONS === "true",
    ...(args.report ? { report: args.report === "json" ? "stdout" : args.report } : {}),
  };
}

/** The arguments that give `args` again (the build passes them on to its worker). */
export function buildArgv(args: BuildArgs): string[] {
  const onOff = (name: string, value: boolean | undefined) =>
    value === undefined ? [] : [`--${name}=${value ? "on" : "off"}`];
  return [
    `--input=${args.input}`,
    `--output=${args.output}`,
    ...(args.config ? [`--config=${args.config}`] : []),
    ...(args.pathPrefix ? [`--pathprefix=${args.pathPrefix}`] : []),
    ...(args.quiet ? ["--quiet"] : []),
    ...(args.report ? [`--report=${args.report}`] : []),
    ...onOff("search", args.search),
    ...onOff("checks", args.checks),
  ];
}

function onOff(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === "on" || value === "off") return value === "on";
  throw new UsageError(`--${name} must be "on" or "off", not "${value}"`);
}

export class UsageError extends Error {}

/**
 * A command's arguments, read by `read`; a mistake in them (an unknown option, a bad value) is
 * printed with the command's usage line instead of a stack trace, and gives undefined: the
 * command then exits with 2.
 */
export function argsOrUsage<T>(usage: string, read: () => T): T | undefined {
  try {
    return read();
  } catch (error) {
    console.error(`${(error as Error).message}\n${usage}`);
    return undefined;
  }
}
