// Builds the Pagefind index of the built site. Pagefind splits the index into chunks, so a
// query downloads only what it needs, however large the site grows.
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { gunzipSync } from "node:zlib";
import type { AfterBuild } from "@11ty/eleventy";
import { EarlierFiles } from "../safety/earlier-files.js";

export interface IndexSummary {
  pages: number;
  seconds: number;
}

/** The line a build prints once its index is written. */
export const describeIndex = ({ pages, seconds }: IndexSummary): string =>
  `Search index: ${pages} pages in ${seconds.toFixed(2)} s`;

/** Where a site's index goes: the folder Pagefind's search script is loaded from. */
export const searchIndexFolder = (siteDir: string): string => path.join(siteDir, "pagefind");

const SEARCH_BODY = "data-pagefind-body";

/** Whether `at` begins the tag `<name` (`<main>`, `<h1 class=…>`), not a longer name. */
const isTag = (html: string, at: number, name: string): boolean =>
  /^[\s>/]$/.test(html[at + name.length + 1] ?? "");

/**
 * Where `name` first begins a tag in `html` from `from` on, before `to`, or -1. The tag named in
 * escaped text (`&lt;main&gt;`) is not one.
 */
function tagIn(html: string, name: string, from = 0, to = html.length): number {
  for (let at = html.indexOf(`<${name}`, from); at !== -1 && at < to;)
    if (isTag(html, at, name)) return at;
    else at = html.indexOf(`<${name}`, at + 1);
  return -1;
}

/**
 * Whether the data-pagefind-* attribute at `at` is one, inside a tag (the nearest "<" before it
 * is after the nearest ">"), not named in escaped text (a code example).
 */
const inTag = (html: string, at: number): boolean =>
  /\s/.test(html[at - 1] ?? "") && html.lastIndexOf("<", at) > html.lastIndexOf(">", at);

const isBody = (html: string, at: number): boolean =>
  html.startsWith(SEARCH_BODY, at) && /^[\s=>/]?$/.test(html[at + SEARCH_BODY.length] ?? "");

/** Whether `html` has a data-pagefind-body element from `from` on, before `to`. */
function hasBody(html: string, from = 0, to = html.length): boolean {
  for (let at = html.indexOf(SEARCH_BODY, from); at !== -1 && at < to;)
    if (inTag(html, at) && isBody(html, at)) return true;
    else at = html.indexOf(SEARCH_BODY, at + 1);
  return false;
}

/** What Pagefind would read from a part of the page's frame: found in one pass over it. */
const FRAME_READS = /data-pagefind-|<(h1|img)[\s>/]/g;

function frameReads(part: string): { attribute: boolean; h1: boolean; img: boolean } {
  const found = { attribute: false, h1: false, img: false };
  FRAME_READS.lastIndex = 0;
  for (let m = FRAME_READS.exec(part); m; m = FRAME_READS.exec(part))
    if (m[1] === "h1") found.h1 = true;
    else if (m[1] === "img") found.img = true;
    else found.attribute ||= inTag(part, m.index);
  return found;
}

/**
 * Whether Pagefind indexes this page the same from its <main> alone as from the whole page
 * (undefined: the page has no data-pagefind-body element, and search leaves it out). Pagefind
 * reads more than the data-pagefind-body element: any data-pagefind-* attribute, the first
 * <h1> (else the <title>) as the title and the first <img> as the image, wherever they are.
 * So every data-pagefind-* attribute must be inside <main>, and the first <h1> too, and the
 * first <img> if there is one. The frame before and after <main> is read in one pass each;
 * <main> only as far as its first data-pagefind-body, <h1> and <img>.
 */
function readableFromMain(html: string): boolean | undefined {
  const start = tagIn(html, "main");
  const end = html.lastIndexOf("</main>");
  if (start === -1 || end < start || !hasBody(html, start, end))
    return hasBody(html) ? false : undefined;
  const before = frameReads(html.slice(0, start));
  const after = frameReads(html.slice(end));
  const inMain = (name: string) => tagIn(html, name, start, end) !== -1;
  return (
    !before.attribute &&
    !after.attribute &&
    !before.h1 &&
    !before.img &&
    inMain("h1") &&
    (!after.img || inMain("img"))
  );
}

/**
 * The number of pages in `siteDir` that search should find, when Pagefind can read every one of
 * them from its <main> alone; otherwise undefined, and the whole pages are read (see
 * writeSearchIndex). `results` are Eleventy's (each rendered page's output path and HTML); the
 * site's other HTML files (copied as they are, or written by a plugin) are read from disk.
 */
export function mainOnlyPageCount(
  siteDir: string,
  results: readonly Pick<AfterBuild["results"][number], "outputPath" | "content">[],
): number | undefined {
  const rendered = new Map<string, string>();
  for (const { outputPath, content } of results)
    // A template may also give Eleventy bytes; those pages are read from disk.
    if (outputPath && typeof content === "string") rendered.set(path.resolve(outputPath), content);
  const searchFolder = searchIndexFolder(siteDir);
  let count = 0;
  for (const entry of readdirSync(siteDir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !file.endsWith(".html") || file.startsWith(searchFolder + path.sep))
      continue;
    const fromMain = readableFromMain(rendered.get(file) ?? readFileSync(file, "utf8"));
    if (fromMain === false) return undefined;
    if (fromMain) count++;
  }
  return count;
}

/**
 * Indexes the built site in `siteDir` into its search index folder, which then holds this
 * index's files and nothing else. Pagefind's own command does the work, reading the pages in
 * parallel and writing the index itself, so this process never holds the index (at 8,000 pages,
 * taking it in memory through Pagefind's Node API, this process held 120-140 MB at the build's
 * peak, against 50-70 MB).
 * Pages without data-pagefind-body (search, site index, 404, opted-out pages) are left out by
 * Pagefind.
 *
 * Given the number of pages search should find, each readable from its <main> alone
 * (`mainOnlyPageCount` of the build's pages), Pagefind reads each page's <main> only: at 4,000
 * pages that took 1.2-1.5 s against 2.3-2.9 s, and gave the same index file for file, as it did
 * on the AP guide and the x-govuk site. When the count differs from the pages Pagefind then
 * indexed (an HTML file copied as it is, say), the whole pages are read again.
 *
 * Over an earlier index (the site before last, or the preview's), Pagefind neither compresses
 * nor writes again the files named by their content that are already there, which is most of
 * them when few pages changed (4,000 pages: 1.3 s against 2.2 s for a new index); the earlier
 * index's files that this one does not use are then removed (see removeUnused).
 */
export async function writeSearchIndex(
  siteDir: string,
  mainOnlyPages?: number,
  /** Pagefind's program, when not the one its package installed (see the pagefindProgram option). */
  program?: string,
): Promise<IndexSummary> {
  const started = performance.now();
  // Found before the folder is touched, so a machine without one leaves the folder as it was.
  const pagefind = program ?? installedPagefind();
  siteDir = path.resolve(siteDir);
  const folder = searchIndexFolder(siteDir);
  const unfinished = path.join(folder, UNFINISHED);
  const begin = (afresh: boolean) => {
    if (afresh) rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(unfinished, "");
  };
  // A link is removed, never written through; an index whose writing was stopped may hold a
  // file cut short, so it is not written over.
  const there = lstatSync(folder, { throwIfNoEntry: false });
  begin(Boolean(there && (!there.isDirectory() || existsSync(unfinished))));
  const index = (rootSelector?: string) =>
    indexSite(siteDir, folder, unfinished, pagefind, rootSelector);
  const selector = mainOnlyPages ? "main" : undefined;
  let indexed = await index(selector);
  if (selector && indexed.pages !== mainOnlyPages) indexed = await index();
  if (!indexed.earlier.none && !(await removeUnused(folder, indexed))) {
    // Pagefind wrote an index this engine cannot read (a new version, say): it is written anew.
    begin(true);
    indexed = await index(indexed.rootSelector);
  }
  rmSync(unfinished);
  return { pages: indexed.pages, seconds: (performance.now() - started) / 1000 };
}

/** Written in the index's folder while Pagefind writes it, and removed once it has finished. */
const UNFINISHED = ".unfinished";

interface Indexed {
  pages: number;
  entry: Entry;
  rootSelector: string | undefined;
  /** The files in the index's folder before Pagefind wrote this index. */
  earlier: EarlierFiles;
}

async function indexSite(
  siteDir: string,
  folder: string,
  unfinished: string,
  program: string,
  rootSelector?: string,
): Promise<Indexed> {
  // Pagefind writes through a link: taking the earlier files removes links.
  const earlier = EarlierFiles.take(folder, (file) => file === unfinished);
  // Loaded while Pagefind runs, for reading the index over the earlier one (see filesUsed).
  if (!earlier.none) void import("cbor2").catch(() => undefined);
  await runPagefind(program, [
    "--site",
    siteDir,
    "--output-path",
    folder,
    "--force-language",
    "en",
    ...(rootSelector ? ["--root-selector", rootSelector] : []),
    "--silent",
  ]);
  // Pagefind counts every file it read; its entry file says how many pages are in the index.
  const entry = entryOf(folder);
  const pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
  return { pages, entry, rootSelector, earlier };
}

interface Entry {
  languages: Record<string, { hash: string; page_count: number }>;
}

function entryOf(folder: string): Entry {
  try {
    return JSON.parse(readFileSync(path.join(folder, "pagefind-entry.json"), "utf8")) as Entry;
  } catch {
    throw new Error("Pagefind wrote no pagefind-entry.json, so search would not load");
  }
}

/** Pagefind's program for this machine, found as Pagefind's own Node package finds it. */
export function installedPagefind(): string {
  const fromPagefind = createRequire(import.meta.resolve("pagefind"));
  const platform = process.platform === "win32" ? "windows" : process.platform;
  const names = ["pagefind_extended", "pagefind"];
  for (const name of names)
    try {
      return fromPagefind.resolve(
        `@pagefind/${platform}-${process.arch}/bin/${name}${platform === "windows" ? ".exe" : ""}`,
      );
    } catch {
      // not this one
    }
  throw new Error(
    `Pagefind has no program for this machine (${platform}-${process.arch}): reinstall the project's packages (npm ci), or set PAGEFIND_BINARY_PATH to a Pagefind program built for it`,
  );
}

/** Pagefind's processes running now. */
const running = new Set<ChildProcess>();

/**
 * Stops every Pagefind this process started, and resolves once they have ended: a command
 * stopped while one runs would otherwise leave it writing into the output folder.
 */
export async function stopPagefind(): Promise<void> {
  await Promise.all(
    [...running].map((child) => {
      const ended = once(child, "close");
      child.kill();
      return ended;
    }),
  );
}

/**
 * Runs Pagefind's command with `args`, which are all its settings: it also reads PAGEFIND_*
 * variables and a pagefind.yml (.toml, .json) in the folder it runs in, so it runs in an empty
 * folder without those variables, and the index is the same wherever the site is built.
 */
async function runPagefind(program: string, args: string[]): Promise<void> {
  const cwd = mkdtempSync(path.join(tmpdir(), "pagefind-"));
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !name.toUpperCase().startsWith("PAGEFIND_")),
  );
  try {
    await new Promise<void>((resolve, reject) => {
      const child = spawn(program, args, { cwd, env, stdio: ["ignore", "pipe", "pipe"] });
      running.add(child);
      let said = "";
      child.stdout.on("data", (d: Buffer) => (said += d.toString()));
      child.stderr.on("data", (d: Buffer) => (said += d.toString()));
      child.on("error", (error: NodeJS.ErrnoException) =>
        reject(
          new Error(
            `Pagefind could not start: ${program} ${NOT_RUN[error.code ?? ""] ?? `could not be run (${error.message})`}`,
          ),
        ),
      );
      child.on("close", (code, signal) => {
        running.delete(child);
        // Pagefind prints some errors twice.
        const lines = new Set(said.split("\n").map((line) => line.trim()));
        lines.delete("");
        if (code === 0) resolve();
        else
          reject(
            new Error(
              `Pagefind could not index the site (${signal ?? `exit code ${code}`}): ${[...lines].join(" ")}`,
            ),
          );
      });
    });
  } finally {
    rmSync(cwd, { recursive: true, force: true });
  }
}

/** Why a program could not be started, in plain words, by the system's error code. */
const NOT_RUN: Record<string, string> = {
  ENOENT: "does not exist",
  EACCES: "is not a program this user may run",
};

/**
 * Removes the files of the index's folder that this index does not use: those that were there
 * before Pagefind wrote it, that it did not write again, and that its metadata does not name.
 * Pagefind names most files by their content and leaves one that is already there as it is,
 * so the files the index uses are read from its metadata (gzipped CBOR, each language's
 * pagefind.HASH.pf_meta: its pages' fragments, its word index chunks and its filters). False
 * when the metadata cannot be read, or it does not name a file Pagefind has just written: the
 * caller then writes the index anew, rather than remove a file search needs.
 */
async function removeUnused(folder: string, { entry, earlier }: Indexed): Promise<boolean> {
  let used: Set<string>;
  try {
    used = await filesUsed(folder, entry);
  } catch {
    return false;
  }
  for (const found of readdirSync(folder, { recursive: true, withFileTypes: true })) {
    const file = path.join(found.parentPath, found.name);
    if (found.isFile() && NAMED_BY_CONTENT.test(found.name) && !used.has(file))
      if (!earlier.unwritten(file)) return false;
  }
  earlier.removeUnwritten((file) => used.has(file));
  return true;
}

/** Files Pagefind names by their content (fragment/en_1a2b3c4.pf_fragment). */
const NAMED_BY_CONTENT = /_[0-9a-f]{7,}\.pf_(?:fragment|index|filter|meta)$/;

/** The index's files named by their content that its metadata uses, by path. */
async function filesUsed(folder: string, entry: Entry): Promise<Set<string>> {
  // Loaded only here: a first build, into an empty folder, never reads an earlier index.
  const { decode } = await import("cbor2");
  const used = new Set<string>();
  const use = (...parts: string[]) => used.add(path.join(folder, ...parts));
  for (const { hash } of Object.values(entry.languages)) {
    const name = `pagefind.${hash}.pf_meta`;
    use(name);
    // Pagefind's files begin with a signature, then the CBOR: [version, pages, chunks, filters, …].
    const meta = decode(gunzipSync(readFileSync(path.join(folder, name))).subarray(12)) as [
      string,
      [string, number][],
      [string, string, string][],
      [string, string][],
    ];
    for (const [fragment] of meta[1]) use("fragment", `${fragment}.pf_fragment`);
    for (const [, , chunk] of meta[2]) use("index", `${chunk}.pf_index`);
    for (const [, filter] of meta[3]) use("filter", `${filter}.pf_filter`);
  }
  return used;
}
