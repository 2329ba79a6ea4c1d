// Problems are collected for the whole build and reported together, so a contributor
// fixes everything in one round trip instead of one error per build. Each check's severity
// comes from its default or the site's `checks:` setting; "off" drops it.
import { CHECK_KINDS, type CheckLevel } from "./kinds.js";
import { type Problem, SiteBuildError } from "./problem.js";

export type NewProblem = Omit<Problem, "severity"> & { severity?: Problem["severity"] };

export class ProblemCollector {
  private items: Problem[] = [];
  private levels: Partial<Record<string, CheckLevel>> = {};

  setLevels(levels: Partial<Record<string, CheckLevel>>): void {
    this.levels = levels;
  }

  add(problem: NewProblem): void {
    const level =
      this.levels[problem.kind] ??
      problem.severity ??
      (CHECK_KINDS as Record<string, CheckLevel>)[problem.kind] ??
      "error";
    if (level !== "off") this.items.push({ ...problem, severity: level });
  }

  get all(): readonly Problem[] {
    return this.items;
  }

  get errors(): Problem[] {
    return this.items.filter((p) => p.severity === "error");
  }

  /** Throws every error collected so far (warnings stay for the report). */
  throwIfErrors(): void {
    const errors = this.errors;
    if (errors.length > 0) throw new SiteBuildError(sortProblems(this.items));
  }

  clear(): void {
    this.items = [];
  }
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}
