// An Atom feed (RFC 4287), readable by any feed reader: the timeline's and x-govuk's feeds.
import { escapeMarkup } from "./escape.js";

export interface AtomEntry {
  title: string;
  /** Absolute URL of the entry; also its id. */
  link: string;
  /** RFC 3339 date and time. */
  updated: string;
  /** The entry's content, as HTML. */
  html: string;
}

export interface AtomFeed {
  title: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  /** Absolute URL of the page the feed follows. */
  pageUrl: string;
  author: string;
  /** Newest first. */
  entries: AtomEntry[];
}

export function atom(feed: AtomFeed): string {
  const entries = feed.entries.map((e) =>
    [
      "  <entry>",
      `    <title>${escapeMarkup(e.title)}</title>`,
      `    <id>${escapeMarkup(e.link)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeMarkup(e.link)}"/>`,
      `    <updated>${e.updated}</updated>`,
      `    <content type="html">${escapeMarkup(e.html)}</content>`,
      "  </entry>",
    ].join("\n"),
  );
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeMarkup(feed.title)}</title>`,
    `  <id>${escapeMarkup(feed.feedUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(feed.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(feed.pageUrl)}"/>`,
    `  <updated>${feed.entries[0]?.updated ?? "1970-01-01T00:00:00Z"}</updated>`,
    `  <author><name>${escapeMarkup(feed.author)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}
