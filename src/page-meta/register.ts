// What a page says about itself at its foot: when it last changed, its review, and where to see
// its source or report a problem. All decided here; the layout only places it.
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { LastUpdated } from "../history/last-updated.js";
import { formatDate } from "../dates/dates.js";
import type { Settings } from "../settings/schema.js";
import type { BuildContext } from "../context.js";

export interface PageMeta {
  lastUpdated?: string;
  review?: {
    lastReviewed: string;
    reviewBy: string;
    reviewByIso: string;
    owner?: string;
    overdue: boolean;
  };
  sourceUrl?: string;
  reportUrl?: string;
  repositoryUrl?: string;
  /** Only once the site's published address (baseUrl) is known. */
  canonicalUrl?: string;
  noindex: boolean;
}

export function registerPageMeta(config: UserConfig, ctx: BuildContext): void {
  let history = new LastUpdated(ctx.inputDir);
  // The git history is read again for each whole build. The preview's rebuild after an edit
  // keeps it: an edit is not a commit, so reading it again (two git commands, longer the longer
  // the history) would find the same dates.
  config.on("eleventy.before", ({ incremental }: { incremental?: boolean }) => {
    if (!incremental) history = new LastUpdated(ctx.inputDir);
  });

  config.addNunjucksGlobal(
    "pageMeta",
    (page: { url: string; inputPath: string }, title: string, site: Settings): PageMeta => {
      const record = ctx.registry.page(page.inputPath);
      const meta: PageMeta = {
        ...(site.baseUrl ? { canonicalUrl: ctx.absoluteUrl(page.url) } : {}),
        noindex: site.preventIndexing || Boolean(record?.preventIndexing),
      };
      if (!record) return meta;
      const updated = record.lastUpdated ?? history.of(path.resolve(page.inputPath));
      if (updated) meta.lastUpdated = formatDate(updated);
      if (record.review) {
        const { lastReviewed, reviewBy, owner } = record.review;
        meta.review = {
          lastReviewed: formatDate(lastReviewed),
          reviewBy: formatDate(reviewBy),
          reviewByIso: reviewBy,
          owner,
          overdue: reviewBy < ctx.today(),
        };
      }
      const repo = site.repository;
      if (repo) {
        const source = path
          .relative(ctx.inputDir, path.resolve(page.inputPath))
          .split(path.sep)
          .join("/");
        const repoUrl = repo.url.replace(/\/$/, "");
        meta.repositoryUrl = repoUrl;
        meta.sourceUrl = `${repoUrl}/blob/${repo.branch}/${[repo.contentPath, source].filter(Boolean).join("/")}`;
        const query = new URLSearchParams({
          title: `Problem with the page "${title}"`,
          body: `Page: ${ctx.absoluteUrl(page.url)}\n\nWhat is wrong:\n`,
        });
        meta.reportUrl = `${repoUrl}/issues/new?${query}`;
      } else if (site.contactEmail) {
        const query = new URLSearchParams({
          subject: `Problem with the page "${title}"`,
          body: `Page: ${ctx.absoluteUrl(page.url)}`,
        });
        meta.reportUrl = `mailto:${site.contactEmail}?${query.toString().replace(/\+/g, "%20")}`;
      }
      return meta;
    },
  );
}
