// The last step of every build: every problem any capability found is reported together,
// as text, and as JSON or GitHub annotations when asked. Errors fail `npm run build`; in
// `npm start` they are printed and the server keeps running. Register it after everything else.
import { writeFileSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import { sortProblems, type ProblemCollector } from "./collector.js";
import { SiteBuildError, type Problem } from "./problem.js";
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
    publishProblems(problems, options);
    if (problems.some((p) => p.severity === "error")) throw publishedError(problems);
    if (problems.length && options.report !== "stdout") console.warn(formatProblems(problems));
  });
}

export function publishedError(problems: Problem[]): SiteBuildError {
  const error = new SiteBuildError(problems);
  error.published = true;
  return error;
}

/** Writes the JSON report and annotations (also for a build stopped before its end). */
export function publishProblems(problems: readonly Problem[], options: ReportOptions): void {
  const { report } = options;
  if (report) {
    const json = jsonReport(problems);
    if (report === "stdout") process.stdout.write(json);
    else writeFileSync(report, json);
  }
  if (options.githubAnnotations) {
    for (const line of githubAnnotations(problems)) process.stdout.write(`${line}\n`);
  }
}
