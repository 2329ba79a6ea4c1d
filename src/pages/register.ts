// The page registry: every page's frontmatter is read by the engine's parser (which keeps
// mistakes and lines instead of stopping) and recorded before anything renders.
import type { UserConfig } from "@11ty/eleventy";
import { frontmatterParser } from "../frontmatter/parse.js";
import { hasSettingsFile } from "../settings/load.js";
import type { Settings } from "../settings/schema.js";
import type { PageRegistry } from "./registry.js";

export interface PagesContext {
  registry: PageRegistry;
  dataDir: string;
  readonly settings: Settings;
}

export function registerPages(
  config: UserConfig,
  ctx: PagesContext,
  layoutNames: () => readonly string[],
): void {
  const { registry } = ctx;
  config.setFrontMatterParsingOptions({ engines: { yaml: frontmatterParser(layoutNames) } });
  // site.yml is loaded (and validated) as data; defaults only stand in when there is none,
  // since Eleventy would merge both and repeat every list.
  if (!hasSettingsFile(ctx.dataDir)) config.addGlobalData("site", () => ctx.settings);
  // Runs for every page (even those excluded from collections) before anything renders.
  config.addGlobalData(
    "eleventyDataSchema",
    () => (data: Parameters<typeof registry.record>[0]) => {
      registry.record(data);
    },
  );
  config.on("eleventy.before", () => {
    registry.reset();
    registry.problems.setLevels(ctx.settings.checks);
  });
}
