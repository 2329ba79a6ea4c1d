// The build's single view of all pages. Eleventy calls `record` for every page (through the
// data-schema hook, which also sees pages excluded from collections) before any page renders;
// the first render then calls `finalize`, which builds the navigation tree once. Problems are
// collected, not thrown, so the end of the build can report every one of them together.
import path from "node:path";
import { FRONTMATTER_META, type FrontmatterMeta } from "../frontmatter/parse.js";
import { ENGINE_FRONTMATTER, type FrontmatterRules } from "../frontmatter/schema.js";
import { zodProblems } from "../yaml/validate.js";
import { ProblemCollector } from "../problems/collector.js";
import { buildTree, byFile, type NavTree } from "../navigation/tree.js";
import type { PageRecord } from "../navigation/types.js";
import { pageReview, type ReviewFields } from "../review/page-review.js";
import { toIsoDate } from "../dates/dates.js";

/** A link or image written in a page's Markdown, with its line. */
export interface SourceLink {
  href: string;
  line: number;
}

interface EleventyPageData {
  page: { inputPath: string; url: string | false };
  title?: unknown;
  eleventyNavigation?: { key?: string; parent?: string; order?: number };
  includeInBreadcrumbs?: boolean;
  site?: { ownerSlack?: string };
  old_paths?: unknown;
  prevent_indexing?: unknown;
  hideInNavigation?: unknown;
  last_updated?: unknown;
  [FRONTMATTER_META]?: FrontmatterMeta;
  [key: string]: unknown;
}

export class PageRegistry {
  readonly problems = new ProblemCollector();
  private pages = new Map<string, PageRecord>();
  private tree?: NavTree;
  private byResolvedPath?: Map<string, PageRecord>;
  private sorted?: PageRecord[];
  /** Each page's Markdown links with their lines, recorded as pages render. */
  readonly sourceLinks = new Map<string, SourceLink[]>();
  private readonly displayPaths = new Map<string, string>();

  constructor(
    private readonly projectRoot: string,
    private readonly frontmatter: FrontmatterRules = ENGINE_FRONTMATTER,
  ) {}

  reset(): void {
    this.pages.clear();
    this.problems.clear();
    this.tree = undefined;
    this.byResolvedPath = undefined;
    this.sorted = undefined;
    this.sourceLinks.clear();
  }

  /** Whether a page's frontmatter now gives other navigation facts than this build recorded. */
  navigationChanged(inputPath: string, data: Record<string, unknown>): boolean {
    const record = this.pages.get(inputPath);
    if (!record) return true;
    const now = navigationFacts(data as EleventyPageData, inputPath);
    return (Object.keys(now) as (keyof typeof now)[]).some((k) => now[k] !== record[k]);
  }

  /** Called once per page, before rendering. Only Markdown pages written by people are checked. */
  record(data: EleventyPageData): void {
    const { inputPath, url } = data.page;
    if (url === false) return;
    const file = this.displayPath(inputPath);
    const meta = data[FRONTMATTER_META];
    const lineOf = (field: string): number | undefined => meta?.lineOf(field);
    if (!inputPath.endsWith(".md")) {
      // A template page (a site's own .njk or .html) is its maintainers' code, not checked
      // like Markdown; but a layout that does not exist would drop the page's furniture.
      this.unknownLayout(meta, file, lineOf);
      return;
    }
    if (meta?.error) {
      this.problems.add({
        file,
        line: meta.error.line,
        kind: "frontmatter-yaml",
        severity: "error",
        message: `the frontmatter (between the --- lines) is not valid YAML: ${meta.error.message}`,
        hint:
          meta.error.hint ?? "check the indentation, and put text that contains a colon in quotes",
      });
    } else this.validate(data, meta, file, lineOf);

    const { title, key, parentKey, order, hidden } = navigationFacts(data, inputPath);
    const { review, problems } = pageReview(data as ReviewFields, data.site?.ownerSlack, {
      file,
      lineOf,
    });
    for (const problem of problems) this.problems.add(problem);
    const lastUpdated = data.last_updated === undefined ? undefined : toIsoDate(data.last_updated);
    if (data.last_updated !== undefined && !lastUpdated) {
      this.problems.add({
        file,
        line: lineOf("last_updated"),
        kind: "frontmatter",
        message: `"last_updated": "${String(data.last_updated)}" is not a real date`,
        hint: "write it as YYYY-MM-DD",
      });
    }
    this.sorted = undefined;
    this.pages.set(inputPath, {
      inputPath,
      file,
      url,
      title,
      layout: typeof data.layout === "string" ? data.layout : undefined,
      key,
      explicitKey: Boolean(data.eleventyNavigation?.key),
      parentKey,
      order,
      includeInBreadcrumbs: data.includeInBreadcrumbs === true,
      review,
      oldPaths: Array.isArray(data.old_paths)
        ? data.old_paths.filter((p): p is string => typeof p === "string")
        : [],
      preventIndexing: data.prevent_indexing === true,
      hidden,
      lastUpdated,
      lineOf,
    });
  }

  /** Builds the navigation tree on first use; later calls are free. */
  finalize(): NavTree {
    if (!this.tree) {
      this.tree = buildTree(this.all);
      for (const problem of this.tree.problems) this.problems.add(problem);
      // Eleventy stops at duplicate URLs before the end-of-build report: report everything now.
      if (this.tree.problems.some((p) => p.kind === "duplicate-url")) this.problems.throwIfErrors();
    }
    return this.tree;
  }

  /** Page whose source file is at `absolutePath`, for resolving links written as .md paths. */
  pageAtPath(absolutePath: string): PageRecord | undefined {
    if (!this.byResolvedPath) {
      this.byResolvedPath = new Map(
        this.all.map((p) => [path.resolve(this.projectRoot, p.inputPath), p]),
      );
    }
    return this.byResolvedPath.get(absolutePath);
  }

  /** URL of the first page using `layout` (e.g. the timeline page, for its feed). */
  urlForLayout(layout: string): string | undefined {
    for (const page of this.all) if (page.layout === layout) return page.url;
    return undefined;
  }

  page(inputPath: string): PageRecord | undefined {
    return this.pages.get(inputPath);
  }

  /**
   * Every page, in the order of their files' names rather than the order Eleventy happened to
   * read them, so whatever is built or reported from the list is the same on every build.
   */
  get all(): PageRecord[] {
    return (this.sorted ??= [...this.pages.values()].sort(byFile));
  }

  /** Called for every link and problem, so memoised: path arithmetic was visible in profiles. */
  displayPath(inputPath: string): string {
    let shown = this.displayPaths.get(inputPath);
    if (shown === undefined) {
      shown =
        path.relative(this.projectRoot, path.resolve(this.projectRoot, inputPath)) || inputPath;
      this.displayPaths.set(inputPath, shown);
    }
    return shown;
  }

  private unknownLayout(
    meta: FrontmatterMeta | undefined,
    file: string,
    lineOf: (field: string) => number | undefined,
  ): void {
    const unknown = meta?.unknownLayout;
    if (!unknown) return;
    this.problems.add({
      file,
      line: lineOf("layout"),
      kind: "frontmatter",
      message: `"layout": "${String(unknown.name)}" is not a layout; use one of: ${unknown.known.join(", ")}`,
      hint: "a site can add its own layouts in its _includes/layouts folder",
    });
  }

  private validate(
    data: EleventyPageData,
    meta: FrontmatterMeta | undefined,
    file: string,
    lineOf: (field: string) => number | undefined,
  ): void {
    const own = Object.fromEntries((meta?.keys ?? []).map((k) => [k, data[k]]));
    this.unknownLayout(meta, file, lineOf);
    if (meta?.badEncodingLine) {
      this.problems.add({
        file,
        line: meta.badEncodingLine,
        kind: "mojibake",
        message: "the frontmatter has characters that are not UTF-8, shown as �",
        hint: "retype the characters, and save the file as UTF-8",
      });
    }
    if (meta && "invalidDate" in meta && meta.invalidDate !== undefined) {
      this.problems.add({
        file,
        line: lineOf("date"),
        kind: "frontmatter",
        message: `"date": "${String(meta.invalidDate)}" is not a date`,
        hint: "write it as YYYY-MM-DD, for example 2024-03-15",
      });
    }
    const result = this.frontmatter.schema.safeParse(own);
    if (result.success) return;
    for (const problem of zodProblems(result.error, {
      file,
      kind: "frontmatter",
      lineFor: (p) => lineOf(p.map(String).join(".")) ?? (p.length ? undefined : 1),
      knownFields: Object.keys(
        (this.frontmatter.schema as unknown as { shape?: object }).shape ?? {},
      ),
      unknownFields: this.frontmatter.unknownFields,
    }))
      this.problems.add(problem);
  }
}

/** What other pages show of a page: its title and its place in the navigation. */
function navigationFacts(data: EleventyPageData, inputPath: string) {
  const title = typeof data.title === "string" ? data.title : path.basename(inputPath, ".md");
  const nav = data.eleventyNavigation;
  return {
    title,
    key: nav?.key ?? title,
    parentKey: nav?.parent,
    order: nav?.order,
    hidden: data.hideInNavigation === true,
  };
}
