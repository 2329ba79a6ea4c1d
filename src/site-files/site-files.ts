// Files for machines: the sitemap, robots.txt and the page list tech-docs-monitor reads.
import { escapeMarkup } from "../html/escape.js";
import type { PageRecord } from "../navigation/types.js";

export interface SiteFileOptions {
  absoluteUrl(sitePath: string): string;
  preventIndexing: boolean;
  /** Whether absoluteUrl gives real absolute URLs (the settings have a baseUrl). */
  published: boolean;
}

/** Addresses in code-point order: stable, and far cheaper than a locale's rules. */
const byUrl = (a: PageRecord, b: PageRecord) => (a.url < b.url ? -1 : a.url > b.url ? 1 : 0);

/** Pages search engines may index, in a stable order. */
export function indexablePages(pages: PageRecord[]): PageRecord[] {
  return pages.filter((p) => !p.preventIndexing).sort(byUrl);
}

export function sitemap(pages: PageRecord[], o: SiteFileOptions): string {
  const urls = o.preventIndexing ? [] : indexablePages(pages);
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">',
    ...urls.map((p) => `  <url><loc>${escapeMarkup(o.absoluteUrl(p.url))}</loc></url>`),
    "</urlset>",
    "",
  ].join("\n");
}

export function robots(o: SiteFileOptions): string {
  return o.preventIndexing
    ? "User-agent: *\nDisallow: /\n"
    : `User-agent: *\nAllow: /\n${o.published ? `\nSitemap: ${o.absoluteUrl("/sitemap.xml")}\n` : ""}`;
}

/** tech-docs' /api/pages.json: what tech-docs-monitor reads to send review reminders. */
export function pagesJson(pages: PageRecord[], o: SiteFileOptions): string {
  const list = [...pages].sort(byUrl).map((p) => ({
    title: p.title,
    url: o.absoluteUrl(p.url),
    review_by: p.review?.reviewBy ?? null,
    owner_slack: p.review?.owner ?? null,
  }));
  return `${JSON.stringify(list, null, 2)}\n`;
}
