// The timeline page's component items and its Atom feed, from content/_data/timeline.yml.
import { existsSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { MarkdownIt } from "markdown-it";
import type { Settings } from "../settings/schema.js";
import type { LocatedMilestone } from "./load.js";
import { TIMELINE_FILE } from "./load.js";
import { overduePlansSummary, overdueText, presentTimeline } from "./present.js";
import { atomFeed } from "./feed.js";
import type { RenderComponent } from "../markdown/components.js";
import type { BuildContext } from "../context.js";

export const FEED_URL = "/feed.xml";

export function registerTimeline(
  config: UserConfig,
  ctx: BuildContext,
  md: MarkdownIt,
  renderComponent: RenderComponent,
): void {
  const render = (markdown: string, source?: LocatedMilestone["source"]) =>
    md.render(markdown, { source });

  config.addNunjucksGlobal("timelineItems", (milestones: LocatedMilestone[] | undefined) => {
    const list = milestones ?? [];
    const overdue = overduePlansSummary(list, ctx.today());
    if (overdue) ctx.registry.problems.add(overdue);
    return presentTimeline(list, ctx.today()).map((m) => ({
      label: {
        html:
          md.utils.escapeHtml(m.title) +
          (m.planned
            ? ` ${renderComponent("tag", m.overdue ? { text: "No update", classes: "govuk-tag--grey" } : { text: "Planned", classes: "govuk-tag--yellow" })}`
            : ""),
      },
      datetime: { timestamp: m.datetime, format: m.labelFormat },
      html:
        (m.overdue ? `<p class="govuk-body">${overdueText(m)}</p>` : "") +
        (m.description ? render(m.description, m.source) : ""),
      attributes: { id: m.id },
    }));
  });

  if (!existsSync(path.join(ctx.dataDir, TIMELINE_FILE))) return;
  // Atom needs absolute addresses: no feed until the published address is known.
  config.addTemplate("engine-feed.njk", "{{ timelineFeed(timeline, site) | safe }}", {
    eleventyComputed: {
      permalink: (data: { site: Settings }) => (data.site.baseUrl ? FEED_URL : false),
    },
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  config.addNunjucksGlobal("timelineFeed", (milestones: LocatedMilestone[], site: Settings) => {
    const pageUrl = ctx.registry.urlForLayout("timeline") ?? "/";
    return atomFeed(presentTimeline(milestones, ctx.today()), {
      title: `${site.serviceName}: timeline`,
      pageUrl: ctx.absoluteUrl(pageUrl),
      feedUrl: ctx.absoluteUrl(FEED_URL),
      author: site.organisation ?? site.serviceName,
      renderHtml: render,
    });
  });
}
