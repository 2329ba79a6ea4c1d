// One shape for every mistake the build finds, so contributors always see
// "file:line — what is wrong — how to fix it", whatever part of the engine found it.
export type Severity = "error" | "warning";

export interface Problem {
  /** Path relative to the project (or content) root, as a contributor would type it. */
  file: string;
  line?: number;
  /** What is wrong, in the contributor's words. */
  message: string;
  /** How to fix it. */
  hint?: string;
  severity: Severity;
  /** Short machine name, e.g. "frontmatter-yaml", "nav-parent". */
  kind: string;
}

/** Thrown when the build must stop; carries every problem found so far, not just the first. */
export class SiteBuildError extends Error {
  readonly problems: Problem[];
  /** Whether the JSON report and annotations were already written for these problems. */
  published = false;
  /** Eleventy's own command prints the problems, not a stack trace: they are the site's. */
  readonly skipOriginalStack = true;
  constructor(problems: Problem[]) {
    super(problems.map(formatProblem).join("\n"));
    this.name = "SiteBuildError";
    this.problems = problems;
  }
}

export function formatProblem(p: Problem): string {
  const where = p.line ? `${p.file}:${p.line}` : p.file;
  const hint = p.hint ? `\n    How to fix: ${p.hint}` : "";
  return `${where}  ${p.severity}  ${p.message}${hint}`;
}

/** Finds our own error inside the wrappers Eleventy puts around errors thrown by plugins. */
export function findSiteBuildError(error: unknown): SiteBuildError | undefined {
  const seen = new Set<unknown>();
  let current: unknown = error;
  while (current && typeof current === "object" && !seen.has(current)) {
    if (current instanceof SiteBuildError) return current;
    seen.add(current);
    const e = current as { cause?: unknown; originalError?: unknown };
    current = e.originalError ?? e.cause;
  }
  return undefined;
}
