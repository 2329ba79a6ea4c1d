// The page registry: every page's frontmatter is read by the engine's parser (which keeps
// mistakes and lines instead of stopping) and recorded before anything renders.
import { existsSync, readFileSync } from "node:fs";
import type { UserConfig } from "@11ty/eleventy";
import {
  FRONTMATTER_META,
  frontmatterParser,
  readFrontmatter,
  type FrontmatterMeta,
} from "../frontmatter/parse.js";
import { hasSettingsFile } from "../settings/load.js";
import type { Settings } from "../settings/schema.js";
import type { PageRegistry } from "./registry.js";

type PageData = Parameters<PageRegistry["record"]>[0] & {
  layout?: unknown;
  page: { outputPath?: unknown };
};

export interface PagesContext {
  registry: PageRegistry;
  dataDir: string;
  readonly settings: Settings;
}

export function registerPages(
  config: UserConfig,
  ctx: PagesContext,
  layouts: { names(): readonly string[]; settle(data: PageData): void },
): void {
  const { registry } = ctx;
  config.setFrontMatterParsingOptions({ engines: { yaml: frontmatterParser(layouts.names) } });
  // site.yml is loaded (and validated) as data; defaults only stand in when there is none,
  // since Eleventy would merge both and repeat every list.
  if (!hasSettingsFile(ctx.dataDir)) config.addGlobalData("site", () => ctx.settings);
  // Runs for every page (even those excluded from collections) before anything renders.
  config.addGlobalData("eleventyDataSchema", () => (data: PageData) => {
    registry.record(data);
    layouts.settle(data);
  });
  config.on("eleventy.before", () => {
    registry.reset();
    registry.problems.setLevels(ctx.settings.checks);
  });
  // A page whose pagination has no items writes nothing, and Eleventy says nothing about it.
  config.on(
    "eleventy.contentMap",
    ({ inputPathToUrl }: { inputPathToUrl: Record<string, unknown[]> }) => {
      for (const [inputPath, urls] of Object.entries(inputPathToUrl)) {
        if (urls.length > 0 || !existsSync(inputPath)) continue; // (the engine's own pages)
        const frontmatter = readFrontmatter(readFileSync(inputPath, "utf8")) ?? {};
        const line = (frontmatter[FRONTMATTER_META] as FrontmatterMeta | undefined)?.lineOf(
          "pagination",
        );
        const over = (frontmatter.pagination as { data?: unknown } | undefined)?.data;
        const data = typeof over === "string" ? over : undefined;
        registry.problems.add({
          file: registry.displayPath(inputPath),
          ...(line ? { line } : {}),
          severity: "warning",
          kind: "empty-pagination",
          message: `this page wrote nothing: its pagination${data ? ` over ${data}` : ""} has no items`,
          hint: "check the pagination's data; to publish the page even when there is nothing to list, add generatePageOnEmptyData: true under pagination",
        });
      }
    },
  );
}
