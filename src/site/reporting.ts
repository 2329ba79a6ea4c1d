// End of every build: link checks run over the built HTML, then every problem found by any part
// of the engine is reported together. Errors fail `npm run build`; in `npm start` they are
// printed and the server keeps running.
import { writeFileSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import { sortProblems } from "../problems/collector.js";
import { SiteBuildError } from "../problems/problem.js";
import { formatProblems } from "../cli/report.js";
import { githubAnnotations, jsonReport } from "../checks/report-formats.js";
import path from "node:path";
import { siteChecks, type AfterBuild } from "./checks.js";
import { redirectStep } from "./site-files.js";
import type { Project } from "./project.js";

/** Every http(s) link written in the content, with its file and line (for check:external). */
function externalLinks(project: Project): { url: string; file: string; line: number }[] {
  const { registry } = project;
  return [...registry.sourceLinks].flatMap(([inputPath, links]) =>
    links
      .filter((l) => /^https?:\/\//i.test(l.href))
      .map((l) => ({ url: l.href, file: registry.displayPath(inputPath), line: l.line })),
  );
}

export function registerReporting(config: UserConfig, project: Project): void {
  const runChecks = siteChecks(project);
  const redirects = redirectStep(project);
  config.on("eleventy.after", (build: AfterBuild) => {
    if (process.env.SITE_CHECKS !== "off") runChecks(build);
    redirects(path.resolve(build.directories.output));
    const problems = sortProblems(project.registry.problems.all);
    const linksFile = process.env.SITE_EXTERNAL_LINKS;
    if (linksFile) writeFileSync(linksFile, JSON.stringify(externalLinks(project)));
    const report = process.env.SITE_REPORT;
    if (report) {
      const json = jsonReport(problems);
      if (report === "json") process.stdout.write(json);
      else writeFileSync(report, json);
    }
    if (process.env.GITHUB_ACTIONS === "true") {
      for (const line of githubAnnotations(problems)) process.stdout.write(`${line}\n`);
    }
    if (problems.some((p) => p.severity === "error")) throw new SiteBuildError(problems);
    if (problems.length && report !== "json") console.warn(formatProblems(problems));
  });
}
