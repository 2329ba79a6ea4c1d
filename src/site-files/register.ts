// sitemap.xml, robots.txt and /api/pages.json, rendered from the page registry.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { SETTINGS_FILE } from "../settings/load.js";
import { pagesJson, robots, sitemap, type SiteFileOptions } from "./site-files.js";
import type { Settings } from "../settings/schema.js";
import type { BuildContext } from "../context.js";

export function registerSiteFiles(config: UserConfig, ctx: BuildContext): void {
  // Once per published build: what is left out, and what to set (a note, not a problem: a site
  // may not have an address yet).
  config.on("eleventy.before", ({ runMode }: { runMode: string }) => {
    if (runMode !== "build" || ctx.settings.baseUrl || ctx.options.report === "stdout") return;
    const file = path.relative(ctx.siteRoot, path.join(ctx.dataDir, SETTINGS_FILE));
    console.log(
      `Note: baseUrl is not set in ${file}, so canonical links, sitemap.xml and the timeline feed are left out. Set it to the address the site is published at.`,
    );
  });

  const options = (site: Settings): SiteFileOptions => ({
    absoluteUrl: ctx.absoluteUrl,
    preventIndexing: site.preventIndexing,
    published: Boolean(site.baseUrl),
  });
  // A sitemap holds absolute URLs only: none until the published address is known.
  const always = () => true;
  const files: [string, string, (site: Settings) => string, (site: Settings) => boolean][] = [
    [
      "/sitemap.xml",
      "engine-sitemap.njk",
      (site) => sitemap(ctx.registry.all, options(site)),
      (site) => Boolean(site.baseUrl),
    ],
    ["/robots.txt", "engine-robots.njk", (site) => robots(options(site)), always],
    [
      "/api/pages.json",
      "engine-pages-json.njk",
      (site) => pagesJson(ctx.registry.all, options(site)),
      always,
    ],
  ];
  for (const [permalink, name, render, wanted] of files) {
    const global = `engineFile${name.replace(/\W/g, "")}`;
    config.addNunjucksGlobal(global, render);
    config.addTemplate(name, `{{ ${global}(site) | safe }}`, {
      eleventyComputed: {
        permalink: (data: { site: Settings }) => (wanted(data.site) ? permalink : false),
      },
      layout: false,
      eleventyExcludeFromCollections: true,
    });
  }
}
