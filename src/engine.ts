// The engine, put together: each capability registers itself from its own folder; this file
// only puts them in order. `flavour` adapts it to sites written for another tool (x-govuk).
import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import { createContext, type BuildContext, type Flavour } from "./context.js";
import { getRunOptions, resolveOptions, type DocsPluginOptions } from "./options.js";
import { yamlDataParser } from "./yaml/data-files.js";
import { parseSettings, SETTINGS_FILE } from "./settings/load.js";
import { parseTimeline, TIMELINE_FILE } from "./timeline/load.js";
import { registerLayouts } from "./layouts/register.js";
import { registerPages } from "./pages/register.js";
import { registerMarkdown } from "./markdown/register.js";
import { registerNavigation } from "./navigation/register.js";
import { registerChecks } from "./checks/register.js";
import { registerTimeline } from "./timeline/register.js";
import { registerSearch } from "./search/register.js";
import { registerPageMeta } from "./page-meta/register.js";
import { registerSiteFiles } from "./site-files/register.js";
import { registerRedirects } from "./redirects/register.js";
import { registerAssets } from "./assets/register.js";
import { registerReport } from "./problems/register.js";
import { registerPreview } from "./preview/register.js";
import { registerSafety } from "./safety/register.js";
import { registerAnalytics } from "./analytics/register.js";

/** `options` as a site gives them; the command line's run options override them. */
export function installEngine(
  config: UserConfig,
  options: DocsPluginOptions,
  flavour?: Flavour,
): BuildContext {
  const resolved = resolveOptions({ ...options, ...getRunOptions(config) });
  const ctx = createContext(config, resolved, flavour);

  config.addDataExtension("yml,yaml", {
    parser: yamlDataParser(ctx.siteRoot, {
      [SETTINGS_FILE]: (source, file) => parseSettings(source, file, ctx.options.settings),
      [TIMELINE_FILE]: parseTimeline,
    }),
  });
  const layouts = registerLayouts(config, ctx);
  registerPages(config, ctx, layouts);
  // After the registry's reset at the start of each build: it adds to the new build's problems.
  registerSafety(config, ctx);
  const md = registerMarkdown(config, ctx, layouts.renderComponent);
  registerNavigation(config, ctx.registry);
  registerChecks(config, ctx, md);
  registerTimeline(config, ctx, md, layouts.renderComponent);
  registerSearch(config, ctx);
  registerPageMeta(config, ctx);
  registerSiteFiles(config, ctx);
  registerRedirects(config, ctx);
  registerAssets(config, ctx);
  registerAnalytics(config, ctx.settings);
  registerPreview(config, ctx.registry);
  config.addPlugin(HtmlBasePlugin);
  // Last: it reports what every step above found.
  registerReport(config, ctx.registry.problems, ctx.options, ctx);
  return ctx;
}
