// The Nunjucks filters x-govuk's layouts and pages use (lib/filters in its source), so a site's
// own templates and its Markdown (when it renders Markdown with Nunjucks) keep working.
import MarkdownIt from "markdown-it";
import { DateTime } from "luxon";
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
  data: {
    title?: string;
    description?: string;
    order?: number;
    eleventyNavigation?: { parent?: string };
  };
}

interface NavigationEntry {
  url?: string;
  children?: NavigationEntry[];
}

const flatten = (entries: NavigationEntry[] = []): NavigationEntry[] =>
  entries.flatMap((entry) => [entry, ...flatten(entry.children)]);

/** A date as x-govuk's filters read one: a Date, an ISO 8601 string, or "now". */
const asDate = (value: unknown): Date =>
  value === "now" ? new Date() : value instanceof Date ? value : new Date(String(value ?? ""));

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
  // x-govuk 5 to 8: Luxon's format tokens ("d LLLL y"), in UTC; without a format, ISO 8601.
  // (It replaces MoJ Frontend's moment-based `date` on x-govuk sites; the engine's own layouts
  // do not use either.)
  config.addFilter("date", (value: unknown, format?: string) => {
    const date = DateTime.fromJSDate(asDate(value), { zone: "utc" }).setLocale("en-GB");
    return format ? date.toFormat(format) : date.toISO();
  });
  // x-govuk 9's date filters.
  config.addFilter("govukDate", (value: unknown) =>
    new Intl.DateTimeFormat("en-GB", { year: "numeric", month: "long", day: "numeric" }).format(
      asDate(value),
    ),
  );
  config.addFilter("isoDate", (value: unknown) =>
    value ? asDate(value).toISOString() : undefined,
  );
  config.addFilter("dateToRfc3339", (value: unknown) =>
    asDate(value)
      .toISOString()
      .replace(/\.\d{3}Z$/, "Z"),
  );
  config.addFilter("getNewestCollectionItemDate", (items: Collectable[]) =>
    (items ?? []).reduce<Date | undefined>(
      (newest, item) => (item.date && (!newest || item.date > newest) ? item.date : newest),
      undefined,
    ),
  );
  config.addFilter("sliceFromCollection", (items: Collectable[], n?: number) =>
    !n ? items : n < 0 ? items.slice(n) : items.slice(0, n),
  );
  config.addFilter("sortCollection", (items: Collectable[], sort?: boolean) =>
    !sort
      ? items
      : [...(items ?? [])].sort((a, b) =>
          a.data.order !== undefined && b.data.order !== undefined
            ? a.data.order - b.data.order
            : (a.data.title ?? "").localeCompare(b.data.title ?? ""),
        ),
  );
  config.addFilter("itemsFromCollection", (items: Collectable[]) =>
    (items ?? []).map((item) => ({ text: item.data.title, href: item.url })),
  );
  config.addFilter(
    "includes",
    (items: Record<string, unknown>[], keyPath: string, value: unknown) =>
      (items ?? []).filter((item) => {
        const found = keyPath
          .split(".")
          .reduce<unknown>(
            (data, key) => (data as Record<string, unknown> | undefined)?.[key],
            item,
          );
        return (
          (Array.isArray(found) || typeof found === "string") && found.includes(value as string)
        );
      }),
  );
  // The entry after or before a page in eleventyNavigation's tree, read in order.
  const neighbour = (entries: NavigationEntry[], url: string, step: 1 | -1) => {
    const flat = flatten(entries);
    const i = flat.findIndex((entry) => entry.url === url);
    return (i >= 0 && flat[i + step]) || null;
  };
  config.addFilter("getNextNavigationItem", (entries: NavigationEntry[], url: string) =>
    neighbour(entries, url, 1),
  );
  config.addFilter("getPreviousNavigationItem", (entries: NavigationEntry[], url: string) =>
    neighbour(entries, url, -1),
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
