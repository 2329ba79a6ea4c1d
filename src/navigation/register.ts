// Navigation for templates: the tree is built once per build; each page's side navigation,
// breadcrumbs and previous/next are lookups in it.
import type { UserConfig } from "@11ty/eleventy";
import { navigationFor, type PageNavigation } from "./page-nav.js";
import { footerLinks, serviceNavigation } from "./service.js";
import type { NavTree } from "./tree.js";

export function registerNavigation(config: UserConfig, registry: { finalize(): NavTree }): void {
  const navCache = new Map<string, PageNavigation>();
  config.on("eleventy.before", () => navCache.clear());
  config.addNunjucksGlobal("pageNavigation", (url: string) => {
    let nav = navCache.get(url);
    if (!nav) navCache.set(url, (nav = navigationFor(registry.finalize(), url)));
    return nav;
  });
  config.addNunjucksGlobal("serviceNavigation", serviceNavigation);
  config.addNunjucksGlobal("footerLinks", footerLinks);
}
