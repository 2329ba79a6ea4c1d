// Machine-readable reports: GitHub Actions annotations (shown on the pull request's changed
// lines) and JSON for other tools. The terminal format is in format.ts.
import type { Problem } from "./problem.js";

/** `::error file=…,line=…,title=…::message`, escaped as GitHub's workflow commands require. */
export function githubAnnotations(problems: readonly Problem[]): string[] {
  return problems.map((p) => {
    const props = [`file=${escapeProperty(p.file)}`];
    if (p.line) props.push(`line=${p.line}`);
    props.push(`title=${escapeProperty(p.kind)}`);
    const text = p.hint ? `${p.message}. How to fix: ${p.hint}` : p.message;
    return `::${p.severity} ${props.join(",")}::${escapeData(text)}`;
  });
}

export function jsonReport(problems: readonly Problem[]): string {
  const errors = problems.filter((p) => p.severity === "error").length;
  return `${JSON.stringify({ errors, warnings: problems.length - errors, problems }, null, 2)}\n`;
}

function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}
