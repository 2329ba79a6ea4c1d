// Prints build failures for people: our located problems as a grouped list; anything else
// as its message chain without a stack trace (set DEBUG=site to see the stack).
import { formatProblem, type Problem } from "./problem.js";
import { siteBuildErrorOf } from "./template-error.js";

export function describeFailure(error: unknown): string {
  const ours = siteBuildErrorOf(error);
  if (ours) return formatProblems(ours.problems);
  const messages: string[] = [];
  for (let e: unknown = error; e instanceof Error && messages.length < 6;) {
    messages.push(e.message);
    const next = (e as { originalError?: unknown }).originalError ?? e.cause;
    e = next;
  }
  const lines = [...new Set(messages)].map((m) => `  ${m}`);
  return `The build failed:\n${lines.join("\n")}`;
}

export function formatProblems(problems: readonly Problem[]): string {
  const byFile = new Map<string, Problem[]>();
  for (const p of problems) byFile.set(p.file, [...(byFile.get(p.file) ?? []), p]);
  const errors = problems.filter((p) => p.severity === "error").length;
  const warnings = problems.length - errors;
  const sections = [...byFile.entries()].map(
    ([file, list]) => `${file}\n${list.map((p) => `  ${formatProblem(p)}`).join("\n")}`,
  );
  return `${sections.join("\n\n")}\n\n${count(errors, "error")}, ${count(warnings, "warning")} in ${count(byFile.size, "file")}.`;
}

function count(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
