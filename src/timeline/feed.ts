// The timeline as an Atom feed: the site's "what's new", readable by any feed reader.
import { escapeMarkup } from "../html/escape.js";
import { atom } from "../html/atom.js";
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
  return atom({
    ...o,
    entries: items.map((m) => {
      const status = m.overdue
        ? `<p><strong>${overdueText(m)}</strong></p>`
        : m.planned
          ? "<p><strong>Planned</strong></p>"
          : "";
      return {
        title: m.title,
        link: `${o.pageUrl}#${m.id}`,
        updated: timestamp(m.date),
        html: `<p>${escapeMarkup(m.label)}</p>${status}${m.description ? o.renderHtml(m.description, m.source) : ""}`,
      };
    }),
  });
}

function timestamp(date: string): string {
  return `${date.length === 7 ? `${date}-01` : date}T00:00:00Z`;
}
