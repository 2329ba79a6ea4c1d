#!/usr/bin/env node
// `npm run size -- --page=/a/typical/page/`: what a reader's browser downloads on a first visit to a typical guide page,
// gzipped, asset by asset, against the budget. Fails when the page is over budget.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { parseArgs } from "node:util";
import { build } from "./eleventy.js";
import { argsOrUsage, parseBuildArgs } from "./args.js";
import { describeFailure } from "../problems/format.js";
import { isMain } from "./main.js";

export const BUDGET_KB = 25;

const USAGE = "Usage: npm run size -- [--page=/path/] [--input=DIR]";

export interface SizeRow {
  what: string;
  url: string;
  gzipBytes: number;
}

/** Everything the browser fetches for one page with JavaScript on: HTML, CSS, scripts, icons, images. */
export function pageWeight(siteDir: string, pageUrl: string): SizeRow[] {
  const read = (url: string) =>
    readFileSync(path.join(siteDir, url.endsWith("/") ? `${url}index.html` : url));
  const html = read(pageUrl);
  const rows: SizeRow[] = [{ what: "HTML", url: pageUrl, gzipBytes: gzipSync(html).length }];
  const text = html.toString("utf8");
  const refs = [
    ...[...text.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((m) => ["CSS", m[1]!]),
    ...[...text.matchAll(/<script[^>]* src="([^"]+)"/g)].map((m) => ["JavaScript", m[1]!]),
    ...[...text.matchAll(/<link rel="icon" href="([^"]+)"/g)].map((m) => ["Icon", m[1]!]),
    ...[...text.matchAll(/<img [^>]*src="(\/[^"]+)"/g)].map((m) => ["Image", m[1]!]),
  ];
  for (const [what, url] of refs)
    rows.push({ what: what!, url: url!, gzipBytes: gzipSync(read(url!)).length });
  return rows;
}

export function sizeTable(
  rows: SizeRow[],
  budgetKb = BUDGET_KB,
): { text: string; totalKb: number; ok: boolean } {
  const kb = (b: number) => (b / 1024).toFixed(1);
  const total = rows.reduce((sum, r) => sum + r.gzipBytes, 0);
  const lines = [
    "| what | file | gzip |",
    "| --- | --- | --- |",
    ...rows.map((r) => `| ${r.what} | ${r.url} | ${kb(r.gzipBytes)} KB |`),
  ];
  lines.push(`| **total** | | **${kb(total)} KB** of ${budgetKb} KB |`);
  return { text: lines.join("\n"), totalKb: total / 1024, ok: total / 1024 <= budgetKb };
}

async function main(): Promise<number> {
  const args = argsOrUsage(USAGE, () =>
    parseArgs({
      options: {
        page: { type: "string", default: "/" },
        input: { type: "string", default: "content" },
      },
    }),
  );
  if (!args) return 2;
  const { values } = args;
  const page = values.page;
  const output = mkdtempSync(path.join(tmpdir(), "site-size-"));
  try {
    await build(
      { ...parseBuildArgs([`--input=${values.input}`, `--output=${output}`]), quiet: true },
      { search: false },
    );
    const { text, ok, totalKb } = sizeTable(pageWeight(output, page));
    console.log(`First visit to ${page} (everything the browser fetches, gzip):\n\n${text}`);
    if (!ok) console.error(`\nOver budget: ${totalKb.toFixed(1)} KB is more than ${BUDGET_KB} KB.`);
    return ok ? 0 : 1;
  } catch (error) {
    console.error(describeFailure(error));
    return 1;
  } finally {
    rmSync(output, { recursive: true, force: true });
  }
}

if (isMain(import.meta.url)) main().then((code) => process.exit(code));
