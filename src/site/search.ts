// Site search: the Pagefind index after every build, the search page and the A to Z index
// (where readers without JavaScript are sent).
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { writeSearchIndex, type IndexablePage } from "../search/index.js";
import type { Project } from "./project.js";

export const SEARCH_URL = "/search/";
export const SITE_INDEX_URL = "/site-index/";

interface Result {
  url: string | false;
  outputPath: string | false;
  content: string;
}

export function registerSearch(config: UserConfig, project: Project): void {
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
  config.addNunjucksGlobal("allPages", () =>
    project.registry.all
      .map((p) => ({ title: p.title, url: p.url }))
      .sort((a, b) => a.title.localeCompare(b.title, "en", { sensitivity: "base" })),
  );

  // Incremental rebuilds in `npm start` report only the changed pages: keep the rest.
  const built = new Map<string, IndexablePage>();
  config.on(
    "eleventy.after",
    async ({ results, directories }: { results: Result[]; directories: { output: string } }) => {
      for (const r of results) {
        if (r.url && typeof r.outputPath === "string" && r.outputPath.endsWith(".html")) {
          built.set(r.url, { url: r.url, content: r.content });
        }
      }
      const summary = await writeSearchIndex(
        [...built.values()],
        path.join(path.resolve(directories.output), "pagefind"),
      );
      if (process.env.SITE_REPORT !== "json") {
        console.log(`Search index: ${summary.pages} pages in ${summary.seconds.toFixed(2)} s`);
      }
    },
  );
}
