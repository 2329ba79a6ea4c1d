// Turns zod's findings on a YAML file into located, plain-English problems.
import type { z } from "zod";
import type { Problem } from "../problems/problem.js";
import { lineOfPath, type ParsedYaml } from "./yaml.js";

export interface ValidationContext {
  file: string;
  parsed?: ParsedYaml;
  /** Names a path for humans, e.g. 'entry 3 ("We released…")'. */
  describe?: (path: PropertyKey[]) => string;
  /** How many leading path segments `describe` names (1 for a list of entries). */
  entryDepth?: number;
  /** Line for a path when the source is not YAML we parsed ourselves. */
  lineFor?: (path: PropertyKey[]) => number | undefined;
  kind: string;
  /** Field names to suggest from when one is misspelt. */
  knownFields?: readonly string[];
  /** An unknown field is an error unless this says otherwise. */
  unknownFields?: "error" | "warning";
}

export function zodProblems(error: z.ZodError, ctx: ValidationContext): Problem[] {
  const problems: Problem[] = [];
  for (const issue of error.issues) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    for (const extra of keys) {
      const path = extra === undefined ? issue.path : [...issue.path, extra];
      const yamlPath = path.filter((k): k is string | number => typeof k !== "symbol");
      const line = ctx.parsed ? lineOfPath(ctx.parsed, yamlPath) : ctx.lineFor?.(path);
      const fieldPath = path.slice(ctx.entryDepth ?? 0);
      const field = fieldPath.length ? `"${fieldPath.join(".")}"` : "the entry";
      const subject = ctx.describe ? `${ctx.describe(path)}: ` : "";
      const nearest = extra === undefined ? undefined : nearestName(extra, ctx.knownFields);
      problems.push({
        file: ctx.file,
        line,
        kind: ctx.kind,
        severity: extra === undefined ? "error" : (ctx.unknownFields ?? "error"),
        message: `${subject}${describeIssue(issue, field, extra)}`,
        hint: nearest
          ? `did you mean "${nearest}"?`
          : ctx.unknownFields === "warning" && extra !== undefined
            ? "no layout of the engine reads it; keep it only if the site's own templates do"
            : hintFor(issue),
      });
    }
  }
  return problems;
}

function describeIssue(issue: z.core.$ZodIssue, field: string, extra: string | undefined): string {
  if (extra !== undefined) return `unknown field "${extra}"`;
  if (issue.code === "invalid_type" && /received undefined/.test(issue.message))
    return `${field} is missing`;
  return `${field}: ${issue.message.replace(/^Invalid input: /, "")}`;
}

function hintFor(issue: z.core.$ZodIssue): string | undefined {
  if (issue.code === "unrecognized_keys")
    return "check the spelling; the Contributing page lists every field the site understands";
  return undefined;
}

/** The known name closest to a misspelt one (at most two edits away), if any. */
export function nearestName(name: string, known: readonly string[] = []): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const d = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(
        previous[j]! + 1,
        current[j - 1]! + 1,
        previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = current;
  }
  return previous[b.length]!;
}
