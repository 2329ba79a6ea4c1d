// The timeline page's component items and its Atom feed, from content/_data/timeline.yml.
import { existsSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { MarkdownIt } from "markdown-it";
import type { Settings } from "../settings/schema.js";
import type { LocatedMilestone } from "./load.js";
import { TIMELINE_FILE } from "./load.js";
import { overduePlans, presentTimeline } from "./present.js";
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
    for (const warning of overduePlans(list, ctx.today())) ctx.registry.problems.add(warning);
    return presentTimeline(list).map((m) => ({
      label: {
        html:
          md.utils.escapeHtml(m.title) +
          (m.planned
            ? ` ${renderComponent("tag", { text: "Planned", classes: "govuk-tag--yellow" })}`
            : ""),
      },
      datetime: { timestamp: m.datetime, format: m.labelFormat },
      html: m.description ? render(m.description, m.source) : "",
      attributes: { id: m.id },
    }));
  });

  if (!existsSync(path.join(ctx.dataDir, TIMELINE_FILE))) return;
  config.addTemplate("engine-feed.njk", "{{ timelineFeed(timeline, site) | safe }}", {
    permalink: FEED_URL,
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  config.addNunjucksGlobal("timelineFeed", (milestones: LocatedMilestone[], site: Settings) => {
    const pageUrl = ctx.registry.urlForLayout("timeline") ?? "/";
    return atomFeed(presentTimeline(milestones), {
      title: `${site.serviceName}: timeline`,
      pageUrl: ctx.absoluteUrl(pageUrl),
      feedUrl: ctx.absoluteUrl(FEED_URL),
      author: site.organisation ?? site.serviceName,
      renderHtml: render,
    });
  });
}
