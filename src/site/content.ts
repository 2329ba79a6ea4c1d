// Wires pages, Markdown, Nunjucks and navigation into Eleventy.
import type { UserConfig } from "@11ty/eleventy";
import { parseFrontmatter } from "../frontmatter/parse.js";
import { ENGINE_LAYOUTS, LAYOUTS } from "../frontmatter/schema.js";
import type { MarkdownIt } from "markdown-it";
import { createMarkdown } from "../markdown/index.js";
import type { RenderComponent } from "../markdown/components.js";
import { componentRenderer, createNunjucks } from "../templates/environment.js";
import { navigationFor, type PageNavigation } from "../navigation/page-nav.js";
import { footerLinks, serviceNavigation } from "../navigation/service.js";
import { yamlDataParser } from "../data/data-files.js";
import { hasSettingsFile } from "../settings/load.js";
import type { Project } from "./project.js";

export function registerContent(
  config: UserConfig,
  project: Project,
): { md: MarkdownIt; renderComponent: RenderComponent } {
  const { registry, settings } = project;
  config.setFrontMatterParsingOptions({ engines: { yaml: parseFrontmatter } });
  config.addDataExtension("yml,yaml", { parser: yamlDataParser(process.cwd()) });
  // site.yml is loaded (and validated) as data; defaults only stand in when there is none,
  // since Eleventy would merge both and repeat every list.
  if (!hasSettingsFile(project.dataDir)) config.addGlobalData("site", settings);
  config.addGlobalData("layout", "page");
  // Runs for every page (even those excluded from collections) before anything renders.
  config.addGlobalData(
    "eleventyDataSchema",
    () => (data: Parameters<typeof registry.record>[0]) => {
      registry.record(data);
    },
  );
  config.on("eleventy.before", () => {
    registry.reset();
    registry.problems.setLevels(settings.checks);
  });

  const nunjucks = createNunjucks(project.includesDir);
  config.setLibrary("njk", nunjucks);
  for (const layout of [...LAYOUTS, ...ENGINE_LAYOUTS]) {
    config.addLayoutAlias(layout, `layouts/${layout}.njk`);
  }

  const renderComponent = componentRenderer(nunjucks);
  const md = createMarkdown({
    renderComponent,
    links: {
      inputDir: project.inputDir,
      urlForSource: (file) => registry.pageAtPath(file)?.url,
      report: (problem) => registry.problems.add(problem),
      displayPath: (inputPath) => registry.displayPath(inputPath),
    },
    // SITE_CHECKS=off exists only so the benchmark can measure what the checks cost.
    checks:
      process.env.SITE_CHECKS === "off"
        ? undefined
        : {
            report: (problem) => registry.problems.add(problem),
            recordLinks: (inputPath, links) => registry.sourceLinks.set(inputPath, links),
            displayPath: (inputPath) => registry.displayPath(inputPath),
          },
  });
  // The first page to render builds the navigation tree, from every page's data.
  const render = md.render.bind(md);
  md.render = (src, env) => {
    registry.finalize();
    return render(src, env);
  };
  config.setLibrary("md", md);

  const navCache = new Map<string, PageNavigation>();
  config.on("eleventy.before", () => navCache.clear());
  config.addNunjucksGlobal("pageNavigation", (url: string) => {
    let nav = navCache.get(url);
    if (!nav) navCache.set(url, (nav = navigationFor(registry.finalize(), url)));
    return nav;
  });
  config.addNunjucksGlobal("serviceNavigation", serviceNavigation);
  config.addNunjucksGlobal("footerLinks", footerLinks);
  config.addNunjucksGlobal("component", renderComponent);

  // Site-wide furniture (footer, service navigation) is the same on every page of a section:
  // render each variant once per build, not once per page.
  const furniture = new Map<string, string>();
  config.on("eleventy.before", () => furniture.clear());
  config.addNunjucksGlobal(
    "renderOnce",
    (
      key: string,
      name: "serviceNavigation" | "footer" | "phaseBanner",
      params: Record<string, unknown>,
    ) => {
      let html = furniture.get(key);
      if (html === undefined) furniture.set(key, (html = renderComponent(name, params)));
      return html;
    },
  );
  return { md, renderComponent };
}
