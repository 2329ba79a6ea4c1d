// Compiled, hashed CSS/JS and copied images; templates ask for assets by logical name.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { buildAssets, type AssetManifest } from "./build.js";
import { copyContentFiles } from "./content-files.js";
import type { BuildContext } from "../context.js";

export function registerAssets(config: UserConfig, ctx: BuildContext): void {
  let manifest: AssetManifest = {};
  config.on("eleventy.before", async ({ directories }: { directories: { output: string } }) => {
    manifest = await buildAssets(ctx.engineRoot, path.resolve(directories.output), ctx.siteRoot);
  });
  config.addNunjucksGlobal("hashedAsset", (name: string) => {
    const url = manifest[name];
    if (!url)
      throw new Error(`Unknown asset "${name}"; known: ${Object.keys(manifest).join(", ")}`);
    return url;
  });
  config.addPassthroughCopy({ [path.join(ctx.engineRoot, "assets/images")]: "assets/images" });
  config.on("eleventy.before", ({ directories }: { directories: { output: string } }) => {
    copyContentFiles(ctx.inputDir, path.resolve(directories.output));
  });
}
