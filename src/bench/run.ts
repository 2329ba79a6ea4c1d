// `npm run bench`: what users run — the whole `npm run build`, search index, checks,
// redirects, sitemap and feed included — against bare Eleventy on the same Markdown, at several
// sizes, alternating the two so machine noise hits both alike. Reports medians of time and the
// peak memory of each build's whole process tree (Pagefind indexes in a process of its own), of
// builds again over the site before last, and the first build into an empty folder (as in CI).
import { spawn } from "node:child_process";
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { fileURLToPath } from "node:url";
import { writeCorpus } from "./corpus.js";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/**
 * Node's arguments for `npm run build` as the package.json scripts run it: the compiled engine
 * (`npm run bench` compiles it first when src/ has changed). Tests give the TypeScript source.
 */
const COMPILED = ["dist/cli/build.js"];

export interface Run {
  seconds: number;
  /** Highest total resident memory of the process and its children, sampled every 20 ms. */
  peakKb: number;
  /** The same, while Pagefind was running and while it was not (0 for a phase never sampled). */
  peakIndexingKb: number;
  peakBuildingKb: number;
  stdout: string;
  code: number;
}

/**
 * Resident memory of a process and all its descendants, in kB, and whether one of them is
 * Pagefind (Linux /proc).
 */
export function treeRss(pid: number): { kb: number; indexing: boolean } {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  const names = new Map<number, string>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      const parent = Number(fields[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
      rss.set(Number(entry), Number(fields[21]) * 4); // pages of 4 kB
      names.set(Number(entry), stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")")));
    } catch {
      // the process ended while being read
    }
  }
  let kb = 0;
  let indexing = false;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    kb += rss.get(p) ?? 0;
    indexing ||= names.get(p)?.startsWith("pagefind") ?? false;
    stack.push(...(children.get(p) ?? []));
  }
  return { kb, indexing };
}

function run(command: string, args: string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: root });
    const peak = { indexing: 0, building: 0 };
    const sampler = setInterval(() => {
      if (!child.pid) return;
      const { kb, indexing } = treeRss(child.pid);
      const phase = indexing ? "indexing" : "building";
      peak[phase] = Math.max(peak[phase], kb);
    }, 20);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("close", (code) => {
      clearInterval(sampler);
      resolve({
        seconds: (performance.now() - started) / 1000,
        peakKb: Math.max(peak.indexing, peak.building),
        peakIndexingKb: peak.indexing,
        peakBuildingKb: peak.building,
        stdout: code ? `${stdout}\n${stderr}` : stdout,
        code: code ?? 1,
      });
    });
  });
}

const bare = (input: string, output: string) =>
  run("node", [path.join(root, "src/bench/bare-build.mjs"), input, output]);
/** What `npm run build` runs (without npm's own start-up). */
const full = (build: string[], input: string, output: string, flags: string[] = []) =>
  run("node", [...build, `--input=${input}`, `--output=${output}`, "--quiet", ...flags]);

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface SizeResult {
  pages: number;
  bare: number;
  full: number;
  noSearch: number;
  ratio: number;
  peakMb: number;
  /** The full build's peak while Pagefind indexes, and while it does not. */
  indexingMb: number;
  buildingMb: number;
  bareMb: number;
  /**
   * The search step's own seconds as each full build reports them (median): "search adds" in
   * the table is the difference of two medians of other builds, which the machine's noise moves.
   */
  searchSeconds?: number;
  /** The first full build, into an empty folder (as in CI). */
  firstFull: number;
  /** Each round's full build against the bare build just before it: the spread of the ratio. */
  roundRatios: number[];
}

export async function benchmarkSize(
  pages: number,
  runs: number,
  workDir: string,
  build = COMPILED,
): Promise<SizeResult> {
  const input = path.join(workDir, `corpus-${pages}`);
  if (!existsSync(path.join(input, "index.md"))) writeCorpus(input, pages);
  const out = (name: string) => path.join(workDir, `out-${pages}-${name}`);
  const times = { bare: [] as number[], full: [] as number[], noSearch: [] as number[] };
  const mem = {
    bare: [] as number[],
    full: [] as number[],
    indexing: [] as number[],
    building: [] as number[],
  };
  const searchSeconds: number[] = [];
  // The first full build, into an empty folder as in CI, is reported on its own. A build writes
  // over the site before last (see replaceWhole) from its third on, so each kind is built twice
  // first, and the measured builds are all such, as a contributor building again gets them.
  await bare(input, out("bare"));
  const first = await full(build, input, out("full"));
  if (first.code !== 0)
    throw new Error(`The first build of ${pages} pages failed:\n${first.stdout}`);
  await full(build, input, out("full"));
  await full(build, input, out("nosearch"), ["--search=off"]);
  await full(build, input, out("nosearch"), ["--search=off"]);
  for (let i = 0; i < runs; i++) {
    const b = await bare(input, out("bare"));
    const f = await full(build, input, out("full"));
    const n = await full(build, input, out("nosearch"), ["--search=off"]);
    for (const [r, what] of [
      [b, "bare"],
      [f, "full"],
      [n, "no-search"],
    ] as const) {
      if (r.code !== 0) throw new Error(`The ${what} build of ${pages} pages failed:\n${r.stdout}`);
    }
    times.bare.push(b.seconds);
    times.full.push(f.seconds);
    times.noSearch.push(n.seconds);
    mem.bare.push(b.peakKb);
    mem.full.push(f.peakKb);
    mem.indexing.push(f.peakIndexingKb);
    mem.building.push(f.peakBuildingKb);
    const search = /Search index: \d+ pages in ([\d.]+) s/.exec(f.stdout);
    if (search) searchSeconds.push(Number(search[1]));
  }
  const result: SizeResult = {
    pages,
    bare: median(times.bare),
    full: median(times.full),
    noSearch: median(times.noSearch),
    ratio: median(times.full) / median(times.bare),
    peakMb: median(mem.full) / 1024,
    indexingMb: median(mem.indexing) / 1024,
    buildingMb: median(mem.building) / 1024,
    bareMb: median(mem.bare) / 1024,
    ...(searchSeconds.length ? { searchSeconds: median(searchSeconds) } : {}),
    firstFull: first.seconds,
    roundRatios: times.full.map((seconds, i) => seconds / times.bare[i]!),
  };
  // The folders are removed once every size is measured (main): creating files right after
  // deleting thousands is slow on some disks, and would slow the next size's first builds.
  return result;
}

/**
 * Median seconds of `npm run build` on a site of one page, the engine's fixed cost, and of bare
 * Eleventy on the same page, alternated (bare Eleventy's own start-up varies by the day).
 */
async function startUp(workDir: string): Promise<{ full: number; bare: number }> {
  const input = path.join(workDir, "one-page");
  mkdirSync(input, { recursive: true });
  writeFileSync(path.join(input, "index.md"), "---\ntitle: Home\n---\nOne page.\n");
  const times = { full: [] as number[], bare: [] as number[] };
  for (let i = 0; i < 5; i++) {
    times.bare.push((await bare(input, path.join(workDir, "out-one-bare"))).seconds);
    times.full.push((await full(COMPILED, input, path.join(workDir, "out-one"))).seconds);
  }
  return { full: median(times.full), bare: median(times.bare) };
}

const EDITS = 5;

/**
 * Seconds from saving one page to the dev server's rebuild finishing, on an incremental server
 * as `npm start` runs it (search on: the preview re-indexes after the rebuild, without holding
 * the page back): the median and range of `EDITS` edits, one after another.
 */
export async function incrementalRebuild(
  pages: number,
  workDir: string,
): Promise<{ median: number; min: number; max: number } | undefined> {
  const input = path.join(workDir, `corpus-${pages}`);
  if (!existsSync(path.join(input, "index.md"))) writeCorpus(input, pages);
  const port = String(20000 + Math.floor(Math.random() * 20000));
  const child = spawn(
    "node",
    [
      ...COMPILED,
      "--serve",
      "--incremental",
      `--input=${input}`,
      `--output=${path.join(workDir, "out-serve")}`,
      `--port=${port}`,
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
    const before = readFileSync(file, "utf8");
    const seconds: number[] = [];
    try {
      for (let edit = 1; edit <= EDITS; edit++) {
        const mark = output.length;
        const started = performance.now();
        appendFileSync(file, `\nEdit ${edit} by the benchmark.\n`);
        if (!(await waitFor(/Wrote \d+ files?/, mark, 60_000))) return undefined;
        seconds.push((performance.now() - started) / 1000);
        // The search index follows each rebuild: let it finish before the next edit.
        await new Promise((r) => setTimeout(r, 2000));
      }
    } finally {
      writeFileSync(file, before);
    }
    return { median: median(seconds), min: Math.min(...seconds), max: Math.max(...seconds) };
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
      `${(r.full - r.noSearch).toFixed(2)} s`,
      `${r.peakMb.toFixed(0)} MB`,
      `${r.bareMb.toFixed(0)} MB`,
      `${(r.peakMb / r.bareMb).toFixed(2)}×`,
    ].join(" | "),
  );
  return [
    "| pages | bare Eleventy | npm run build | time ratio | search adds | peak memory | bare peak | memory ratio |",
    "| --- | --- | --- | --- | --- | --- | --- | --- |",
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
  // Markdown, as the on-demand workflow puts it in its run's summary.
  console.log(`${table(results)}\n`);
  for (const r of results)
    console.log(
      `- First build of ${r.pages} pages, into an empty folder as in CI: ${r.firstFull.toFixed(2)} s (${(r.firstFull / r.bare).toFixed(2)}× bare).`,
    );
  for (const r of results)
    console.log(
      `- Time ratio of each round at ${r.pages} pages: ${r.roundRatios.map((x) => `${x.toFixed(2)}×`).join(", ")}, median ${median(r.roundRatios).toFixed(2)}× (each the full build against the bare build just before it, so that a slower minute of the machine slows both).`,
    );
  for (const r of results)
    if (r.searchSeconds !== undefined)
      console.log(
        `- The search step of ${r.pages} pages, as the build reports it: ${r.searchSeconds.toFixed(2)} s (median).`,
      );
  for (const r of results)
    console.log(
      `- Peak memory of ${r.pages} pages: ${r.buildingMb.toFixed(0)} MB while Eleventy builds, ${r.indexingMb.toFixed(0)} MB while Pagefind indexes.`,
    );
  const ratio = (n: number) => results.find((r) => r.pages === n);
  const [r4, r8] = [ratio(4000), ratio(8000)];
  if (r4 && r8)
    console.log(
      `- Growth: 8,000 pages take ${(r8.full / r4.full).toFixed(2)}× the 4,000-page time.`,
    );
  const one = await startUp(workDir);
  console.log(
    `- Start-up: a one-page site builds in ${one.full.toFixed(2)} s (bare Eleventy: ${one.bare.toFixed(2)} s).`,
  );
  if (values.incremental && !values["no-incremental"]) {
    const rebuild = await incrementalRebuild(1000, workDir);
    console.log(
      `- Dev server: after editing one page of 1,000, the rebuild finished in ${rebuild === undefined ? "(timed out)" : `${rebuild.median.toFixed(2)} s (median of ${EDITS} edits, ${rebuild.min.toFixed(2)}-${rebuild.max.toFixed(2)} s)`}.`,
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
