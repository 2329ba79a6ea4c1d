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
      problems.push({
        file: ctx.file,
        line,
        kind: ctx.kind,
        severity: "error",
        message: `${subject}${describeIssue(issue, field, extra)}`,
        hint: hintFor(issue),
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
