// Builds the Pagefind index from the built pages held in memory (no second read of _site).
// Pagefind splits the index into chunks, so a query downloads only what it needs, however
// large the site grows.
import * as pagefind from "pagefind";

export interface IndexablePage {
  url: string;
  content: string;
}

export interface IndexSummary {
  pages: number;
  seconds: number;
}

/** Only pages that mark their content with data-pagefind-body are searchable. */
export function isSearchable(html: string): boolean {
  return html.includes("data-pagefind-body");
}

export async function writeSearchIndex(
  pages: IndexablePage[],
  outputPath: string,
): Promise<IndexSummary> {
  const started = performance.now();
  const { index, errors } = await pagefind.createIndex({ forceLanguage: "en" });
  if (!index) throw new Error(`Pagefind could not start: ${errors.join("; ")}`);
  let count = 0;
  for (const page of pages) {
    if (!isSearchable(page.content)) continue;
    const added = await index.addHTMLFile({ url: page.url, content: page.content });
    if (added.errors.length)
      throw new Error(`Pagefind could not index ${page.url}: ${added.errors.join("; ")}`);
    count++;
  }
  const written = await index.writeFiles({ outputPath });
  if (written.errors.length)
    throw new Error(`Pagefind could not write its index: ${written.errors.join("; ")}`);
  await pagefind.close();
  return { pages: count, seconds: (performance.now() - started) / 1000 };
}
