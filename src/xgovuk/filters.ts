// The Nunjucks filters x-govuk's layouts and pages use (lib/filters in its source), so a site's
// own templates and its Markdown (when it renders Markdown with Nunjucks) keep working.
import MarkdownIt from "markdown-it";
import nunjucks from "nunjucks";
import type { UserConfig } from "@11ty/eleventy";
import { escapeMarkup } from "../html/escape.js";
import { formatDate, toIsoDate } from "../dates/dates.js";
import type { BuildContext } from "../context.js";

type Html = string | { toString(): string; val?: string };
const isSafe = (value: unknown): boolean => value instanceof nunjucks.runtime.SafeString;
const safe = (html: string) => new nunjucks.runtime.SafeString(html);
/** Text as HTML: escaped unless a template already marked it safe. */
const asHtml = (value: Html | undefined | null): string =>
  value == null ? "" : isSafe(value) ? String(value) : escapeMarkup(String(value));

interface Collectable {
  url: string;
  date?: Date;
  data: { title?: string; description?: string; eleventyNavigation?: { parent?: string } };
}

export function registerXGovukFilters(config: UserConfig, ctx: BuildContext): void {
  // Descriptions and captions: Markdown written by the site's authors, as x-govuk renders it.
  const md = new MarkdownIt({ html: true, typographer: true });
  config.addFilter("markdown", (text: unknown, mode?: string) => {
    const source = typeof text === "string" ? text : String(text ?? "");
    return safe(mode === "inline" ? md.renderInline(source) : md.render(source));
  });
  config.addFilter("smart", (text: Html) => safe(smartPunctuation(asHtml(text))));
  config.addFilter("noOrphans", (text: Html) => safe(noOrphans(asHtml(text))));
  config.addFilter("pretty", (url: string) =>
    String(url ?? "")
      .replace(/index\.html$/, "")
      .replace(/\.html$/, ""),
  );
  config.addFilter("canonicalUrl", (url: string) => ctx.absoluteUrl(String(url ?? "/")));
  config.addFilter("itemsFromPagination", (pagination: { hrefs?: string[]; pageNumber?: number }) =>
    (pagination?.hrefs ?? []).map((href, i) => ({
      number: i + 1,
      href,
      current: i === pagination.pageNumber,
    })),
  );
  config.addFilter("readableDate", (date: unknown) => {
    const iso = toIsoDate(date);
    return iso ? formatDate(iso) : String(date ?? "");
  });
  config.addFilter("sortByTitle", (items: Collectable[]) =>
    [...(items ?? [])].sort((a, b) => (a.data.title ?? "").localeCompare(b.data.title ?? "")),
  );
  config.addFilter("searchIndex", (items: Collectable[]) =>
    (items ?? [])
      .filter((item) => item.data.title)
      .map((item) => ({
        title: item.data.title,
        ...(item.data.description ? { description: item.data.description } : {}),
        ...(item.data.eleventyNavigation?.parent
          ? { section: item.data.eleventyNavigation.parent }
          : {}),
        url: ctx.absoluteUrl(item.url),
      })),
  );
}

/** Curly quotes, dashes and ellipses in text that is already HTML (tags are left alone). */
export function smartPunctuation(html: string): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) =>
      i % 2
        ? part
        : part
            .replace(/(\w)(?:'|&#39;)(\w)/g, "$1’$2")
            .replace(/(^|[\s(])(?:"|&quot;)/g, "$1“")
            .replace(/(?:"|&quot;)/g, "”")
            .replace(/(^|[\s(])(?:'|&#39;)/g, "$1‘")
            .replace(/(?:'|&#39;)/g, "’")
            .replace(/ -- /g, " – ")
            .replace(/---/g, "—")
            .replace(/\.\.\./g, "…"),
    )
    .join("");
}

/** Joins the last two words with a no-break space, so a heading never ends on one word. */
export function noOrphans(html: string): string {
  const last = html.lastIndexOf(" ");
  if (last === -1 || html.indexOf(" ") === last || /<[^>]*$/.test(html.slice(last))) return html;
  return `${html.slice(0, last)}&nbsp;${html.slice(last + 1)}`;
}
