// Wiring only: each capability registers itself from src/. Read src/site/ to see how.
import path from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlBasePlugin, type UserConfig } from "@11ty/eleventy";
import { resolveProject } from "./src/site/project.js";
import { registerContent } from "./src/site/content.js";
import { registerAssets } from "./src/site/assets.js";
import { registerReporting } from "./src/site/reporting.js";
import { registerTimeline } from "./src/site/timeline.js";
import { registerEnginePages } from "./src/site/pages.js";
import { registerSearch } from "./src/site/search.js";
import { registerPageMeta } from "./src/site/page-meta.js";
import { registerSiteFiles } from "./src/site/site-files.js";

const root = path.dirname(fileURLToPath(import.meta.url));

export default function (config: UserConfig) {
  const project = resolveProject(config, root);
  const { md, renderComponent } = registerContent(config, project);
  registerTimeline(config, project, md, renderComponent);
  registerEnginePages(config, project);
  registerSearch(config, project);
  registerPageMeta(config, project);
  registerSiteFiles(config, project);
  registerAssets(config, project);
  registerReporting(config, project);
  config.addPlugin(HtmlBasePlugin);
  config.setServerOptions({ port: 8080, showAllHosts: false });
  // The content folder is always named explicitly; .gitignore is about the repository.
  config.setUseGitIgnore(false);

  return {
    dir: { includes: project.includesRelative, layouts: project.includesRelative, data: "_data" },
    pathPrefix: project.settings.pathPrefix,
    markdownTemplateEngine: false,
    htmlTemplateEngine: "njk",
    templateFormats: ["md", "njk"],
  };
}
