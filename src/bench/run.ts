// `npm run bench`: how the full site engine compares with bare Eleventy on the same Markdown,
// at several sizes, alternating the two so machine noise hits both alike. Reports medians.
import { spawn } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./corpus.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

export interface Run {
  seconds: number;
  maxRssKb?: number;
  stdout: string;
  code: number;
}

function run(command: string, args: string[], env: Record<string, string> = {}): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => {
      const stats = stdout
        .split("\n")
        .reverse()
        .find((l) => l.startsWith('{"maxRssKb"'));
      resolve({
        seconds: (performance.now() - started) / 1000,
        maxRssKb: stats ? (JSON.parse(stats) as { maxRssKb: number }).maxRssKb : undefined,
        stdout: code ? `${stdout}\n${stderr}` : stdout,
        code: code ?? 1,
      });
    });
  });
}

const bare = (input: string, output: string) =>
  run("node", [path.join(root, "src/bench/bare-build.mjs"), input, output]);
const full = (input: string, output: string, flags: string[]) =>
  run(tsx, ["src/cli/build.ts", `--input=${input}`, `--output=${output}`, "--quiet", ...flags], {
    SITE_STATS: "1",
  });

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface SizeResult {
  pages: number;
  bare: number;
  full: number;
  noChecks: number;
  ratio: number;
  checksShare: number;
  peakMb: number;
  bareMb: number;
  searchSeconds?: number;
}

export async function benchmarkSize(
  pages: number,
  runs: number,
  workDir: string,
): Promise<SizeResult> {
  const input = path.join(workDir, `corpus-${pages}`);
  if (!existsSync(path.join(input, "index.md"))) writeCorpus(input, pages);
  const out = (name: string) => path.join(workDir, `out-${pages}-${name}`);
  const times = { bare: [] as number[], full: [] as number[], noChecks: [] as number[] };
  const mem = { bare: [] as number[], full: [] as number[] };
  for (let i = 0; i < runs; i++) {
    const b = await bare(input, out("bare"));
    const f = await full(input, out("full"), ["--search=off"]);
    const n = await full(input, out("nochecks"), ["--search=off", "--checks=off"]);
    for (const [r, what] of [
      [b, "bare"],
      [f, "full"],
      [n, "no checks"],
    ] as const) {
      if (r.code !== 0) throw new Error(`The ${what} build of ${pages} pages failed:\n${r.stdout}`);
    }
    times.bare.push(b.seconds);
    times.full.push(f.seconds);
    times.noChecks.push(n.seconds);
    if (b.maxRssKb) mem.bare.push(b.maxRssKb);
    if (f.maxRssKb) mem.full.push(f.maxRssKb);
  }
  // Search indexing is timed by the build itself; one run with it on.
  const withSearch = await full(input, out("search"), []);
  const search = /Search index: \d+ pages in ([\d.]+) s/.exec(withSearch.stdout);
  const result: SizeResult = {
    pages,
    bare: median(times.bare),
    full: median(times.full),
    noChecks: median(times.noChecks),
    ratio: median(times.full) / median(times.bare),
    checksShare: (median(times.full) - median(times.noChecks)) / median(times.noChecks),
    peakMb: Math.max(...mem.full) / 1024,
    bareMb: Math.max(...mem.bare) / 1024,
    searchSeconds: search ? Number(search[1]) : undefined,
  };
  for (const name of ["bare", "full", "nochecks", "search"])
    rmSync(out(name), { recursive: true, force: true });
  return result;
}

/** Seconds from saving one page to the dev server's rebuild finishing, on an incremental server. */
export async function incrementalRebuild(
  pages: number,
  workDir: string,
): Promise<number | undefined> {
  const input = path.join(workDir, `corpus-${pages}`);
  if (!existsSync(path.join(input, "index.md"))) writeCorpus(input, pages);
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const child = spawn(
    tsx,
    [
      "src/cli/build.ts",
      "--serve",
      "--incremental",
      `--input=${input}`,
      `--output=${path.join(workDir, "out-serve")}`,
      `--port=${port}`,
      "--search=off",
    ],
    { cwd: root },
  );
  let output = "";
  const waitFor = (pattern: RegExp, from: number, timeoutMs: number) =>
    new Promise<boolean>((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      const check = () => {
        if (pattern.test(output.slice(from))) {
          clearTimeout(timer);
          child.stdout.off("data", check);
          resolve(true);
        }
      };
      child.stdout.on("data", check);
      check();
    });
  child.stdout.on("data", (d: Buffer) => (output += d.toString()));
  child.stderr.on("data", (d: Buffer) => (output += d.toString()));
  try {
    if (!(await waitFor(/Wrote \d+ files/, 0, 120_000))) return undefined;
    await new Promise((r) => setTimeout(r, 1500)); // let the watcher settle
    const file = path.join(input, "section-1/page-1.md");
    const mark = output.length;
    const started = performance.now();
    appendFileSync(file, "\nEdited by the benchmark.\n");
    const done = await waitFor(/Wrote \d+ files?/, mark, 60_000);
    const seconds = (performance.now() - started) / 1000;
    writeFileSync(file, readFileSync(file, "utf8").replace("\nEdited by the benchmark.\n", ""));
    return done ? seconds : undefined;
  } finally {
    child.kill("SIGTERM");
  }
}

export function table(results: SizeResult[]): string {
  const rows = results.map((r) =>
    [
      r.pages,
      `${r.bare.toFixed(2)} s`,
      `${r.full.toFixed(2)} s`,
      `${r.ratio.toFixed(2)}×`,
      `${(r.checksShare * 100).toFixed(0)} %`,
      r.searchSeconds === undefined ? "–" : `${r.searchSeconds.toFixed(2)} s`,
      `${r.peakMb.toFixed(0)} MB (bare ${r.bareMb.toFixed(0)})`,
    ].join(" | "),
  );
  return [
    "| pages | bare Eleventy | full engine | ratio | checks add | search index | peak memory |",
    "| --- | --- | --- | --- | --- | --- | --- |",
    ...rows.map((r) => `| ${r} |`),
  ].join("\n");
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      sizes: { type: "string", default: "1000,4000,8000" },
      runs: { type: "string", default: "3" },
      incremental: { type: "boolean", default: true },
      "no-incremental": { type: "boolean", default: false },
    },
  });
  // Inside the project: Eleventy's incremental rebuilds only work for content under its
  // working folder, as a real site's content/ is.
  const workDir = path.join(root, ".bench");
  mkdirSync(workDir, { recursive: true });
  const sizes = values.sizes.split(",").map(Number);
  const results: SizeResult[] = [];
  for (const size of sizes) {
    console.error(`Benchmarking ${size} pages…`);
    results.push(await benchmarkSize(size, Number(values.runs), workDir));
  }
  console.log(table(results));
  const ratio = (n: number) => results.find((r) => r.pages === n);
  const [r4, r8] = [ratio(4000), ratio(8000)];
  if (r4 && r8)
    console.log(
      `\nGrowth: 8,000 pages take ${(r8.full / r4.full).toFixed(2)}× the 4,000-page time.`,
    );
  if (values.incremental && !values["no-incremental"]) {
    const seconds = await incrementalRebuild(1000, workDir);
    console.log(
      `Dev server: after editing one page of 1,000, the rebuild finished in ${seconds === undefined ? "(timed out)" : `${seconds.toFixed(2)} s`}.`,
    );
  }
  rmSync(workDir, { recursive: true, force: true });
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
