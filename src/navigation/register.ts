// Navigation for templates: the tree is built once per build; each page's side navigation,
// breadcrumbs and previous/next are lookups in it.
import type { UserConfig } from "@11ty/eleventy";
import { navigationFor, type PageNavigation } from "./page-nav.js";
import { footerLinks, serviceNavigation } from "./service.js";
import type { NavTree } from "./tree.js";

export function registerNavigation(config: UserConfig, registry: { finalize(): NavTree }): void {
  // A page's layouts may ask more than once while it renders; only the latest page's is kept
  // (kept for every page, the build held all their navigation until its end: 12 MB at 4,000).
  let last: { tree: NavTree; url: string; nav: PageNavigation } | undefined;
  config.addNunjucksGlobal("pageNavigation", (url: string) => {
    const tree = registry.finalize();
    if (last?.url !== url || last.tree !== tree)
      last = { tree, url, nav: navigationFor(tree, url) };
    return last.nav;
  });
  config.addNunjucksGlobal("serviceNavigation", serviceNavigation);
  config.addNunjucksGlobal("footerLinks", footerLinks);
}
