// The plugin's options: typed, validated, documented here and nowhere else. A site's settings
// (name, navigation, footer, owner…) are content, in `_data/site.yml`; options are how the
// engine runs.
import type { UserConfig } from "@11ty/eleventy";
import { z } from "zod";
import { SiteBuildError } from "./problems/problem.js";

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD");

export const optionsSchema = z.strictObject({
  /** Build the Pagefind search index after each build (default true). */
  search: z.boolean().default(true),
  /** Content checks while Markdown renders and link checks over the built HTML (default true). */
  checks: z.boolean().default(true),
  /** The date review notices and overdue plans are measured against (default: the real today). */
  today: isoDate.optional(),
  /** Also write every problem as JSON: "stdout", or a file path. */
  report: z.string().min(1).optional(),
  /** Print problems as GitHub Actions annotations as well. */
  githubAnnotations: z.boolean().default(false),
  /** Write every http(s) link in the content, with file and line, to this JSON file. */
  externalLinksFile: z.string().min(1).optional(),
  /** Text of the footer's copyright line (GOV.UK Frontend's default is "© Crown copyright"). */
  copyright: z.string().min(1).optional(),
  /**
   * Site settings given in the config instead of `_data/site.yml` (same fields); where both
   * set a field, site.yml wins. Checked like site.yml.
   */
  settings: z.record(z.string(), z.unknown()).optional(),
  /**
   * Files and folders in the content folder (relative to it) that maintainers own and that may
   * hold templates or JavaScript data, which run when the site is built. The site's _includes
   * and layouts folders are always trusted. Protect them with CODEOWNERS.
   */
  trustedContent: z.array(z.string().min(1)).default([]),
  /**
   * Leave the search index to the caller (`npm run build` writes it once the build's process
   * has ended, so the two never hold memory at once); `searchIndexWanted` says if one is due.
   */
  searchIndexByCaller: z.boolean().default(false),
  /**
   * Pagefind's program, to run instead of the one its npm package installed (for a machine it
   * has none for). The command line sets it from PAGEFIND_EXTENDED_BINARY_PATH or
   * PAGEFIND_BINARY_PATH, the variables Pagefind's own package reads.
   */
  pagefindProgram: z.string().min(1).optional(),
  /** Show the last build's problems on every page in the browser (`npm start` sets it). */
  preview: z.boolean().default(false),
  /** Extra stylesheets every page links to after the engine's own (site paths or URLs). */
  stylesheets: z.array(z.string().min(1)).default([]),
  /** Extra scripts (ES modules) every page loads after the engine's own (site paths or URLs). */
  scripts: z.array(z.string().min(1)).default([]),
});

export type DocsPluginOptions = z.input<typeof optionsSchema>;
export type ResolvedOptions = z.output<typeof optionsSchema>;

export function resolveOptions(options: unknown): ResolvedOptions {
  const result = optionsSchema.safeParse(options ?? {});
  if (result.success) return result.data;
  throw new SiteBuildError(
    result.error.issues.flatMap((issue) => {
      const keys = issue.code === "unrecognized_keys" ? issue.keys : [issue.path.join(".")];
      return keys.map((key) => ({
        file: "eleventy.config (the options given to addPlugin)",
        kind: "plugin-options",
        severity: "error" as const,
        message:
          issue.code === "unrecognized_keys"
            ? `unknown option "${key}"`
            : `option "${key}": ${issue.message.replace(/^Invalid input: /, "")}`,
        hint: `the options are: ${Object.keys(optionsSchema.shape).join(", ")}`,
      }));
    }),
  );
}

const runOptions = new WeakMap<UserConfig, DocsPluginOptions>();

/**
 * Options for this run that the command line decides (the JSON report, `--search=off`…);
 * they override the site config's own. Call before the config file is read.
 */
export function setRunOptions(config: UserConfig, options: DocsPluginOptions): void {
  runOptions.set(config, options);
}

/** The run options the command line set for this config, if any. */
export function getRunOptions(config: UserConfig): DocsPluginOptions {
  return runOptions.get(config) ?? {};
}
