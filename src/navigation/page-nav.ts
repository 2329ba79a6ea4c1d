// Per-page navigation, read off the prebuilt tree: cost is the page's depth plus its
// section's top two levels, independent of the number of pages in the site.
import type { NavTree } from "./tree.js";
import type { Link, NavNode } from "./types.js";

/** Section root is depth 1; its children and grandchildren are listed. */
const MAX_SHOWN_DEPTH = 3;

export interface SideNavItem {
  href: string;
  text: string;
  active: boolean;
}
/** Parameters for MoJ's side navigation: flat items, or headed sections when the section has sub-groups. */
export interface SideNavigation {
  label: string;
  items?: SideNavItem[];
  sections?: { heading: { text: string; headingLevel: number }; items: SideNavItem[] }[];
}
export interface PageNavigation {
  /** Shared by a page's siblings (frozen) unless the page is in its own trail. */
  breadcrumbs: readonly (Link | { text: string })[];
  /** Title of the section the page is in (shown with search results). */
  section?: string;
  sideNavigation?: SideNavigation;
  previous?: Link;
  next?: Link;
}

export function navigationFor(tree: NavTree, url: string): PageNavigation {
  const node = tree.byUrl.get(url);
  if (!node) return { breadcrumbs: [] };
  return {
    breadcrumbs: breadcrumbs(node),
    section: node.section?.page.title,
    sideNavigation: node.section ? sideNavigation(node.section, node) : undefined,
    ...neighbours(tree, node),
  };
}

/** The links to a node and its ancestors: one frozen list for every child of that node. */
const trails = new WeakMap<NavNode, readonly Link[]>();
const NO_TRAIL: readonly Link[] = Object.freeze([]);

function breadcrumbs(node: NavNode): readonly (Link | { text: string })[] {
  const trail = node.parent ? trailTo(node.parent) : NO_TRAIL;
  // Shared by the page's siblings, so its render can be kept (src/layouts/register.ts).
  return node.page.includeInBreadcrumbs ? [...trail, { text: node.page.title }] : trail;
}

function trailTo(node: NavNode): readonly Link[] {
  let trail = trails.get(node);
  if (!trail) {
    trail = Object.freeze([...(node.parent ? trailTo(node.parent) : NO_TRAIL), link(node)]);
    trails.set(node, trail);
  }
  return trail;
}

/**
 * Each side navigation's parameters with no item current, shared by every page of its section
 * (see plainSideNavigation).
 */
const plainOf = new WeakMap<SideNavigation, SideNavigation>();
const plainBySection = new WeakMap<NavNode, SideNavigation>();

/**
 * The same parameters with no item current, one object for every page of a section, so that
 * what is rendered from it can be kept once per section (src/layouts/side-navigation.ts).
 * Undefined for parameters a template built itself.
 */
export const plainSideNavigation = (nav: SideNavigation): SideNavigation | undefined =>
  plainOf.get(nav);

function sideNavigation(section: NavNode, current: NavNode): SideNavigation {
  // Pages nested deeper than the side navigation shows are represented by their nearest shown ancestor.
  let shown: NavNode | undefined = current;
  while (shown && shown.depth > MAX_SHOWN_DEPTH) shown = shown.parent;
  let plain = plainBySection.get(section);
  if (!plain) plainBySection.set(section, (plain = sideNavigationItems(section, undefined)));
  const nav = sideNavigationItems(section, shown);
  plainOf.set(nav, plain);
  return nav;
}

function sideNavigationItems(section: NavNode, shown: NavNode | undefined): SideNavigation {
  const item = (n: NavNode): SideNavItem => ({
    href: n.page.url,
    text: n.page.title,
    active: n === shown,
  });
  const leaves = section.children.filter((c) => c.children.length === 0);
  const groups = section.children.filter((c) => c.children.length > 0);
  const top = [item(section), ...leaves.map(item)];
  if (groups.length === 0) return { label: section.page.title, items: top };
  const heading = (text: string) => ({ text, headingLevel: 2 });
  return {
    label: section.page.title,
    sections: [
      { heading: heading(section.page.title), items: top },
      ...groups.map((g) => ({
        heading: heading(g.page.title),
        items: [item(g), ...g.children.map(item)],
      })),
    ],
  };
}

function neighbours(tree: NavTree, node: NavNode): { previous?: Link; next?: Link } {
  const order = node.section ? tree.sectionOrder.get(node.section) : undefined;
  if (!order || node.sectionIndex < 0) return {};
  const prev = order[node.sectionIndex - 1];
  const next = order[node.sectionIndex + 1];
  return { previous: prev && link(prev), next: next && link(next) };
}

function link(n: NavNode): Link {
  return { text: n.page.title, href: n.page.url };
}
