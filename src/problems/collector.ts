// Problems are collected for the whole build and reported together, so a contributor
// fixes everything in one round trip instead of one error per build.
import { type Problem, SiteBuildError } from "./problem.js";

export class ProblemCollector {
  private items: Problem[] = [];

  add(problem: Problem): void {
    this.items.push(problem);
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
    if (errors.length > 0) throw new SiteBuildError(sortProblems(errors));
  }

  clear(): void {
    this.items = [];
  }
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0),
  );
}
