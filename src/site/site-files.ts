// Registers sitemap.xml, robots.txt and /api/pages.json, and writes redirect pages after a build.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { pagesJson, robots, sitemap, type SiteFileOptions } from "../site-files/site-files.js";
import { collectRedirects, writeRedirects } from "../redirects/redirects.js";
import { SETTINGS_FILE } from "../settings/load.js";
import type { Settings } from "../settings/schema.js";
import type { Project } from "./project.js";

export function registerSiteFiles(config: UserConfig, project: Project): void {
  const options = (site: Settings): SiteFileOptions => ({
    absoluteUrl: project.absoluteUrl,
    preventIndexing: site.preventIndexing,
  });
  const files: [string, string, (site: Settings) => string][] = [
    ["/sitemap.xml", "engine-sitemap.njk", (site) => sitemap(project.registry.all, options(site))],
    ["/robots.txt", "engine-robots.njk", (site) => robots(options(site))],
    [
      "/api/pages.json",
      "engine-pages-json.njk",
      (site) => pagesJson(project.registry.all, options(site)),
    ],
  ];
  for (const [permalink, name, render] of files) {
    const global = `engineFile${name.replace(/\W/g, "")}`;
    config.addNunjucksGlobal(global, render);
    config.addTemplate(name, `{{ ${global}(site) | safe }}`, {
      permalink,
      layout: false,
      eleventyExcludeFromCollections: true,
    });
  }
}

/** Called by the end-of-build report, so redirect problems are reported with the rest. */
export function redirectStep(project: Project): (outputDir: string) => void {
  const settingsFile = path.relative(process.cwd(), path.join(project.dataDir, SETTINGS_FILE));
  return (outputDir) => {
    const { redirects, problems } = collectRedirects(
      project.registry.all,
      project.settings.redirects,
      settingsFile,
    );
    for (const problem of problems) project.registry.problems.add(problem);
    const prefix = project.pathPrefix();
    const href = (to: string) => (to.startsWith("/") ? `${prefix}${to.slice(1)}` : to);
    writeRedirects(redirects, outputDir, href, (to) =>
      to.startsWith("/") ? project.absoluteUrl(to) : to,
    );
  };
}
