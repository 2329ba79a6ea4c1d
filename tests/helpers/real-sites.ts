// The real sites this engine must take in (see ../shared/fixtures/README.md). One setting names
// their folder: REAL_SITES_DIR, default ../shared/fixtures beside the project. The GitHub
// workflow checks the repositories out at the pinned commits and sets it.
import { existsSync } from "node:fs";
import path from "node:path";
import { projectRoot } from "./build.js";

export const REAL_SITES_DIR = path.resolve(
  projectRoot,
  process.env.REAL_SITES_DIR ?? "../shared/fixtures",
);

export const realSite = (name: string): string => path.join(REAL_SITES_DIR, name);
export const hasRealSite = (name: string): boolean => existsSync(realSite(name));
