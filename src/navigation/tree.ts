// Builds the navigation tree once per build from every page's record. Everything a layout
// later asks for (side navigation, breadcrumbs, previous/next) is then a lookup, so per-page
// cost depends on the page's depth and siblings, never on the size of the site.
import path from "node:path";
import type { Problem } from "../problems/problem.js";
import type { NavNode, PageRecord } from "./types.js";

export interface NavTree {
  root?: NavNode;
  byUrl: Map<string, NavNode>;
  /** Reading order of each section (a child of the root and everything below it). */
  sectionOrder: Map<NavNode, NavNode[]>;
  problems: Problem[];
}

/** Pages in the order of their files' names: the order every report of a clash follows. */
export const byFile = (a: PageRecord, b: PageRecord): number =>
  a.file < b.file ? -1 : a.file > b.file ? 1 : 0;

export function buildTree(pages: PageRecord[]): NavTree {
  const problems: Problem[] = [];
  // Pages arrive in the order Eleventy happened to read them; sorted by file, the page named
  // first in a clash (and so which file each message names) is the same on every build.
  const nodes = [...pages]
    .sort(byFile)
    .map<NavNode>((page) => ({ page, children: [], depth: 0, sectionIndex: 0 }));
  const byUrl = new Map<string, NavNode>();
  for (const node of nodes) {
    const clash = byUrl.get(node.page.url);
    if (clash) {
      problems.push({
        file: node.page.file,
        line: node.page.lineOf("permalink"),
        kind: "duplicate-url",
        severity: "error",
        message: `this page and ${clash.page.file} would both be published at ${node.page.url}`,
        hint: "give one of them a different file name or permalink",
      });
    } else byUrl.set(node.page.url, node);
  }

  const byKey = indexByKey(nodes, problems);
  const byFolderIndex = new Map<string, NavNode>();
  for (const node of nodes) {
    if (isIndex(node.page.inputPath))
      byFolderIndex.set(path.posix.dirname(node.page.inputPath), node);
  }
  const root = byUrl.get("/");

  for (const node of nodes) {
    const parent = node.page.parentKey
      ? resolveParent(node, byKey, problems)
      : folderParent(node, byFolderIndex);
    if (parent && parent !== node) {
      node.parent = parent;
      // A hidden page keeps its parent (for breadcrumbs) but is not listed among its children.
      if (!node.page.hidden) parent.children.push(node);
    }
  }
  reportCycles(nodes, problems);

  const sectionOrder = new Map<NavNode, NavNode[]>();
  for (const node of nodes) node.children.sort(bySiblingOrder);
  if (root) {
    root.children.forEach((section) => {
      const order: NavNode[] = [];
      walk(section, 1, section, order);
      sectionOrder.set(section, order);
    });
    // Hidden pages are in no reading order, but show their parent's section around them.
    for (const node of nodes) {
      if (node.page.hidden && node.parent?.section) {
        node.section = node.parent.section;
        node.depth = node.parent.depth + 1;
        node.sectionIndex = -1;
      }
    }
  }
  return { root, byUrl, sectionOrder, problems };
}

function indexByKey(nodes: NavNode[], problems: Problem[]): Map<string, NavNode[]> {
  const byKey = new Map<string, NavNode[]>();
  for (const node of nodes) {
    const list = byKey.get(node.page.key) ?? [];
    const explicitClash = list.find((other) => other.page.explicitKey && node.page.explicitKey);
    if (explicitClash) {
      problems.push({
        file: node.page.file,
        line: node.page.lineOf("eleventyNavigation.key"),
        kind: "nav-duplicate-key",
        severity: "error",
        message: `navigation key "${node.page.key}" is already used by ${explicitClash.page.file}`,
        hint: "navigation keys must be unique: change eleventyNavigation.key on one of the pages",
      });
    }
    list.push(node);
    byKey.set(node.page.key, list);
  }
  return byKey;
}

function resolveParent(
  node: NavNode,
  byKey: Map<string, NavNode[]>,
  problems: Problem[],
): NavNode | undefined {
  const key = node.page.parentKey as string;
  const candidates = byKey.get(key) ?? [];
  // An explicit key wins over a title that happens to match.
  const explicit = candidates.filter((c) => c.page.explicitKey);
  const matches = explicit.length ? explicit : candidates;
  if (matches.length === 1) return matches[0];
  problems.push({
    file: node.page.file,
    line: node.page.lineOf("eleventyNavigation.parent"),
    kind: "nav-parent",
    severity: "error",
    message: matches.length
      ? `navigation parent "${key}" is ambiguous: ${matches.map((m) => m.page.file).join(", ")} all have that title`
      : `navigation parent "${key}" does not match any page`,
    hint: matches.length
      ? "give the intended parent an eleventyNavigation.key and use that"
      : "use the eleventyNavigation.key (or the title) of an existing page, or remove the parent to place the page by its folder",
  });
  return undefined;
}

function folderParent(node: NavNode, byFolderIndex: Map<string, NavNode>): NavNode | undefined {
  let dir = path.posix.dirname(node.page.inputPath);
  // A folder's index page belongs to the folder above; other pages belong to their own folder.
  if (isIndex(node.page.inputPath)) dir = path.posix.dirname(dir);
  for (;;) {
    const parent = byFolderIndex.get(dir);
    if (parent && parent !== node) return parent;
    const up = path.posix.dirname(dir);
    if (up === dir || dir === "." || dir === "") return undefined;
    dir = up;
  }
}

function reportCycles(nodes: NavNode[], problems: Problem[]): void {
  for (const node of nodes) {
    const seen = new Set<NavNode>();
    let current: NavNode | undefined = node;
    while (current && !seen.has(current)) {
      seen.add(current);
      current = current.parent;
    }
    if (current === node) {
      problems.push({
        file: node.page.file,
        line: node.page.lineOf("eleventyNavigation.parent"),
        kind: "nav-cycle",
        severity: "error",
        message: `navigation parents form a loop: ${[...seen].map((n) => n.page.key).join(" → ")} → ${node.page.key}`,
        hint: "a page cannot be its own ancestor; change one of the eleventyNavigation.parent values",
      });
      // Break the loop so later walks terminate.
      node.parent?.children.splice(node.parent.children.indexOf(node), 1);
      node.parent = undefined;
    }
  }
}

function walk(node: NavNode, depth: number, section: NavNode, order: NavNode[]): void {
  node.depth = depth;
  node.section = section;
  node.sectionIndex = order.length;
  order.push(node);
  for (const child of node.children) walk(child, depth + 1, section, order);
}

function bySiblingOrder(a: NavNode, b: NavNode): number {
  const ao = a.page.order ?? Number.MAX_SAFE_INTEGER;
  const bo = b.page.order ?? Number.MAX_SAFE_INTEGER;
  // Then by address, so siblings that share a title keep one order from build to build.
  return (
    ao - bo ||
    a.page.title.localeCompare(b.page.title) ||
    (a.page.url < b.page.url ? -1 : a.page.url > b.page.url ? 1 : 0)
  );
}

function isIndex(inputPath: string): boolean {
  return /(^|\/)index\.[^/]+$/.test(inputPath);
}
