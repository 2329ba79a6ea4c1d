// The few options the site's commands take, parsed with Node's own parser.
import { parseArgs } from "node:util";

export interface BuildArgs {
  input: string;
  output: string;
  pathPrefix?: string;
  serve: boolean;
  port: number;
  quiet: boolean;
  incremental: boolean;
  /** "json" prints the problems as JSON; any other value is a file to write them to. */
  report?: string;
}

export function parseBuildArgs(argv: string[]): BuildArgs {
  const { values } = parseArgs({
    args: argv,
    options: {
      input: { type: "string", default: "content" },
      output: { type: "string", default: "_site" },
      pathprefix: { type: "string" },
      serve: { type: "boolean", default: false },
      port: { type: "string", default: "8080" },
      quiet: { type: "boolean", default: false },
      incremental: { type: "boolean", default: false },
      report: { type: "string" },
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
    pathPrefix: values.pathprefix,
    serve: values.serve,
    port,
    quiet: values.quiet,
    incremental: values.incremental,
    report: values.report,
  };
}

export class UsageError extends Error {}
