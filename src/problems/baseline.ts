// Known problems: a reviewable list of problems a site already had (for example when it was
// imported), which the build reports as warnings while they last instead of failing. Any new
// problem still fails the build; an entry whose problem is gone is reported so it is removed.
import { SAFETY_KINDS } from "./kinds.js";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { stringify } from "yaml";
import { parseYaml } from "../yaml/yaml.js";
import type { Problem } from "./problem.js";

export const BASELINE_FILE = "known-problems.yml";

export interface KnownProblem {
  /** Relative to the content folder, as in the list. */
  file: string;
  kind: string;
  message: string;
}

interface Entry extends KnownProblem {
  line?: number;
}

/** Where problems are named relative to: entries use paths inside the content folder. */
export interface BaselinePaths {
  siteRoot: string;
  inputDir: string;
}

function entryFile(problemFile: string, paths: BaselinePaths): string {
  const absolute = path.resolve(paths.siteRoot, problemFile);
  const inside = path.relative(paths.inputDir, absolute);
  return inside.startsWith("..") ? problemFile : inside.split(path.sep).join("/");
}

const key = (p: KnownProblem) => `${p.file}\u0000${p.kind}\u0000${p.message}`;

/** The list as YAML, grouped by file, for people to review in a pull request. */
export function baselineYaml(problems: readonly Problem[], paths: BaselinePaths): string {
  const entries = problems
    .filter((p) => !SAFETY_KINDS.has(p.kind))
    .map((p) => ({
      file: entryFile(p.file, paths),
      kind: p.kind,
      message: p.message,
    }));
  const unique = [...new Map(entries.map((e) => [key(e), e])).values()];
  return `# Problems this site already had. The build reports each as a warning while it lasts;
# fix one and delete its entry. A problem not listed here fails the build.
${unique.length ? stringify(unique, { lineWidth: 0 }) : "[]\n"}`;
}

/**
 * Applies the list in `inputDir/known-problems.yml` (if any) to this build's problems: listed
 * errors become warnings, entries that no longer match are reported, and a broken list is
 * itself an error.
 */
export function applyBaseline(problems: readonly Problem[], paths: BaselinePaths): Problem[] {
  const file = path.join(paths.inputDir, BASELINE_FILE);
  if (!existsSync(file)) return [...problems];
  const shown = path.relative(paths.siteRoot, file);
  const parsed = parseYaml(readFileSync(file, "utf8"));
  const list = parsed.value;
  const valid = (e: unknown): e is KnownProblem =>
    !!e &&
    typeof e === "object" &&
    ["file", "kind", "message"].every((k) => typeof (e as Record<string, unknown>)[k] === "string");
  if (parsed.errors.length || !Array.isArray(list) || !list.every(valid)) {
    return [
      ...problems,
      {
        file: shown,
        line: parsed.errors[0]?.line,
        kind: "known-problems",
        severity: "error",
        message: "the list of known problems is not a list of file, kind and message entries",
        hint: `make it again with the importer, or delete ${BASELINE_FILE} and fix what the build reports`,
      },
    ];
  }
  const entries = new Map<string, Entry>();
  (list as KnownProblem[]).forEach((e, i) =>
    entries.set(key(e), { ...e, line: parsed.lineOf(parsed.doc.getIn([i], true) as never) }),
  );
  const seen = new Set<string>();
  const out = problems.map((p) => {
    const k = key({ file: entryFile(p.file, paths), kind: p.kind, message: p.message });
    if (!entries.has(k) || SAFETY_KINDS.has(p.kind)) return p;
    seen.add(k);
    return { ...p, severity: "warning" as const, hint: `known problem, listed in ${shown}` };
  });
  for (const [k, e] of entries) {
    if (seen.has(k)) continue;
    out.push({
      file: shown,
      line: e.line,
      kind: "known-problems",
      severity: "warning",
      message: `"${e.message}" (${e.file}) no longer happens`,
      hint: "delete this entry, so the problem cannot come back unnoticed",
    });
  }
  return out;
}
