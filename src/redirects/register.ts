// Redirect pages, written after each build from pages' old_paths and site.yml's redirects.
// Registered before the end-of-build report, so redirect problems are reported with the rest.
import path from "node:path";
import type { AfterBuild, UserConfig } from "@11ty/eleventy";
import { collectRedirects, writeRedirects } from "./redirects.js";
import { SETTINGS_FILE } from "../settings/load.js";
import type { BuildContext } from "../context.js";

export function registerRedirects(config: UserConfig, ctx: BuildContext): void {
  const settingsFile = path.relative(ctx.siteRoot, path.join(ctx.dataDir, SETTINGS_FILE));
  config.on("eleventy.after", ({ directories }: AfterBuild) => {
    const { redirects, problems } = collectRedirects(
      ctx.registry.all,
      ctx.settings.redirects,
      settingsFile,
    );
    for (const problem of problems) ctx.registry.problems.add(problem);
    const prefix = ctx.pathPrefix();
    const href = (to: string) => (to.startsWith("/") ? `${prefix}${to.slice(1)}` : to);
    const written = writeRedirects(redirects, path.resolve(directories.output), href, (to) =>
      to.startsWith("/") ? ctx.absoluteUrl(to) : to,
    );
    for (const problem of written) ctx.registry.problems.add(problem);
  });
}
