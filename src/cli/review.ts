#!/usr/bin/env node
// `npm run review`: pages overdue for review or due within N days, soonest first, with owners.
// Reads frontmatter directly (no build needed). `--fail-on-overdue` makes CI enforce reviews.
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { argsOrUsage } from "./args.js";
import { readFrontmatter, FRONTMATTER_META, type FrontmatterMeta } from "../frontmatter/parse.js";
import { pageReview, type PageReview } from "../review/page-review.js";
import { daysBetween, formatDate } from "../dates/dates.js";
import { loadSettings } from "../settings/load.js";
import { formatProblems } from "../problems/format.js";
import type { Problem } from "../problems/problem.js";
import { isMain } from "./main.js";
import { parseTimeline, TIMELINE_FILE } from "../timeline/load.js";
import { overduePlans } from "../timeline/present.js";

export interface ReviewRow {
  file: string;
  title: string;
  review: PageReview;
  daysLeft: number;
}

export function reviewRows(
  contentDir: string,
  today: string,
): { rows: ReviewRow[]; problems: Problem[] } {
  const settings = loadSettings(path.join(contentDir, "_data"));
  const rows: ReviewRow[] = [];
  const problems: Problem[] = [];
  const files = readdirSync(contentDir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile() && d.name.endsWith(".md") && !d.parentPath.includes("_data"))
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
  for (const file of files) {
    const source = readFileSync(file, "utf8");
    const data = readFrontmatter(source);
    if (!data) continue;
    const meta = data[FRONTMATTER_META] as FrontmatterMeta;
    const shown = path.relative(process.cwd(), file);
    const result = pageReview(data, settings.ownerSlack, {
      file: shown,
      lineOf: (f) => meta.lineOf(f),
    });
    problems.push(...result.problems.map((p) => ({ ...p, severity: "error" as const })));
    if (result.review) {
      const title = typeof data.title === "string" ? data.title : shown;
      rows.push({
        file: shown,
        title,
        review: result.review,
        daysLeft: daysBetween(today, result.review.reviewBy),
      });
    }
  }
  rows.sort((a, b) => a.daysLeft - b.daysLeft || a.file.localeCompare(b.file));
  return { rows, problems };
}

/** Planned milestones in the timeline whose date has passed: their owners should update them. */
export function overdueTimelinePlans(contentDir: string, today: string): Problem[] {
  const file = path.join(contentDir, "_data", TIMELINE_FILE);
  if (!existsSync(file)) return [];
  try {
    return overduePlans(
      parseTimeline(readFileSync(file, "utf8"), path.relative(process.cwd(), file)),
      today,
    );
  } catch {
    return []; // an invalid timeline is the build's to report
  }
}

export function formatRows(rows: ReviewRow[], within: number): string {
  const due = rows.filter((r) => r.daysLeft <= within);
  if (!due.length) return `No pages are overdue or due for review in the next ${within} days.`;
  return due
    .map((r) => {
      const when =
        r.daysLeft < 0
          ? `overdue by ${-r.daysLeft} day${r.daysLeft === -1 ? "" : "s"}`
          : r.daysLeft === 0
            ? "due today"
            : `due in ${r.daysLeft} day${r.daysLeft === 1 ? "" : "s"}`;
      return `${when.padEnd(20)} ${formatDate(r.review.reviewBy).padEnd(18)} ${(r.review.owner ?? "(no owner)").padEnd(20)} ${r.file}  ${r.title}`;
    })
    .join("\n");
}

const USAGE =
  "Usage: npm run review -- [--input=DIR] [--within=DAYS] [--today=YYYY-MM-DD] [--fail-on-overdue]";

function readArgs() {
  const { values } = parseArgs({
    options: {
      input: { type: "string", default: "content" },
      within: { type: "string", default: "30" },
      "fail-on-overdue": { type: "boolean", default: false },
      today: { type: "string" },
    },
  });
  if (!/^\d{1,5}$/.test(values.within))
    throw new Error(`--within=${values.within} must be a whole number of days`);
  if (values.today !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(values.today))
    throw new Error(`--today=${values.today} must be a date written YYYY-MM-DD`);
  if (!existsSync(values.input) || !statSync(values.input).isDirectory())
    throw new Error(`--input=${values.input} is not a folder`);
  return { ...values, within: Number(values.within) };
}

function main(): number {
  const values = argsOrUsage(USAGE, readArgs);
  if (!values) return 2;
  const today = values.today ?? new Date().toISOString().slice(0, 10);
  const { rows, problems } = reviewRows(values.input, today);
  if (problems.length) {
    console.error(formatProblems(problems));
    return 1;
  }
  console.log(formatRows(rows, values.within));
  const plans = overdueTimelinePlans(values.input, today);
  if (plans.length)
    console.log(
      `\nTimeline plans whose date has passed with no update:\n${plans.map((p) => `${p.file}:${p.line ?? "-"}  ${p.message}`).join("\n")}`,
    );
  const overdue = rows.filter((r) => r.daysLeft < 0).length;
  if (overdue && values["fail-on-overdue"]) {
    console.error(`\n${overdue} page${overdue === 1 ? " is" : "s are"} overdue for review.`);
    return 1;
  }
  return 0;
}

if (isMain(import.meta.url)) process.exit(main());
