// Site search: the Pagefind index after every build, the search page and the A to Z index
// (where readers without JavaScript are sent).
import path from "node:path";
import type { AfterBuild, UserConfig } from "@11ty/eleventy";
import { describeIndex, mainOnlyPageCount, writeSearchIndex } from "./pagefind.js";
import type { BuildContext } from "../context.js";

export const SEARCH_URL = "/search/";
/** One collator for the whole sort: localeCompare with options makes one per comparison. */
const byTitle = new Intl.Collator("en", { sensitivity: "base" });
export const SITE_INDEX_URL = "/site-index/";

const wantIndex = new WeakSet<UserConfig>();

/** Whether a build with `searchIndexByCaller` left a search index for its caller to write. */
export function searchIndexWanted(config: UserConfig): boolean {
  return wantIndex.has(config);
}

/**
 * The site index's list: every page by title, and pages that share a title by address, so the
 * list is the same from build to build whatever order Eleventy read the pages in.
 */
export function siteIndexEntries(
  pages: readonly { title: string; url: string }[],
): { title: string; url: string }[] {
  return pages
    .map(({ title, url }) => ({ title, url }))
    .sort(
      (a, b) => byTitle.compare(a.title, b.title) || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0),
    );
}

/**
 * `run`, never twice at once: called while it runs, it runs once more when it has finished,
 * however many calls came meanwhile (the preview's edits saved while the index is written), and
 * those calls settle then.
 */
export function coalesced(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  let again = false;
  return () => {
    if (running) {
      again = true;
      return running;
    }
    const loop = async () => {
      do {
        again = false;
        await run();
      } while (again);
    };
    return (running = loop().finally(() => (running = undefined)));
  };
}

export function registerSearch(config: UserConfig, ctx: BuildContext): void {
  config.addTemplate("engine-search.njk", "", {
    title: "Search",
    layout: "search",
    permalink: SEARCH_URL,
    eleventyExcludeFromCollections: true,
  });
  config.addTemplate("engine-site-index.njk", "", {
    title: "Site index",
    description: "Every page on this site, from A to Z.",
    layout: "site-index",
    permalink: SITE_INDEX_URL,
    eleventyExcludeFromCollections: true,
  });
  config.addNunjucksGlobal("allPages", () => siteIndexEntries(ctx.registry.all));

  if (!ctx.options.search) return;
  if (ctx.options.searchIndexByCaller) {
    wantIndex.add(config);
    return;
  }
  // Pagefind writes over the earlier index, so one index is written at a time (see coalesced).
  let latest: { siteDir: string; mainOnly?: number } = { siteDir: "" };
  const writeIndex = coalesced(async () => {
    const summary = await writeSearchIndex(
      latest.siteDir,
      latest.mainOnly,
      ctx.options.pagefindProgram,
    );
    if (ctx.options.report !== "stdout") console.log(describeIndex(summary));
  });
  config.on("eleventy.after", async ({ directories, runMode, results }: AfterBuild) => {
    const siteDir = path.resolve(directories.output);
    // A build's results are all its pages; the preview's, only the pages it rebuilt.
    const mainOnly = runMode === "build" ? mainOnlyPageCount(siteDir, results) : undefined;
    latest = { siteDir, mainOnly };
    const indexing = writeIndex();
    // In the preview, pages reload at once and the index follows a moment later.
    if (runMode === "serve")
      indexing.catch((e: Error) => console.error(`Search index: ${e.message}`));
    else await indexing;
  });
}
