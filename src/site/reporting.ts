// End of every build: all problems found by any part of the engine are reported together.
// Errors fail `npm run build`; in `npm start` they are printed and the server keeps running.
import type { UserConfig } from "@11ty/eleventy";
import { sortProblems } from "../problems/collector.js";
import { SiteBuildError } from "../problems/problem.js";
import { formatProblems } from "../cli/report.js";
import type { Project } from "./project.js";

export function registerReporting(config: UserConfig, project: Project): void {
  config.on("eleventy.after", () => {
    const problems = sortProblems([...project.registry.problems.all]);
    if (problems.some((p) => p.severity === "error")) throw new SiteBuildError(problems);
    if (problems.length) console.warn(formatProblems(problems));
  });
}
