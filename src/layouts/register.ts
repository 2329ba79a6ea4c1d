// Layouts: the Nunjucks environment, the engine's layouts (virtual unless the site has its own
// file of that name), GOV.UK/MoJ components for templates and Markdown, and the 404 page.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { ComponentName, RenderComponent } from "../markdown/components.js";
import { RenderCache } from "./render-cache.js";
import { paginationRenderer } from "./pagination.js";
import { sideNavigationRenderer } from "./side-navigation.js";
import { componentRenderer, createNunjucks } from "./nunjucks.js";
import type { BuildContext } from "../context.js";

const NOT_FOUND = `<p class="govuk-body">If you typed the web address, check it is correct.</p>
<p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
<p class="govuk-body">You can <a class="govuk-link" href="/">go to the home page</a> to find what you need.</p>`;

/** Layouts only the engine's own pages use (search, A to Z, cookies), unless a site has its own. */
const NOT_FOR_PAGES = new Set(["search", "site-index", "cookies"]);

export interface Layouts {
  renderComponent: RenderComponent;
  /** Every layout a page may name: the engine's and the site's own. */
  names(): string[];
  /**
   * Called with each page's data once its output path is known, before anything renders: a
   * file that is not a web page (a .txt, .json or .xml permalink, compiled Sass) is written as
   * it renders instead of inside the default layout, unless it names a layout itself. (Done
   * here rather than as computed data, which costs every page of a build its own pass.)
   */
  settle(data: { layout?: unknown; page: { outputPath?: unknown } }): void;
}

export function registerLayouts(config: UserConfig, ctx: BuildContext): Layouts {
  const engineTemplates = path.join(ctx.engineRoot, "templates");
  // A flavour's layouts take the place of the engine's of the same name (x-govuk sites name
  // x-govuk's layouts); the engine's others (search, timeline…) stay.
  const layoutSources = new Map<string, string>();
  for (const dir of [engineTemplates, ...(ctx.flavour ? [ctx.flavour.templates] : [])]) {
    for (const name of layoutFiles(path.join(dir, "layouts"))) {
      layoutSources.set(name, path.join(dir, "layouts", `${name}.njk`));
    }
  }
  const engineLayouts = [...layoutSources.keys()].sort();
  let siteLayouts = layoutFiles(ctx.layoutsDir);
  config.on("eleventy.before", () => {
    siteLayouts = layoutFiles(ctx.layoutsDir);
  });

  const nunjucks = createNunjucks(ctx.includesDir, engineTemplates, ctx.flavour?.templates);
  config.setLibrary("njk", nunjucks);
  // Eleventy finds layouts as files in the layouts folder: the engine's are added there as
  // virtual templates, except where the site has a file of the same name, which wins. Eleventy
  // cannot place a virtual layout in a layouts folder outside the input folder (x-govuk sites
  // have one); there the alias points at the engine's file itself.
  const layoutsFromInput = path.relative(ctx.inputDir, ctx.layoutsDir);
  const layoutsOutside = layoutsFromInput.startsWith("..");
  const ownLayoutsDir = Boolean(config.directories.layouts);
  for (const name of engineLayouts) {
    const file = layoutSources.get(name)!;
    if (siteLayouts.includes(name) || !layoutsOutside) {
      config.addLayoutAlias(name, ownLayoutsDir ? `${name}.njk` : `layouts/${name}.njk`);
    }
    if (siteLayouts.includes(name)) continue;
    if (layoutsOutside) config.addLayoutAlias(name, posix(path.relative(ctx.layoutsDir, file)));
    else config.addTemplate(`${posix(layoutsFromInput)}/${name}.njk`, readFileSync(file, "utf8"));
  }
  // A page without a layout gets `page` (and see `settle`, below).
  config.addGlobalData("layout", "page");

  const renderComponent = componentRenderer(nunjucks);
  config.addNunjucksGlobal("component", renderComponent);
  const sideNavigation = sideNavigationRenderer(renderComponent);
  config.on("eleventy.before", () => sideNavigation.clear());
  config.addNunjucksGlobal("sideNavigation", sideNavigation.render);
  const pagination = paginationRenderer(renderComponent);
  config.on("eleventy.before", () => pagination.clear());
  config.addNunjucksGlobal("previousAndNext", pagination.render);
  // Furniture that is the same on many pages (footer, a section's service navigation, a
  // parent's breadcrumb trail, shared by its children: src/navigation/page-nav.ts) is rendered
  // once per build for each key, a text or an object those pages share.
  const once = new RenderCache();
  config.on("eleventy.before", () => once.clear());
  config.addNunjucksGlobal(
    "renderOnce",
    (key: unknown, name: ComponentName, params: Record<string, unknown>) => {
      const render = () => renderComponent(name, params);
      const keyed = typeof key === "string" || (typeof key === "object" && key !== null);
      return keyed ? once.get(key, render) : render();
    },
  );
  config.addGlobalData("engine", {
    copyright: ctx.options.copyright,
    stylesheets: ctx.options.stylesheets,
    scripts: ctx.options.scripts,
    preview: ctx.options.preview,
  });

  if (!existsSync(path.join(ctx.inputDir, "404.md"))) {
    config.addTemplate("engine-404.njk", NOT_FOUND, {
      title: "Page not found",
      layout: "error",
      permalink: "/404.html",
      eleventyExcludeFromCollections: true,
    });
  }
  return {
    renderComponent,
    settle: (data) => {
      if (data.layout === "page" && !isWebPage(data.page.outputPath)) data.layout = false;
    },
    names: () =>
      [...new Set([...engineLayouts, ...siteLayouts])].filter(
        (n) => n !== "base" && !(NOT_FOR_PAGES.has(n) && !siteLayouts.includes(n)),
      ),
  };
}

const posix = (p: string) => p.split(path.sep).join("/");

function layoutFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".njk"))
    .map((f) => f.slice(0, -".njk".length))
    .sort();
}

/** Whether Eleventy writes this output as an HTML page (not a .txt, .json, .xml… file). */
function isWebPage(outputPath: unknown): boolean {
  return typeof outputPath !== "string" || /\.html?$/i.test(outputPath);
}
