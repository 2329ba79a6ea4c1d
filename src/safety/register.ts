// Safe by default: content from a pull request cannot run code at build time, read outside the
// content folder, write outside the output folder or ship active HTML (the Markdown side of
// that is in markdown/raw-html.ts, by the policy in html/html-policy.ts). A site that opts its
// content in to templates (`markdownTemplateEngine: "njk"`, as x-govuk sites do) trusts all of
// it, and is told so once.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { BuildContext } from "../context.js";
import { sortProblems, type NewProblem } from "../problems/collector.js";
import { publishedError, publishProblems } from "../problems/register.js";
import { auditInput } from "./input-audit.js";
import { unsafeOutputPaths } from "./output-paths.js";
import { contentSecurityPolicy } from "./csp.js";
import { ANALYTICS_HOSTS } from "../analytics/register.js";

export function registerSafety(config: UserConfig, ctx: BuildContext): void {
  const { registry } = ctx;
  let toldTrust = false;
  // Markdown is content, not a template: never run it through Liquid (Eleventy's default).
  config.on("eleventy.config", (templateConfig: { getConfig(): Record<string, unknown> }) => {
    const merged = templateConfig.getConfig();
    if (merged.markdownTemplateEngine === "liquid") merged.markdownTemplateEngine = false;
  });

  const trusted = () =>
    ctx.markdownTemplates()
      ? [ctx.inputDir]
      : [
          ctx.includesDir,
          ctx.layoutsDir,
          ...ctx.options.trustedContent.map((p) => path.resolve(ctx.inputDir, p)),
        ];
  config.on("eleventy.before", ({ directories }: { directories: { output: string } }) => {
    if (ctx.markdownTemplates() && !toldTrust && ctx.options.report !== "stdout") {
      console.log(
        `Templates in ${registry.displayPath(ctx.inputDir)} run when the site is built (the config sets markdownTemplateEngine): review every change to it as code.`,
      );
      toldTrust = true;
    }
    const audit = auditInput({
      inputDir: ctx.inputDir,
      dataDir: ctx.dataDir,
      trusted: trusted(),
      skip: [path.resolve(directories.output), path.join(ctx.inputDir, "node_modules")],
      displayPath: (file) => registry.displayPath(file),
    });
    for (const problem of audit.names) registry.problems.add(problem);
    stopIf(audit.unsafe, ctx);
  });

  config.on(
    "eleventy.contentMap",
    ({ urlToInputPath }: { urlToInputPath: Record<string, { inputPath: string }> }) =>
      stopIf(
        unsafeOutputPaths(urlToInputPath, (file) => registry.displayPath(file)),
        ctx,
      ),
  );

  let policy: { for: unknown; value: string } | undefined;
  config.addNunjucksGlobal("contentSecurityPolicy", () => {
    const settings = ctx.settings;
    if (policy?.for !== settings) {
      const value = contentSecurityPolicy({
        embedHosts: settings.embedHosts,
        stylesheets: ctx.options.stylesheets,
        scripts: ctx.options.scripts,
        ...(settings.analytics ? { analytics: ANALYTICS_HOSTS } : {}),
      });
      policy = { for: settings, value };
    }
    return policy.value;
  });
}

/** Stops the build before anything more is read or written, with the usual report. */
function stopIf(found: NewProblem[], ctx: BuildContext): void {
  if (!found.length) return;
  const problems = sortProblems(found.map((p) => ({ ...p, severity: "error" as const })));
  publishProblems(problems, ctx.options);
  throw publishedError(problems);
}
