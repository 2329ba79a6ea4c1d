#!/usr/bin/env node
// `npm run import:tech-docs -- <tech-docs repository> [--into content/<folder>] [--force] [--dry-run]`
// Imports the site, then builds the result once: problems the old site already had are written
// to known-problems.yml (warnings while they last), so the first build is green and honest.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import {
  importTechDocs,
  ImportError,
  type ImportNote,
  type ImportReport,
} from "../import/tech-docs.js";
import { isMain } from "./main.js";
import { build } from "./eleventy.js";
import { argsOrUsage, parseBuildArgs } from "./args.js";
import { BASELINE_FILE, baselineYaml } from "../problems/baseline.js";
import type { Problem } from "../problems/problem.js";

const plural = (n: number, noun: string) => `${n} ${noun}${n === 1 ? "" : "s"}`;
const at = (n: ImportNote) => `${n.source}${n.line ? `:${n.line}` : ""}`;

export function formatImportReport(r: ImportReport, baseline?: number): string {
  const lines = [
    `Imported ${plural(r.pages.length, "page")}, made ${plural(r.redirects, "redirect")}, copied ${plural(r.copied.length, "file")}.`,
    `Kept ${plural(r.keptIds, "old heading id")} that differ from this site's; normalised ${plural(r.normalised.length, "Markdown construct")}.`,
  ];
  if (baseline !== undefined)
    lines.push(
      `Recorded ${plural(baseline, "problem")} the old site already had in ${BASELINE_FILE} (warnings until fixed).`,
    );
  if (r.todos.length) {
    lines.push(
      "",
      `Needs a person (${r.todos.length}): ERB that could not be converted is marked TODO(import) in:`,
    );
    for (const t of r.todos) lines.push(`  ${t.file}: ${t.erb}`);
  }
  if (r.needsPerson.length) {
    lines.push("", `Needs a person (${r.needsPerson.length}):`);
    for (const n of r.needsPerson) lines.push(`  ${n.page}  (${at(n)})  ${n.what}`);
  }
  if (r.analytics.length)
    lines.push(
      "",
      `Analytics: the Google tag ${r.analytics.join(", ")} was pasted into pages; the script was not copied. It is now the analytics setting in site.yml: the site loads it only after a reader accepts analytics cookies in the cookie banner, and has a cookies page.`,
    );
  if (r.normalised.length) {
    lines.push("", "Markdown the old renderer read differently, rewritten so it renders the same:");
    for (const n of r.normalised) lines.push(`  ${at(n)}  ${n.what}  (in ${n.page})`);
  }
  if (r.skipped.length) {
    lines.push("", "Skipped:");
    for (const s of r.skipped) lines.push(`  ${s.file}: ${s.why}`);
  }
  if (r.droppedFields.length) {
    lines.push("", "Frontmatter fields this site does not use, left out:");
    for (const d of r.droppedFields) lines.push(`  ${d.file}: ${d.fields.join(", ")}`);
  }
  if (r.settings.file && r.settings.diff.length) {
    lines.push(
      "",
      `Settings from tech-docs.yml, in ${path.relative(process.cwd(), r.settings.file)}:`,
    );
    for (const d of r.settings.diff) lines.push(...d.split("\n").map((l) => `  ${l}`));
  }
  if (r.settings.unmapped.length)
    lines.push(
      "",
      `tech-docs.yml settings with no equivalent here: ${r.settings.unmapped.join(", ")}`,
    );
  lines.push("", "Next: run `npm run build` to check every link and page.");
  return lines.join("\n");
}

/** Builds the content folder once and lists the problems in the imported files. */
export async function knownProblems(contentRoot: string, into: string): Promise<Problem[]> {
  const work = mkdtempSync(path.join(tmpdir(), "import-check-"));
  const reportFile = path.join(work, "report.json");
  try {
    await build(
      {
        ...parseBuildArgs([`--input=${contentRoot}`, `--output=${path.join(work, "site")}`]),
        quiet: true,
      },
      { search: false, report: reportFile },
    ).catch(() => undefined); // errors are what we are collecting
    const { problems } = JSON.parse(readFileSync(reportFile, "utf8")) as { problems: Problem[] };
    return problems.filter((p) => !path.relative(into, path.resolve(p.file)).startsWith(".."));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const USAGE =
  "Usage: npm run import:tech-docs -- <path to tech-docs repository> [--into content/<folder>] [--content=DIR] [--force] [--dry-run]";

async function main(): Promise<number> {
  const args = argsOrUsage(USAGE, () => {
    const parsed = parseArgs({
      allowPositionals: true,
      options: {
        into: { type: "string", default: "content" },
        content: { type: "string", default: "content" },
        force: { type: "boolean", default: false },
        "dry-run": { type: "boolean", default: false },
      },
    });
    if (parsed.positionals.length !== 1)
      throw new Error("give the path to one tech-docs repository");
    return parsed;
  });
  if (!args) return 2;
  const { values, positionals } = args;
  try {
    const contentRoot = path.resolve(values.content);
    const into = path.resolve(values.into);
    const dryRun = values["dry-run"];
    const report = importTechDocs({
      repo: path.resolve(positionals[0]!),
      into,
      contentRoot,
      force: values.force,
      dryRun,
    });
    let baseline: number | undefined;
    if (!dryRun) {
      const problems = await knownProblems(contentRoot, into);
      const paths = { siteRoot: process.cwd(), inputDir: contentRoot };
      writeFileSync(path.join(contentRoot, BASELINE_FILE), baselineYaml(problems, paths));
      baseline = problems.length;
    }
    console.log(formatImportReport(report, baseline));
    if (dryRun) console.log("\nDry run: nothing was written.");
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (isMain(import.meta.url)) main().then((code) => process.exit(code));
