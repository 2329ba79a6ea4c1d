// Where things are for this build. The content tree may live anywhere (tests, benchmarks),
// while layouts and assets always come from the project.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { loadSettings } from "../settings/load.js";
import { absoluteUrl, type Settings } from "../settings/schema.js";
import { PageRegistry } from "../pages/registry.js";

export interface Project {
  root: string;
  inputDir: string;
  includesDir: string;
  dataDir: string;
  /** _includes as Eleventy wants it: relative to the input folder. */
  includesRelative: string;
  settings: Settings;
  registry: PageRegistry;
  /** The build's path prefix ("/" or "/guidance/"): --pathprefix, else site.yml. */
  pathPrefix(): string;
  /** Absolute URL of a site path, for feeds, sitemaps and canonical links. */
  absoluteUrl(sitePath: string): string;
}

export function resolveProject(config: UserConfig, root: string): Project {
  const inputDir = path.resolve(config.directories.input);
  const includesDir = path.join(root, "_includes");
  const dataDir = path.join(inputDir, "_data");
  const settings = loadSettings(dataDir, root);
  const pathPrefix = () => normalisePrefix(config.pathPrefix ?? settings.pathPrefix);
  return {
    root,
    inputDir,
    includesDir,
    dataDir,
    includesRelative: path.relative(inputDir, includesDir),
    settings,
    registry: new PageRegistry(process.cwd()),
    pathPrefix,
    absoluteUrl: (sitePath) => absoluteUrl(settings.baseUrl, pathPrefix(), sitePath),
  };
}

export function normalisePrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}
