// A site written for @x-govuk/govuk-eleventy-plugin moves over by changing the one line that
// imports the plugin: its options, layouts (and the site's own layouts that extend them),
// frontmatter, filters, heading ids and Sass stylesheets keep working, and the engine's checks,
// search and report come on top.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { installEngine } from "../engine.js";
import { ENGINE_ROOT } from "../context.js";
import { mapXGovukOptions, type XGovukOptions } from "./options.js";
import { XGOVUK_FRONTMATTER } from "./frontmatter.js";
import { registerXGovukFilters } from "./filters.js";
import { registerSass } from "./sass.js";
import { registerXGovukTemplates } from "./templates.js";

export function govukEleventyPlugin(config: UserConfig, xOptions: XGovukOptions = {}): void {
  const mapped = mapXGovukOptions(xOptions);
  const ctx = installEngine(config, mapped.options, {
    name: "x-govuk",
    templates: path.join(ENGINE_ROOT, "templates", "x-govuk"),
    headingIds: "markdown-it-anchor",
    markdown: { breaks: true, typographer: true, extras: true },
    frontmatter: XGOVUK_FRONTMATTER,
  });
  config.addGlobalData("xgovuk", mapped.layoutOptions);
  registerXGovukFilters(config, ctx);
  registerSass(config, ctx);
  const warnings = [...mapped.warnings, ...registerXGovukTemplates(config, ctx, mapped.templates)];
  config.on("eleventy.before", () => {
    for (const { option, message } of warnings) {
      ctx.registry.problems.add({
        file: "eleventy.config (the options given to govukEleventyPlugin)",
        kind: "plugin-options",
        severity: "warning",
        message: `option "${option}": ${message}`,
      });
    }
  });
}
