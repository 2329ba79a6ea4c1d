// A Nunjucks mistake inside a page's own content (a site that runs Markdown through Nunjucks)
// reaches the command line as Eleventy's "Having trouble rendering njk template ./docs/x.md"
// around Nunjucks' message. It is turned into a problem at the page's file and line.
import { readFileSync } from "node:fs";
import path from "node:path";
import { findSiteBuildError, SiteBuildError, type Problem } from "./problem.js";

const ELEVENTY = /^Having trouble (?:rendering|compiling) (?:\w+ )?template (\S+)/;
/** Nunjucks' "(file) [Line 2, Column 8]" (the line when it knows it) and its message below. */
const NUNJUCKS =
  /^\(([^)\n]*)\)(?: \[Line (\d+), Column \d+\])?\n\s*(?:(?:Template render error|Error): (?:\([^)\n]*\)\n\s*)?)*(?:Error: )?([^\n]*)/;

/** Our own error, or a template mistake in a page made into one; else undefined. */
export function siteBuildErrorOf(error: unknown): SiteBuildError | undefined {
  const ours = findSiteBuildError(error);
  if (ours) return ours;
  const problem = templateProblem(error);
  return problem ? new SiteBuildError([problem]) : undefined;
}

export function templateProblem(error: unknown, root = process.cwd()): Problem | undefined {
  const chain: Error[] = [];
  for (let e: unknown = error; e instanceof Error && chain.length < 8;) {
    chain.push(e);
    e = (e as { originalError?: unknown }).originalError ?? e.cause;
  }
  const file = chain.map((e) => ELEVENTY.exec(e.message)?.[1]).find(Boolean);
  const nunjucks = chain.map((e) => NUNJUCKS.exec(e.message)).find(Boolean);
  if (!file || !nunjucks) return undefined;
  const relative = path.relative(root, path.resolve(root, file));
  let source = "";
  try {
    source = readFileSync(path.resolve(root, file), "utf8");
  } catch {
    // Reported without a line.
  }
  const message = nunjucks[3]!.trim();
  const line = nunjucks[2] ? lineOfTag(source, Number(nunjucks[2])) : lineNaming(source, message);
  return {
    file: relative,
    ...(line ? { line } : {}),
    severity: "error",
    kind: "template",
    message: `Nunjucks: ${message}`,
    hint: `${relative.endsWith(".md") ? "this page's Markdown is run through Nunjucks (the site's config sets markdownTemplateEngine). " : ""}Fix the {{ }} or {% %} tag; to show one as text, put it in \`code\` or between {% raw %} and {% endraw %}`,
  };
}

/** Lines before the page's body: its frontmatter block, if it has one. */
function bodyStart(source: string): number {
  const lines = source.split("\n");
  if (lines[0]?.trim() !== "---") return 0;
  const close = lines.findIndex((l, i) => i > 0 && l.trim() === "---");
  return close === -1 ? 0 : close + 1;
}

/**
 * The file line of Nunjucks' line `n`: counted from 0 when rendering, from 1 when parsing
 * (its parser adds one), so of the two candidates, the one with a tag on it.
 */
function lineOfTag(source: string, n: number): number {
  const lines = source.split("\n");
  const start = bodyStart(source);
  const candidates = [start + n + 1, start + n];
  return candidates.find((line) => /\{[{%]/.test(lines[line - 1] ?? "")) ?? candidates[0]!;
}

/** For messages without a line ("filter not found: x"): the first tag naming that thing. */
function lineNaming(source: string, message: string): number | undefined {
  const name = /(?:filter|template) not found: (\S+)/.exec(message)?.[1];
  // "parseIf: expected elif, else, or endif, got end of file": the tag left open.
  const open = /^parse(\w+):/.exec(message)?.[1]?.toLowerCase();
  const pattern = name
    ? new RegExp(name.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))
    : open && new RegExp(`\\{%-?\\s*${open}\\b`);
  if (!pattern) return undefined;
  const index = source.split("\n").findIndex((l) => /\{[{%]/.test(l) && pattern.test(l));
  return index === -1 ? undefined : index + 1;
}
