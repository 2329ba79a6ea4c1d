// Reads and validates site.yml; the same function serves Eleventy's data cascade and the
// config (which needs the path prefix before any page is read).
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseYaml } from "../yaml/yaml.js";
import { zodProblems } from "../yaml/validate.js";
import { SiteBuildError, type Problem } from "../problems/problem.js";
import { settingsSchema, type Settings } from "./schema.js";

export const SETTINGS_FILE = "site.yml";

/** `defaults`: settings given in the plugin's options; the file's own values win. */
export function parseSettings(
  source: string,
  file: string,
  defaults: Record<string, unknown> = {},
): Settings {
  const parsed = parseYaml(source);
  const problems: Problem[] = parsed.errors.map((e) => ({
    file,
    line: e.line,
    kind: "settings-yaml",
    severity: "error",
    message: `the settings file is not valid YAML: ${e.message}`,
    hint: e.hint ?? "check indentation and that every text containing a colon is quoted",
  }));
  if (problems.length) throw new SiteBuildError(problems);
  const result = settingsSchema.safeParse({ ...defaults, ...(parsed.value ?? {}) });
  if (!result.success)
    throw new SiteBuildError(zodProblems(result.error, { file, parsed, kind: "settings" }));
  return result.data;
}

export function defaultSettings(defaults: Record<string, unknown> = {}): Settings {
  const result = settingsSchema.safeParse(defaults);
  if (result.success) return result.data;
  throw new SiteBuildError(
    zodProblems(result.error, {
      file: "eleventy.config (the settings option given to addPlugin)",
      kind: "settings",
    }),
  );
}

export function hasSettingsFile(dataDir: string): boolean {
  return existsSync(path.join(dataDir, SETTINGS_FILE));
}

export function loadSettings(
  dataDir: string,
  displayRoot = process.cwd(),
  defaults: Record<string, unknown> = {},
): Settings {
  const file = path.join(dataDir, SETTINGS_FILE);
  if (!existsSync(file)) return defaultSettings(defaults);
  return parseSettings(readFileSync(file, "utf8"), path.relative(displayRoot, file), defaults);
}
