// Compiled, hashed CSS/JS and copied images; templates ask for assets by logical name.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { buildAssets, type AssetManifest } from "../assets/build.js";
import { copyContentFiles } from "../assets/content-files.js";
import type { Project } from "./project.js";

export function registerAssets(config: UserConfig, project: Project): void {
  let manifest: AssetManifest = {};
  config.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    manifest = await buildAssets(project.root, path.resolve(directories.output));
  });
  config.addNunjucksGlobal("hashedAsset", (name: string) => {
    const url = manifest[name];
    if (!url)
      throw new Error(`Unknown asset "${name}"; known: ${Object.keys(manifest).join(", ")}`);
    return url;
  });
  config.addPassthroughCopy({ [path.join(project.root, "assets/images")]: "assets/images" });
  config.on("eleventy.before", ({ directories }: { directories: { output: string } }) => {
    copyContentFiles(project.inputDir, path.resolve(directories.output));
  });
}
