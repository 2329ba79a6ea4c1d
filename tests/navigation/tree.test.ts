import { describe, expect, it } from "vitest";
import { buildTree } from "../../src/navigation/tree.js";
import { navigationFor } from "../../src/navigation/page-nav.js";
import type { PageRecord } from "../../src/navigation/types.js";

function page(inputPath: string, url: string, extra: Partial<PageRecord> = {}): PageRecord {
  const title = extra.title ?? url;
  return {
    inputPath,
    file: inputPath.replace("./", ""),
    url,
    title,
    key: extra.key ?? title,
    explicitKey: Boolean(extra.key),
    includeInBreadcrumbs: false,
    oldPaths: [],
    preventIndexing: false,
    lineOf: (field) => ({ "eleventyNavigation.parent": 7, "eleventyNavigation.key": 6 })[field],
    ...extra,
  };
}

const site = [
  page("./c/index.md", "/", { title: "Home" }),
  page("./c/guide/index.md", "/guide/", { title: "Guide" }),
  page("./c/guide/b.md", "/guide/b/", { title: "B", order: 2 }),
  page("./c/guide/a.md", "/guide/a/", { title: "A", order: 1 }),
  page("./c/guide/z.md", "/guide/z/", { title: "Alpha without order" }),
  page("./c/guide/sub/index.md", "/guide/sub/", { title: "Sub" }),
  page("./c/guide/sub/leaf.md", "/guide/sub/leaf/", { title: "Leaf" }),
  page("./c/about.md", "/about/", { title: "About" }),
  page("./c/timeline.md", "/timeline/", { title: "Timeline", parentKey: "About" }),
];

describe("navigation tree", () => {
  const tree = buildTree(site);

  it("has no problems for a good site", () => {
    expect(tree.problems).toEqual([]);
  });

  it("takes parents from folders, and from frontmatter keys or titles", () => {
    expect(tree.byUrl.get("/guide/a/")!.parent!.page.url).toBe("/guide/");
    expect(tree.byUrl.get("/guide/sub/")!.parent!.page.url).toBe("/guide/");
    expect(tree.byUrl.get("/guide/sub/leaf/")!.parent!.page.url).toBe("/guide/sub/");
    expect(tree.byUrl.get("/timeline/")!.parent!.page.url).toBe("/about/");
  });

  it("orders siblings by order, then title", () => {
    expect(tree.byUrl.get("/guide/")!.children.map((c) => c.page.title)).toEqual([
      "A",
      "B",
      "Alpha without order",
      "Sub",
    ]);
  });

  it("orders siblings that share a title by address, whatever order they come in", () => {
    const twins = buildTree([
      page("./c/index.md", "/", { title: "Home" }),
      page("./c/b.md", "/b/", { title: "Same", key: "b" }),
      page("./c/a.md", "/a/", { title: "Same", key: "a" }),
    ]);
    expect(twins.problems).toEqual([]);
    expect(twins.byUrl.get("/")!.children.map((c) => c.page.url)).toEqual(["/a/", "/b/"]);
  });

  it("gives breadcrumbs and reading-order neighbours", () => {
    const nav = navigationFor(tree, "/guide/sub/leaf/");
    expect(nav.breadcrumbs).toEqual([
      { text: "Home", href: "/" },
      { text: "Guide", href: "/guide/" },
      { text: "Sub", href: "/guide/sub/" },
    ]);
    expect(nav.previous).toEqual({ text: "Sub", href: "/guide/sub/" });
    expect(nav.next).toBeUndefined();
    expect(navigationFor(tree, "/guide/").previous).toBeUndefined();
    expect(navigationFor(tree, "/guide/").next).toEqual({ text: "A", href: "/guide/a/" });
  });

  it("gives siblings one shared trail, and a page in its own trail a list of its own", () => {
    const a = navigationFor(tree, "/guide/a/").breadcrumbs;
    expect(navigationFor(tree, "/guide/b/").breadcrumbs).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    const own = buildTree([
      ...site,
      page("./c/guide/own.md", "/guide/own/", { title: "Own", includeInBreadcrumbs: true }),
    ]);
    const trail = navigationFor(own, "/guide/own/").breadcrumbs;
    expect(trail).toEqual([...a, { text: "Own" }]);
    expect(navigationFor(own, "/guide/a/").breadcrumbs).toEqual(a);
  });

  it("marks the shown ancestor when a page is deeper than the side navigation", () => {
    const deep = buildTree([
      ...site,
      page("./c/guide/sub/more/index.md", "/guide/sub/more/", { title: "More" }),
      page("./c/guide/sub/more/x.md", "/guide/sub/more/x/", { title: "X" }),
    ]);
    const side = navigationFor(deep, "/guide/sub/more/x/").sideNavigation!;
    const active = side.sections!.flatMap((s) => s.items).filter((i) => i.active);
    expect(active.map((i) => i.href)).toEqual(["/guide/sub/more/"]);
  });

  it("reports unknown parents, duplicate keys, duplicate URLs and loops with lines", () => {
    const bad = buildTree([
      page("./c/index.md", "/", { title: "Home" }),
      page("./c/x.md", "/x/", { title: "X", parentKey: "Missing" }),
      page("./c/k1.md", "/k1/", { title: "K1", key: "k" }),
      page("./c/k2.md", "/k2/", { title: "K2", key: "k" }),
      page("./c/u.md", "/k1/", { title: "U" }),
      page("./c/p.md", "/p/", { title: "P", key: "p", parentKey: "q" }),
      page("./c/q.md", "/q/", { title: "Q", key: "q", parentKey: "p" }),
    ]);
    const found = bad.problems.map((p) => `${p.file}:${p.line ?? "-"} ${p.kind}`).sort();
    expect(found).toEqual([
      "c/k2.md:6 nav-duplicate-key",
      "c/p.md:7 nav-cycle", // one report per loop
      "c/u.md:- duplicate-url",
      "c/x.md:7 nav-parent",
    ]);
  });

  it("names the same file in a clash whatever order Eleventy reads the pages in", () => {
    const one = page("./c/dup-one.md", "/dup-one/", { title: "One", key: "same" });
    const two = page("./c/dup-two.md", "/dup-one/", { title: "Two", key: "same" });
    for (const order of [
      [one, two],
      [two, one],
    ]) {
      const messages = buildTree(order).problems.map((p) => `${p.file}: ${p.message}`);
      expect(messages).toEqual([
        "c/dup-two.md: this page and c/dup-one.md would both be published at /dup-one/",
        'c/dup-two.md: navigation key "same" is already used by c/dup-one.md',
      ]);
    }
  });
});
