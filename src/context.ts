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
  /** The settings of the current build. */
  readonly settings: Settings;
  registry: PageRegistry;
  /** The build's path prefix ("/" or "/guidance/"). */
  pathPrefix(): string;
  /** Absolute URL of a site path, for feeds, sitemaps and canonical links. */
  absoluteUrl(sitePath: string): string;
  /** Today as YYYY-MM-DD: the `today` option, else the real date. */
  today(): string;
}

export function createContext(config: UserConfig, options: ResolvedOptions): BuildContext {
  const siteRoot = process.cwd();
  const inputDir = path.resolve(config.directories.input);
  const dataDir = path.resolve(config.directories.data ?? path.join(inputDir, "_data"));
  const includesDir = path.resolve(config.directories.includes ?? path.join(inputDir, "_includes"));
  let settings = loadSettings(dataDir, siteRoot);
  config.on("eleventy.before", () => {
    settings = loadSettings(dataDir, siteRoot);
  });
  const pathPrefix = () => normalisePrefix(config.pathPrefix ?? settings.pathPrefix);
  return {
    engineRoot: ENGINE_ROOT,
    siteRoot,
    inputDir,
    dataDir,
    includesDir,
    options,
    get settings() {
      return settings;
    },
    registry: new PageRegistry(siteRoot),
    pathPrefix,
    absoluteUrl: (sitePath) => absoluteUrl(settings.baseUrl, pathPrefix(), sitePath),
    today: () => options.today ?? new Date().toISOString().slice(0, 10),
  };
}

export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
