// sitemap.xml, robots.txt and /api/pages.json, rendered from the page registry.
import type { UserConfig } from "@11ty/eleventy";
import { pagesJson, robots, sitemap, type SiteFileOptions } from "./site-files.js";
import type { Settings } from "../settings/schema.js";
import type { BuildContext } from "../context.js";

export function registerSiteFiles(config: UserConfig, ctx: BuildContext): void {
  const options = (site: Settings): SiteFileOptions => ({
    absoluteUrl: ctx.absoluteUrl,
    preventIndexing: site.preventIndexing,
  });
  const files: [string, string, (site: Settings) => string][] = [
    ["/sitemap.xml", "engine-sitemap.njk", (site) => sitemap(ctx.registry.all, options(site))],
    ["/robots.txt", "engine-robots.njk", (site) => robots(options(site))],
    [
      "/api/pages.json",
      "engine-pages-json.njk",
      (site) => pagesJson(ctx.registry.all, options(site)),
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
