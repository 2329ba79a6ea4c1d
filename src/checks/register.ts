// Content checks: in the Markdown as it renders (headings, images, links, encoding), then after
// every build over the built HTML (internal links, assets and anchors across the whole site).
// Registered before the end-of-build report, so its problems are in it.
import type { AfterBuild, UserConfig } from "@11ty/eleventy";
import type { MarkdownIt } from "markdown-it";
import { markdownChecks } from "./markdown-checks.js";
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { lineOfPath, parseYaml } from "../yaml/yaml.js";
import type { Settings } from "../settings/schema.js";
import { checkSiteLinks, indexBuiltPage, type BuiltPage } from "./site-links.js";
import { SETTINGS_FILE } from "../settings/load.js";
import type { BuildContext } from "../context.js";

export function registerChecks(config: UserConfig, ctx: BuildContext, md: MarkdownIt): void {
  if (!ctx.options.checks) return;
  const { registry } = ctx;
  markdownChecks(md, {
    report: (problem) => registry.problems.add(problem),
    recordLinks: (inputPath, links) => registry.sourceLinks.set(inputPath, links),
    displayPath: (inputPath) => registry.displayPath(inputPath),
    markdownTemplates: ctx.markdownTemplates,
  });
  config.on("eleventy.after", siteChecks(ctx));
  const linksFile = ctx.options.externalLinksFile;
  if (linksFile) {
    config.on("eleventy.after", () => writeFileSync(linksFile, JSON.stringify(externalLinks(ctx))));
  }
}

/** Every http(s) link written in the content, with its file and line (for check:external). */
function externalLinks(ctx: BuildContext): { url: string; file: string; line: number }[] {
  const { registry } = ctx;
  return [...registry.sourceLinks].flatMap(([inputPath, links]) =>
    links
      .filter((l) => /^https?:\/\//i.test(l.href))
      .map((l) => ({ url: l.href, file: registry.displayPath(inputPath), line: l.line })),
  );
}

function siteChecks(ctx: BuildContext): (build: AfterBuild) => void {
  const { registry } = ctx;
  const settingsPath = path.join(ctx.dataDir, SETTINGS_FILE);
  const settingsFile = path.relative(ctx.siteRoot, settingsPath);

  // An incremental rebuild (npm start) reports only the pages it rewrote; links are checked
  // against every page built so far, forgetting pages whose source has gone.
  const built = new Map<string, BuiltPage>();
  return ({ results, directories, incremental }) => {
    const settingsLinks = settingsLinkLines(settingsPath, ctx.settings);
    if (!incremental) built.clear();
    let whole = true;
    for (const r of results) {
      if (r.url && typeof r.outputPath === "string" && r.outputPath.endsWith(".html")) {
        built.set(r.url, {
          inputPath: r.inputPath,
          url: r.url,
          index: indexBuiltPage(r.content, whole),
        });
        whole = false;
      }
    }
    for (const [url, page] of built) {
      if (page.inputPath.endsWith(".md") && !registry.page(page.inputPath)) built.delete(url);
    }
    const pages = [...built.values()];
    const problems = checkSiteLinks(pages, {
      outputDir: path.resolve(directories.output),
      pathPrefix: ctx.pathPrefix(),
      sourceLinks: (inputPath) => registry.sourceLinks.get(inputPath),
      templateSource: (inputPath, href) => {
        if (settingsLinks.has(href)) return { file: settingsFile, line: settingsLinks.get(href) };
        const layout = registry.page(inputPath)?.layout ?? "page";
        const own = path.join(ctx.layoutsDir, `${layout}.njk`);
        const engine = path.join(ctx.engineRoot, "templates", "layouts", `${layout}.njk`);
        return { file: path.relative(ctx.siteRoot, existsSync(own) ? own : engine) };
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
