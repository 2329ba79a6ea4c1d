// Layouts: the Nunjucks environment, the engine's layouts (virtual unless the site has its own
// file of that name), GOV.UK/MoJ components for templates and Markdown, and the 404 page.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { RenderComponent } from "../markdown/components.js";
import { componentRenderer, createNunjucks } from "./nunjucks.js";
import type { BuildContext } from "../context.js";

const NOT_FOUND = `<p class="govuk-body">If you typed the web address, check it is correct.</p>
<p class="govuk-body">If you pasted the web address, check you copied the entire address.</p>
<p class="govuk-body">You can <a class="govuk-link" href="/">go to the home page</a> to find what you need.</p>`;

export interface Layouts {
  renderComponent: RenderComponent;
  /** Every layout a page may name: the engine's and the site's own. */
  names(): string[];
}

export function registerLayouts(config: UserConfig, ctx: BuildContext): Layouts {
  const engineTemplates = path.join(ctx.engineRoot, "templates");
  const engineLayouts = layoutFiles(path.join(engineTemplates, "layouts"));
  const siteLayoutsDir = path.join(ctx.includesDir, "layouts");
  let siteLayouts = layoutFiles(siteLayoutsDir);
  config.on("eleventy.before", () => {
    siteLayouts = layoutFiles(siteLayoutsDir);
  });

  const nunjucks = createNunjucks(ctx.includesDir, engineTemplates);
  config.setLibrary("njk", nunjucks);
  // Eleventy finds layouts as files in the includes folder: the engine's are added there as
  // virtual templates, except where the site has a file of the same name, which wins.
  const includesFromInput = path.relative(ctx.inputDir, ctx.includesDir).split(path.sep).join("/");
  for (const name of engineLayouts) {
    config.addLayoutAlias(name, `layouts/${name}.njk`);
    if (siteLayouts.includes(name)) continue;
    const file = path.join(engineTemplates, "layouts", `${name}.njk`);
    config.addTemplate(`${includesFromInput}/layouts/${name}.njk`, readFileSync(file, "utf8"));
  }
  config.addGlobalData("layout", "page");

  const renderComponent = componentRenderer(nunjucks);
  config.addNunjucksGlobal("component", renderComponent);
  // Site-wide furniture (footer, service navigation) is the same on every page of a section:
  // render each variant once per build, not once per page.
  const furniture = new Map<string, string>();
  config.on("eleventy.before", () => furniture.clear());
  config.addNunjucksGlobal(
    "renderOnce",
    (
      key: string,
      name: "serviceNavigation" | "footer" | "phaseBanner",
      params: Record<string, unknown>,
    ) => {
      let html = furniture.get(key);
      if (html === undefined) furniture.set(key, (html = renderComponent(name, params)));
      return html;
    },
  );
  config.addGlobalData("engine", { copyright: ctx.options.copyright });

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
    names: () => [...new Set([...engineLayouts, ...siteLayouts])].filter((n) => n !== "base"),
  };
}

function layoutFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".njk"))
    .map((f) => f.slice(0, -".njk".length))
    .sort();
}
