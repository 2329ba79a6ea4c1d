// Builds the Pagefind index of the built site. Pagefind splits the index into chunks, so a
// query downloads only what it needs, however large the site grows.
import { readFileSync } from "node:fs";
import path from "node:path";
import * as pagefind from "pagefind";

export interface IndexSummary {
  pages: number;
  seconds: number;
}

/**
 * Indexes the built site in `siteDir`. Pagefind reads the files itself, in parallel, which is
 * about three times faster than passing 4,000 pages over its IPC one by one. Pages without
 * data-pagefind-body (search, site index, 404, opted-out pages) are left out by Pagefind.
 */
export async function writeSearchIndex(siteDir: string, outputPath: string): Promise<IndexSummary> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  const added = await index.addDirectory({ path: siteDir });
  if (added.errors.length)
    throw new Error(`Pagefind could not index the site: ${added.errors.join("; ")}`);
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length)
    throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  await pagefind.close();
  // Pagefind counts every file it read; its entry file says how many pages are in the index.
  let pages = added.page_count;
  try {
    const entry = JSON.parse(
      readFileSync(path.join(outputPath, "pagefind-entry.json"), "utf8"),
    ) as {
      languages: Record<string, { page_count: number }>;
    };
    pages = Object.values(entry.languages).reduce((sum, l) => sum + l.page_count, 0);
  } catch {
    // Only the count in the message depends on it.
  }
  return { pages, seconds: (performance.now() - started) / 1000 };
}
