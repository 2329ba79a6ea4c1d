// Builds the Pagefind index of the built site. Pagefind splits the index into chunks, so a
// query downloads only what it needs, however large the site grows.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { writeFile } from "node:fs/promises";
import path from "node:path";
import * as pagefind from "pagefind";
import type { AfterBuild } from "@11ty/eleventy";

export interface IndexSummary {
  pages: number;
  seconds: number;
}

/** The line a build prints once its index is written. */
export const describeIndex = ({ pages, seconds }: IndexSummary): string =>
  `Search index: ${pages} pages in ${seconds.toFixed(2)} s`;

/** Where a site's index goes: the folder Pagefind's search script is loaded from. */
export const searchIndexFolder = (siteDir: string): string => path.join(siteDir, "pagefind");

const PAGEFIND_ATTRIBUTE = "data-pagefind-";
const SEARCH_BODY = "data-pagefind-body";

/**
 * Where `name` first begins a tag (`<main>`, `<h1 class=…>`) in `html`, or -1. The
 * tag named in escaped text (`&lt;main&gt;`) is not one.
 */
function tagAt(html: string, name: string): number {
  for (let at = html.indexOf(`<${name}`); at !== -1; at = html.indexOf(`<${name}`, at + 1))
    if (/^[\s>/]$/.test(html[at + name.length + 1] ?? "")) return at;
  return -1;
}

/**
 * Whether Pagefind indexes this page the same from its <main> alone as from the whole page
 * (undefined: the page has no data-pagefind-body element, and search leaves it out). Pagefind
 * reads more than the data-pagefind-body element: any data-pagefind-* attribute, the first
 * <h1> (else the <title>) as the title and the first <img> as the image, wherever they are.
 * So every data-pagefind-* attribute must be inside <main>, and the first <h1> too, and the
 * first <img> if there is one. An attribute counts inside a tag only (the nearest "<" before it
 * is after the nearest ">"), not named in escaped text (a code example).
 */
function readableFromMain(html: string): boolean | undefined {
  const start = tagAt(html, "main");
  const end = html.lastIndexOf("</main>");
  const inMain = (at: number) => start !== -1 && at > start && at < end;
  let body = false;
  let outside = false;
  for (let at = html.indexOf(PAGEFIND_ATTRIBUTE); at !== -1;) {
    const inTag =
      /\s/.test(html[at - 1] ?? "") && html.lastIndexOf("<", at) > html.lastIndexOf(">", at);
    if (inTag) {
      const isBody =
        html.startsWith(SEARCH_BODY, at) && /^[\s=>/]?$/.test(html[at + SEARCH_BODY.length] ?? "");
      body ||= isBody;
      outside ||= !inMain(at);
    }
    at = html.indexOf(PAGEFIND_ATTRIBUTE, at + 1);
  }
  if (!body) return undefined;
  const image = tagAt(html, "img");
  return !outside && inMain(tagAt(html, "h1")) && (image === -1 || inMain(image));
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
 * index's files and nothing else. Pagefind reads the pages itself, in parallel, which is
 * about three times faster than passing 4,000 pages over its IPC one by one. Pages without
 * data-pagefind-body (search, site index, 404, opted-out pages) are left out by Pagefind.
 *
 * Given the number of pages search should find, each readable from its <main> alone
 * (`mainOnlyPageCount` of the build's pages), Pagefind reads each page's <main> only: at 4,000
 * pages that took 1.2-1.5 s against 2.3-2.9 s, and gave the same index file for file, as it did
 * on the AP guide and the x-govuk site. When the count differs from the pages Pagefind then
 * indexed (an HTML file copied as it is, say), the whole pages are read again.
 */
export async function writeSearchIndex(
  siteDir: string,
  mainOnlyPages?: number,
): Promise<IndexSummary> {
  const started = performance.now();
  const mainOnly = mainOnlyPages !== undefined && mainOnlyPages > 0;
  let index = await indexSite(siteDir, mainOnly ? "main" : undefined);
  if (mainOnly && index.pages !== mainOnlyPages) index = await indexSite(siteDir);
  await writeIndexFiles(searchIndexFolder(siteDir), index.files);
  return { pages: index.pages, seconds: (performance.now() - started) / 1000 };
}

async function indexSite(
  siteDir: string,
  rootSelector?: string,
): Promise<{ files: { path: string; content: Uint8Array }[]; pages: number }> {
  const { index, errors } = await pagefind.createIndex({
    forceLanguage: "en",
    ...(rootSelector ? { rootSelector } : {}),
  });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length)
    throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
  // Pagefind's own writeFiles can answer before its files are on disk, and close() then kills
  // it mid-write: under load a build shipped an empty pagefind-entry.json (Pagefind issue
  // #1271). The index is taken in memory and written here instead, so it is whole.
  const written = await index.getFiles();
  await pagefind.close();
  if (written.errors.length)
    throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  // Pagefind counts every file it read; its entry file says how many pages are in the index.
  const entry = written.files.find((file) => file.path === "pagefind-entry.json");
  if (!entry) throw new Error("Pagefind wrote no pagefind-entry.json, so search would not load");
  const { languages } = JSON.parse(new TextDecoder().decode(entry.content)) as {
    languages: Record<string, { page_count: number }>;
  };
  const pages = Object.values(languages).reduce((sum, l) => sum + l.page_count, 0);
  return { files: written.files, pages };
}

/**
 * Pagefind names most of its files by their content (fragment/en_1a2b3c4.pf_fragment): one that
 * is already there, a file of the same size, is not written again, as Pagefind's own writer
 * skips it. Over the site before last, where nearly every page is unchanged, 4,000 pages' index
 * was written in 0.05 s against 0.45 s.
 */
const NAMED_BY_CONTENT = /_[0-9a-f]{7,}\.pf_(?:fragment|index|filter|meta)$/;

/** Writes the index's files into `outputPath`, which then holds them and nothing else. */
async function writeIndexFiles(
  outputPath: string,
  written: { path: string; content: Uint8Array }[],
): Promise<void> {
  const earlier = existsSync(outputPath)
    ? readdirSync(outputPath, { recursive: true, withFileTypes: true }).filter(
        (entry) => !entry.isDirectory(),
      )
    : [];
  // Only regular files are kept to compare: a link is removed, never written through.
  const there = new Set<string>();
  for (const entry of earlier) {
    const file = path.join(entry.parentPath, entry.name);
    if (entry.isFile()) there.add(file);
    else rmSync(file, { force: true });
  }
  const files = written.map((file) => ({ to: path.join(outputPath, file.path), ...file }));
  const unchanged = (file: (typeof files)[number]) =>
    there.has(file.to) &&
    NAMED_BY_CONTENT.test(file.path) &&
    statSync(file.to).size === file.content.byteLength;
  const toWrite = files.filter((file) => !unchanged(file));
  for (const folder of new Set(toWrite.map((file) => path.dirname(file.to))))
    mkdirSync(folder, { recursive: true });
  // Several writes at once: 4,000 pages' index took 0.45 s so, 0.8-0.9 s one at a time.
  let next = 0;
  const writer = async () => {
    while (next < toWrite.length) {
      const file = toWrite[next++]!;
      await writeFile(file.to, file.content);
    }
  };
  await Promise.all(Array.from({ length: 8 }, writer));
  // A folder written over (a reused build folder, the preview's) loses an earlier index's files.
  const paths = new Set(files.map((file) => file.to));
  for (const file of there) if (!paths.has(file)) rmSync(file, { force: true });
}
