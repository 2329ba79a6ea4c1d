// The timeline as an Atom feed: the site's "what's new", readable by any feed reader.
import { escapeMarkup } from "../html/escape.js";
import { overdueText, type PresentedMilestone } from "./present.js";

export interface FeedOptions {
  title: string;
  /** Absolute URL of the timeline page. */
  pageUrl: string;
  /** Absolute URL of the feed itself. */
  feedUrl: string;
  author: string;
  renderHtml(markdown: string, source?: PresentedMilestone["source"]): string;
}

export function atomFeed(items: PresentedMilestone[], o: FeedOptions): string {
  const entries = items.map((m) => {
    const link = `${o.pageUrl}#${m.id}`;
    const when = timestamp(m.date);
    const status = m.overdue
      ? `<p><strong>${overdueText(m)}</strong></p>`
      : m.planned
        ? "<p><strong>Planned</strong></p>"
        : "";
    const body = `<p>${escapeMarkup(m.label)}</p>${status}${m.description ? o.renderHtml(m.description, m.source) : ""}`;
    return [
      "  <entry>",
      `    <title>${escapeMarkup(m.title)}</title>`,
      `    <id>${escapeMarkup(link)}</id>`,
      `    <link rel="alternate" type="text/html" href="${escapeMarkup(link)}"/>`,
      `    <updated>${when}</updated>`,
      `    <content type="html">${escapeMarkup(body)}</content>`,
      "  </entry>",
    ].join("\n");
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom">',
    `  <title>${escapeMarkup(o.title)}</title>`,
    `  <id>${escapeMarkup(o.feedUrl)}</id>`,
    `  <link rel="self" type="application/atom+xml" href="${escapeMarkup(o.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${escapeMarkup(o.pageUrl)}"/>`,
    `  <updated>${items[0] ? timestamp(items[0].date) : "1970-01-01T00:00:00Z"}</updated>`,
    `  <author><name>${escapeMarkup(o.author)}</name></author>`,
    ...entries,
    "</feed>",
    "",
  ].join("\n");
}

function timestamp(date: string): string {
  return `${date.length === 7 ? `${date}-01` : date}T00:00:00Z`;
}
