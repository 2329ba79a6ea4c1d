// x-govuk's `templates` option (v6 and later): pages the plugin adds to a site — a sitemap at
// /sitemap/ (on unless turned off), and when asked a search index, tag pages and an Atom feed.
// The 404 page is the engine's own. Each is added as x-govuk adds it, at the same address.
import { existsSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import { atom } from "../html/atom.js";
import type { BuildContext } from "../context.js";

type Template<T> = boolean | T | undefined;
export interface XGovukTemplates {
  error404?: Template<{ permalink?: string; title?: string }>;
  sitemap?: Template<{ permalink?: string; title?: string }>;
  searchIndex?: Template<{ permalink?: string }>;
  tags?: Template<{ permalink?: string; title?: string; tagTitle?: string }>;
  feed?: Template<{ permalink?: string; title?: string; collection?: string; size?: number }>;
}

interface Item {
  url: string;
  date: Date;
  content?: unknown;
  data: { title?: string; tags?: unknown; layout?: unknown };
}

const settingsOf = <T>(value: Template<T>): T | undefined =>
  value === true ? ({} as T) : value || undefined;

/** Adds the pages; returns warnings for settings it does not carry, by option name. */
export function registerXGovukTemplates(
  config: UserConfig,
  ctx: BuildContext,
  templates: XGovukTemplates = {},
): { option: string; message: string }[] {
  const warnings: { option: string; message: string }[] = [];
  const page = (name: string, data: Record<string, unknown>, content = "") =>
    config.addTemplate(`x-govuk-${name}.njk`, content, {
      eleventyExcludeFromCollections: true,
      ...data,
    });

  const notFound = settingsOf(templates.error404);
  if (notFound?.permalink && notFound.permalink !== "/404.html")
    warnings.push({
      option: "templates.error404.permalink",
      message: "the engine's 404 page is always /404.html",
    });

  // On by default, as in x-govuk; a site that wrote its own sitemap page keeps it.
  const sitemap = templates.sitemap === undefined ? {} : settingsOf(templates.sitemap);
  const ownSitemap = ["sitemap.md", "sitemap/index.md", "sitemap.njk"].some((f) =>
    existsSync(path.join(ctx.inputDir, f)),
  );
  if (sitemap && !(templates.sitemap === undefined && ownSitemap))
    page("sitemap", {
      layout: "sitemap",
      title: sitemap.title ?? "Sitemap",
      permalink: sitemap.permalink ?? "/sitemap/",
    });

  const searchIndex = settingsOf(templates.searchIndex);
  if (searchIndex)
    page("search-index", {
      layout: "search-index",
      permalink: searchIndex.permalink ?? "/search-index.json",
    });

  // x-govuk's collections: `feed`, its posts newest first; `tags`, every tag used.
  if (!config.collections.feed)
    config.addCollection("feed", (api: { getAllSorted(): Item[] }) =>
      api
        .getAllSorted()
        .filter((item) => item.data.layout === "post")
        .reverse(),
    );
  if (!config.collections.tags)
    config.addCollection("tags", (api: { getAll(): Item[] }) =>
      [...new Set(api.getAll().flatMap((item) => tagList(item.data.tags)))].sort(),
    );
  const tags = settingsOf(templates.tags);
  if (tags) {
    const base = tags.permalink ?? "/tags/";
    const tagTitle = tags.tagTitle ?? "Posts tagged ‘{{ tag }}’";
    const slugify = config.getFilter("slugify") as (text: string) => string;
    page("tags", { layout: "tags", title: tags.title ?? "Tags", permalink: base, tagsBase: base });
    page("tag", {
      layout: "tag",
      pagination: { data: "collections.tags", size: 1, alias: "tag" },
      eleventyComputed: {
        title: (data: { tag: string }) => tagTitle.replace(/\{\{\s*tag\s*\}\}/g, data.tag),
      },
      permalink: (data: { tag: string }) => `${base}${slugify(data.tag)}/`,
    });
  }

  const feed = settingsOf(templates.feed);
  if (feed) {
    const collection = feed.collection ?? "feed";
    const permalink = feed.permalink ?? "/feed.xml";
    page(
      "feed",
      { layout: false, permalink, eleventyImport: { collections: [collection] } },
      `{{ xgovukFeed(collections, page.url) | safe }}`,
    );
    config.addNunjucksGlobal(
      "xgovukFeed",
      (collections: Record<string, Item[] | undefined>, feedUrl: string) => {
        const items = (collections[collection] ?? [])
          .filter((item) => item.data.title)
          .sort((a, b) => b.date.getTime() - a.date.getTime())
          .slice(0, feed.size ?? 20);
        return atom({
          title: feed.title ?? ctx.settings.serviceName,
          feedUrl: ctx.absoluteUrl(feedUrl),
          pageUrl: ctx.absoluteUrl("/"),
          author: ctx.settings.organisation ?? ctx.settings.serviceName,
          entries: items.map((item) => ({
            title: item.data.title!,
            link: ctx.absoluteUrl(item.url),
            updated: item.date.toISOString(),
            html: typeof item.content === "string" ? item.content : "",
          })),
        });
      },
    );
  }
  return warnings;
}

function tagList(tags: unknown): string[] {
  const list = Array.isArray(tags) ? tags : typeof tags === "string" ? [tags] : [];
  return list.filter((tag): tag is string => typeof tag === "string" && tag !== "all");
}
