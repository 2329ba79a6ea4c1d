#!/usr/bin/env node
// `npm run import:tech-docs -- <tech-docs repository> [--into content/<folder>] [--force]`
import path from "node:path";
import { parseArgs } from "node:util";
import { importTechDocs, ImportError, type ImportReport } from "../import/tech-docs.js";
import { isMain } from "./main.js";

export function formatImportReport(r: ImportReport): string {
  const lines = [
    `Imported ${r.pages.length} page${r.pages.length === 1 ? "" : "s"}, made ${r.redirects} redirect${r.redirects === 1 ? "" : "s"}, copied ${r.copied.length} file${r.copied.length === 1 ? "" : "s"}.`,
  ];
  if (r.todos.length) {
    lines.push(
      "",
      `Needs a person (${r.todos.length}): ERB that could not be converted is marked TODO(import) in:`,
    );
    for (const t of r.todos) lines.push(`  ${t.file}: ${t.erb}`);
  }
  if (r.skipped.length) {
    lines.push("", "Skipped:");
    for (const s of r.skipped) lines.push(`  ${s.file}: ${s.why}`);
  }
  if (r.droppedFields.length) {
    lines.push("", "Frontmatter fields this site does not use, left out:");
    for (const d of r.droppedFields) lines.push(`  ${d.file}: ${d.fields.join(", ")}`);
  }
  if (r.settings.written)
    lines.push(
      "",
      `Settings from tech-docs.yml written to ${path.relative(process.cwd(), r.settings.written)}.`,
    );
  if (r.settings.mergeByHand)
    lines.push(
      "",
      "This site already has settings; merge these from tech-docs.yml by hand:",
      r.settings.mergeByHand.trimEnd(),
    );
  if (r.settings.unmapped.length)
    lines.push(
      "",
      `tech-docs.yml settings with no equivalent here: ${r.settings.unmapped.join(", ")}`,
    );
  lines.push("", "Next: run `npm run build` to check every link and page.");
  return lines.join("\n");
}

function main(): number {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      into: { type: "string", default: "content" },
      content: { type: "string", default: "content" },
      force: { type: "boolean", default: false },
    },
  });
  if (positionals.length !== 1) {
    console.error(
      "Usage: npm run import:tech-docs -- <path to tech-docs repository> [--into content/<folder>] [--force]",
    );
    return 2;
  }
  try {
    const report = importTechDocs({
      repo: path.resolve(positionals[0]!),
      into: path.resolve(values.into),
      contentRoot: path.resolve(values.content),
      force: values.force,
    });
    console.log(formatImportReport(report));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

if (isMain(import.meta.url)) process.exit(main());
