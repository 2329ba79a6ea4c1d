#!/usr/bin/env node
// `npm run check:external`: builds the site to find every http(s) link in the content (with
// file and line), then checks them. Never part of the offline build or `npm test`.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parseArgs } from "node:util";
import { build } from "./eleventy.js";
import { argsOrUsage, parseBuildArgs } from "./args.js";
import { describeFailure, formatProblems } from "../problems/format.js";
import { githubAnnotations } from "../problems/formats.js";
import {
  checkExternalLinks,
  DEFAULT_OPTIONS,
  type ExternalLink,
} from "../checks/external/check.js";
import { parseIgnoreList } from "../checks/external/ignore-list.js";
import { ResultCache } from "../checks/external/cache.js";

/** The site being checked: where the command runs. */
const projectRoot = process.cwd();

const USAGE =
  "Usage: npm run check:external -- [--input=DIR] [--ignore-file=FILE] [--cache-hours=N] [--concurrency=1-64] [--timeout-seconds=N] [--retries=0-10] [--budget-seconds=N] [--allow-internal]";

/** A whole number or decimal within [min, max], or a message saying what is wrong. */
function numberArg(name: string, value: string, min: number, max: number, whole = false): number {
  const n = Number(value);
  if (
    value.trim() === "" ||
    !Number.isFinite(n) ||
    n < min ||
    n > max ||
    (whole && !Number.isInteger(n))
  )
    throw new Error(
      `--${name}=${value} must be ${whole ? "a whole number" : "a number"} from ${min} to ${max}`,
    );
  return n;
}

async function main(): Promise<number> {
  const args = argsOrUsage(USAGE, () => {
    const { values } = parseArgs({
      options: {
        input: { type: "string", default: "content" },
        "ignore-file": { type: "string", default: path.join(projectRoot, "external-links.ignore") },
        "cache-hours": { type: "string", default: "24" },
        concurrency: { type: "string", default: String(DEFAULT_OPTIONS.concurrency) },
        "timeout-seconds": { type: "string", default: String(DEFAULT_OPTIONS.timeoutMs / 1000) },
        retries: { type: "string", default: String(DEFAULT_OPTIONS.retries) },
        "budget-seconds": { type: "string", default: String(DEFAULT_OPTIONS.budgetMs / 1000) },
        "allow-internal": { type: "boolean", default: false },
      },
    });
    const settings = {
      cacheHours: numberArg("cache-hours", values["cache-hours"], 0, 24 * 365),
      concurrency: numberArg("concurrency", values.concurrency, 1, 64, true),
      timeoutMs: numberArg("timeout-seconds", values["timeout-seconds"], 1, 300) * 1000,
      retries: numberArg("retries", values.retries, 0, 10, true),
      budgetMs: numberArg("budget-seconds", values["budget-seconds"], 1, 24 * 3600) * 1000,
    };
    return { values, settings };
  });
  if (!args) return 2;
  const { values, settings } = args;

  const ignoreFile = values["ignore-file"];
  const ignoreDisplay = path.relative(process.cwd(), ignoreFile);
  const { rules, problems: ignoreProblems } = existsSync(ignoreFile)
    ? parseIgnoreList(readFileSync(ignoreFile, "utf8"), ignoreDisplay)
    : { rules: [], problems: [] };
  if (ignoreProblems.length) {
    console.error(formatProblems(ignoreProblems));
    return 1;
  }

  const workDir = mkdtempSync(path.join(tmpdir(), "external-links-"));
  const linksFile = path.join(workDir, "links.json");
  try {
    await build(
      {
        ...parseBuildArgs([`--input=${values.input}`, `--output=${path.join(workDir, "site")}`]),
        quiet: true,
      },
      { externalLinksFile: linksFile, search: false },
    );
  } catch (error) {
    console.error(
      `The site must build before its external links can be checked.\n${describeFailure(error)}`,
    );
    return 1;
  }
  const links = JSON.parse(readFileSync(linksFile, "utf8")) as ExternalLink[];
  rmSync(workDir, { recursive: true, force: true });

  const cache = new ResultCache(
    path.join(projectRoot, "node_modules/.cache/site/external-links.json"),
    settings.cacheHours * 3_600_000,
  );
  const { problems, results } = await checkExternalLinks(links, {
    ...DEFAULT_OPTIONS,
    concurrency: settings.concurrency,
    timeoutMs: settings.timeoutMs,
    retries: settings.retries,
    budgetMs: settings.budgetMs,
    allowInternal: values["allow-internal"],
    ignore: rules,
    cache,
  });
  const ignored = results.filter((r) => r.ignored).length;
  const cached = results.filter((r) => r.fromCache).length;
  const unchecked = results.filter((r) => r.unchecked).length;
  console.log(
    `Checked ${results.length - unchecked} external URLs (${cached} from cache, ${ignored} ignored).`,
  );
  if (unchecked)
    console.log(
      `${unchecked} URLs were not checked: the time budget (--budget-seconds) ran out first.`,
    );
  if (process.env.GITHUB_ACTIONS === "true")
    for (const a of githubAnnotations(problems)) console.log(a);
  if (problems.length) {
    console.error(formatProblems(problems));
    return 1;
  }
  console.log("All external links work.");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(describeFailure(error));
    process.exit(1);
  },
);
