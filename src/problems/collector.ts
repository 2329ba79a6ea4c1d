// Problems are collected for the whole build and reported together, so a contributor
// fixes everything in one round trip instead of one error per build. Each check's severity
// comes from its default or the site's `checks:` setting; "off" drops it.
import { CHECK_KINDS, type CheckLevel } from "./kinds.js";
import { type Problem, SiteBuildError } from "./problem.js";

export type NewProblem = Omit<Problem, "severity"> & { severity?: Problem["severity"] };

export class ProblemCollector {
  private items: Problem[] = [];
  /** The same problem found twice (a timeline entry rendered for the page and the feed) is one. */
  private seen = new Set<string>();
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
    const key = `${problem.file}:${problem.line}:${problem.kind}:${problem.message}`;
    if (level === "off" || this.seen.has(key)) return;
    this.seen.add(key);
    this.items.push({ ...problem, severity: level });
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
    this.seen.clear();
  }
}

export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}
