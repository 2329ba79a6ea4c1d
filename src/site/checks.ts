// After every build: internal links, assets and anchors across the whole built site.
// Called by the end-of-build report (site/reporting.ts), so it always runs before the report.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { lineOfPath, parseYaml } from "../data/yaml.js";
import type { Settings } from "../settings/schema.js";
import { checkSiteLinks, type BuiltPage } from "../checks/site-links.js";
import { SETTINGS_FILE } from "../settings/load.js";
import type { Project } from "./project.js";

interface Result {
  inputPath: string;
  outputPath: string | false;
  url: string | false;
  content: string;
}

export interface AfterBuild {
  results: Result[];
  directories: { output: string };
  runMode?: string;
  incremental?: boolean;
}

export function siteChecks(project: Project): (build: AfterBuild) => void {
  const { registry, settings } = project;
  const settingsPath = path.join(project.dataDir, SETTINGS_FILE);
  const settingsFile = path.relative(process.cwd(), settingsPath);
  const settingsLinks = settingsLinkLines(settingsPath, settings);

  // An incremental rebuild (npm start) reports only the pages it rewrote; links are checked
  // against every page built so far, forgetting pages whose source has gone.
  const built = new Map<string, BuiltPage>();
  return ({ results, directories, incremental }) => {
    if (!incremental) built.clear();
    for (const r of results) {
      if (r.url && typeof r.outputPath === "string" && r.outputPath.endsWith(".html")) {
        built.set(r.url, { inputPath: r.inputPath, url: r.url, content: r.content });
      }
    }
    for (const [url, page] of built) {
      if (page.inputPath.endsWith(".md") && !registry.page(page.inputPath)) built.delete(url);
    }
    const pages = [...built.values()];
    const problems = checkSiteLinks(pages, {
      outputDir: path.resolve(directories.output),
      pathPrefix: project.pathPrefix(),
      sourceLinks: (inputPath) => registry.sourceLinks.get(inputPath),
      templateSource: (inputPath, href) => {
        if (settingsLinks.has(href)) return { file: settingsFile, line: settingsLinks.get(href) };
        const layout = registry.page(inputPath)?.layout ?? "page";
        return {
          file: path.relative(
            process.cwd(),
            path.join(project.includesDir, "layouts", `${layout}.njk`),
          ),
        };
      },
      displayPath: (inputPath) => registry.displayPath(inputPath),
    });
    for (const problem of problems) registry.problems.add(problem);
  };
}

/** Each header and footer link of site.yml, with the line of its href. */
function settingsLinkLines(file: string, settings: Settings): Map<string, number | undefined> {
  const parsed = existsSync(file) ? parseYaml(readFileSync(file, "utf8")) : undefined;
  const lines = new Map<string, number | undefined>();
  for (const list of ["navigation", "footerLinks"] as const) {
    settings[list].forEach((link, i) => {
      if (!lines.has(link.href))
        lines.set(link.href, parsed && lineOfPath(parsed, [list, i, "href"]));
    });
  }
  return lines;
}
