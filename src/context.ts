// What one build knows: where the site's files are, where the engine's own templates and
// assets are, the settings (read again at the start of every build, so the preview shows an
// edited site.yml at once), the page registry and the plugin's options. Every capability
// registers itself against this.
import path from "node:path";
import { fileURLToPath } from "node:url";
import type { UserConfig } from "@11ty/eleventy";
import { loadSettings } from "./settings/load.js";
import { absoluteUrl, type Settings } from "./settings/schema.js";
import { PageRegistry } from "./pages/registry.js";
import type { ResolvedOptions } from "./options.js";
import type { HeadingIds } from "./markdown/headings.js";
import type { MarkdownDialect } from "./markdown/index.js";
import type { FrontmatterRules } from "./frontmatter/schema.js";

/**
 * What changes when the engine builds a site written for another tool: where templates are
 * looked up first, how heading ids are made, which frontmatter fields are understood.
 */
export interface Flavour {
  name: string;
  /** Templates searched before the engine's own, as that tool searched its own first. */
  templates: string;
  headingIds: HeadingIds;
  markdown?: MarkdownDialect;
  frontmatter: FrontmatterRules;
}

/** The package's own folder (templates/, assets/), whether run from src/ or dist/. */
export const ENGINE_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

export interface BuildContext {
  engineRoot: string;
  /** Where the site's config runs from: paths in messages are relative to it. */
  siteRoot: string;
  inputDir: string;
  dataDir: string;
  /** The site's own _includes, searched before the engine's templates. */
  includesDir: string;
  options: ResolvedOptions;
  flavour?: Flavour;
  /** Where Eleventy looks for layouts (the includes folder unless the site names another). */
  layoutsDir: string;
  /** The settings of the current build. */
  readonly settings: Settings;
  registry: PageRegistry;
  /** The build's path prefix ("/" or "/guidance/"). */
  pathPrefix(): string;
  /** Absolute URL of a site path, for feeds, sitemaps and canonical links (the path, with the
   * prefix, while the settings have no baseUrl). */
  absoluteUrl(sitePath: string): string;
  /** Today as YYYY-MM-DD: the `today` option, else the real date. */
  today(): string;
  /** Whether the site's config runs Markdown through a template engine (x-govuk sites do). */
  markdownTemplates(): boolean;
}

export function createContext(
  config: UserConfig,
  options: ResolvedOptions,
  flavour?: Flavour,
): BuildContext {
  const siteRoot = process.cwd();
  const inputDir = path.resolve(config.directories.input);
  const dataDir = path.resolve(config.directories.data ?? path.join(inputDir, "_data"));
  const includesDir = path.resolve(config.directories.includes ?? path.join(inputDir, "_includes"));
  const layoutsDir = config.directories.layouts
    ? path.resolve(config.directories.layouts)
    : path.join(includesDir, "layouts");
  const load = () => loadSettings(dataDir, siteRoot, options.settings);
  let settings = load();
  config.on("eleventy.before", () => {
    settings = load();
  });
  const pathPrefix = () => normalisePrefix(config.pathPrefix ?? settings.pathPrefix);
  let merged: Record<string, unknown> = {};
  config.on("eleventy.config", (templateConfig: { getConfig(): Record<string, unknown> }) => {
    merged = templateConfig.getConfig();
  });
  return {
    engineRoot: ENGINE_ROOT,
    siteRoot,
    inputDir,
    dataDir,
    includesDir,
    layoutsDir,
    options,
    flavour,
    get settings() {
      return settings;
    },
    registry: new PageRegistry(siteRoot, flavour?.frontmatter),
    pathPrefix,
    absoluteUrl: (sitePath) => absoluteUrl(settings.baseUrl, pathPrefix(), sitePath),
    today: () => options.today ?? new Date().toISOString().slice(0, 10),
    markdownTemplates: () => Boolean(merged.markdownTemplateEngine),
  };
}

export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
