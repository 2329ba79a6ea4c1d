// What the engine knows about each page, gathered once per build before anything renders.
import type { PageReview } from "../review/page-review.js";
export interface PageRecord {
  /** Eleventy input path, e.g. ./content/guide/index.md */
  inputPath: string;
  /** Path shown to contributors, relative to the project, e.g. content/guide/index.md */
  file: string;
  url: string;
  title: string;
  layout?: string;
  /** Navigation key: eleventyNavigation.key, else the title. */
  key: string;
  explicitKey: boolean;
  parentKey?: string;
  order?: number;
  includeInBreadcrumbs: boolean;
  /** Built and linkable, but not listed in navigation. */
  hidden?: boolean;
  review?: PageReview;
  oldPaths: string[];
  preventIndexing: boolean;
  /** Frontmatter last_updated, if given (YYYY-MM-DD). */
  lastUpdated?: string;
  /** Line of a frontmatter field, for located messages. */
  lineOf(field: string): number | undefined;
}

export interface NavNode {
  page: PageRecord;
  parent?: NavNode;
  children: NavNode[];
  depth: number;
  /** Position in its section's reading order, for previous/next. */
  sectionIndex: number;
  section?: NavNode;
}

export interface Link {
  text: string;
  href: string;
}
