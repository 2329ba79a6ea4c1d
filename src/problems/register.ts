// The last step of every build: every problem any capability found is reported together,
// as text, and as JSON or GitHub annotations when asked. Errors fail `npm run build`; in
// `npm start` they are printed and the server keeps running. Register it after everything else.
import { writeFileSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import { sortProblems, type ProblemCollector } from "./collector.js";
import { SiteBuildError } from "./problem.js";
import { formatProblems } from "./format.js";
import { githubAnnotations, jsonReport } from "./formats.js";
import { applyBaseline, type BaselinePaths } from "./baseline.js";

export interface ReportOptions {
  /** "stdout", or a file to write the JSON report to. */
  report?: string;
  githubAnnotations: boolean;
}

export function registerReport(
  config: UserConfig,
  collector: ProblemCollector,
  options: ReportOptions,
  paths: BaselinePaths,
): void {
  config.on("eleventy.after", () => {
    const problems = sortProblems(applyBaseline(collector.all, paths));
    const { report } = options;
    if (report) {
      const json = jsonReport(problems);
      if (report === "stdout") process.stdout.write(json);
      else writeFileSync(report, json);
    }
    if (options.githubAnnotations) {
      for (const line of githubAnnotations(problems)) process.stdout.write(`${line}\n`);
    }
    if (problems.some((p) => p.severity === "error")) throw new SiteBuildError(problems);
    if (problems.length && report !== "stdout") console.warn(formatProblems(problems));
  });
}
