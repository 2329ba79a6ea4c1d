// Where things are for this build. The content tree may live anywhere (tests, benchmarks),
// while layouts and assets always come from the project.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { loadSettings } from "../settings/load.js";
import type { Settings } from "../settings/schema.js";
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
}

export function resolveProject(config: UserConfig, root: string): Project {
  const inputDir = path.resolve(config.directories.input);
  const includesDir = path.join(root, "_includes");
  const dataDir = path.join(inputDir, "_data");
  return {
    root,
    inputDir,
    includesDir,
    dataDir,
    includesRelative: path.relative(inputDir, includesDir),
    settings: loadSettings(dataDir, root),
    registry: new PageRegistry(process.cwd()),
  };
}
