// The engine as an Eleventy plugin: `eleventyConfig.addPlugin(docsPlugin, options)`, or, for a
// site written for @x-govuk/govuk-eleventy-plugin, `addPlugin(govukEleventyPlugin, itsOptions)`.
import type { UserConfig } from "@11ty/eleventy";
import type { DocsPluginOptions } from "./options.js";
import { installEngine } from "./engine.js";

export type { DocsPluginOptions } from "./options.js";
export type { Settings, SettingsInput } from "./settings/schema.js";
export type { Problem } from "./problems/problem.js";
export { govukEleventyPlugin } from "./xgovuk/plugin.js";
export type { XGovukOptions } from "./xgovuk/options.js";

export { setRunOptions } from "./options.js";
/** For a preview command: whether saving these files changes pages other than themselves. */
export { changesOtherPages } from "./preview/register.js";
export { searchIndexWanted } from "./search/register.js";

export function docsPlugin(config: UserConfig, options: DocsPluginOptions = {}): void {
  installEngine(config, options);
}

export default docsPlugin;
