// The timeline page's component items and its Atom feed, from content/_data/timeline.yml.
import { existsSync } from "node:fs";
import path from "node:path";
import type { UserConfig } from "@11ty/eleventy";
import type { MarkdownIt } from "markdown-it";
import type { Settings } from "../settings/schema.js";
import type { LocatedMilestone } from "../timeline/load.js";
import { TIMELINE_FILE } from "../timeline/load.js";
import { overduePlans, presentTimeline, today } from "../timeline/present.js";
import { atomFeed } from "../timeline/feed.js";
import type { RenderComponent } from "../markdown/components.js";
import type { Project } from "./project.js";

export const FEED_URL = "/feed.xml";

export function registerTimeline(
  config: UserConfig,
  project: Project,
  md: MarkdownIt,
  renderComponent: RenderComponent,
): void {
  const render = (markdown: string) => md.render(markdown, {});

  config.addNunjucksGlobal("timelineItems", (milestones: LocatedMilestone[] | undefined) => {
    const list = milestones ?? [];
    for (const warning of overduePlans(list, today())) project.registry.problems.add(warning);
    return presentTimeline(list).map((m) => ({
      label: {
        html:
          md.utils.escapeHtml(m.title) +
          (m.planned
            ? ` ${renderComponent("tag", { text: "Planned", classes: "govuk-tag--yellow" })}`
            : ""),
      },
      datetime: { timestamp: m.datetime, format: m.labelFormat },
      html: m.description ? render(m.description) : "",
      attributes: { id: m.id },
    }));
  });

  if (!existsSync(path.join(project.dataDir, TIMELINE_FILE))) return;
  config.addTemplate("engine-feed.njk", "{{ timelineFeed(timeline, site) | safe }}", {
    permalink: FEED_URL,
    layout: false,
    eleventyExcludeFromCollections: true,
  });
  config.addNunjucksGlobal("timelineFeed", (milestones: LocatedMilestone[], site: Settings) => {
    const pageUrl = project.registry.urlForLayout("timeline") ?? "/";
    return atomFeed(presentTimeline(milestones), {
      title: `${site.serviceName}: timeline`,
      pageUrl: project.absoluteUrl(pageUrl),
      feedUrl: project.absoluteUrl(FEED_URL),
      author: site.organisation,
      renderHtml: render,
    });
  });
}
