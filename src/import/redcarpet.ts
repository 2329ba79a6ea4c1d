// What tech-docs' Markdown renderer (Redcarpet) reads differently from markdown-it, and the
// heading ids tech-docs gives. The importer normalises the first, so every heading, table and
// list renders as it did, and keeps the second, so every old #anchor still lands.
import MarkdownIt from "markdown-it";
import { slug as githubSlug } from "github-slugger";

export interface Normalised {
  markdown: string;
  /** What was changed, at its line in the original text. */
  changes: { line: number; what: string }[];
}

const FENCE = /^\s{0,3}(`{3,}|~{3,})/;
const ONE_LINE_HTML =
  /^\s{0,3}<([a-zA-Z][\w-]*)\b[^>]*>.*<\/\1>\s*$|^\s{0,3}<[a-zA-Z][\w-]*\b[^>]*\/?>\s*$/;
const TABLE_ROW = /^\s{0,3}\|/;
const SEPARATOR = /^\s{0,3}\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$/;

/** Calls `visit` for each line outside fenced code and HTML comments, with its 0-based index. */
function eachTextLine(lines: string[], visit: (i: number) => void): void {
  let fence: string | undefined;
  let comment = false;
  for (let i = 0; i < lines.length; i++) {
    if (!fence && (comment || /^\s{0,3}<!--/.test(lines[i]!))) {
      comment = !lines[i]!.includes("-->");
      continue;
    }
    const m = FENCE.exec(lines[i]!);
    if (fence) {
      if (m && m[1]!.startsWith(fence)) fence = undefined;
      continue;
    }
    if (m) {
      fence = m[1]!;
      continue;
    }
    visit(i);
  }
}

/** `<object type="image/svg+xml" data="x.svg"></object>`: an SVG shown as a document. */
const SVG_OBJECT =
  /<object\b(?=[^>]*\btype=["']image\/svg\+xml["'])[^>]*\bdata=["']([^"']+)["'][^>]*>\s*<\/object>/gi;

const cells = (row: string) => row.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").length;

export function normaliseRedcarpet(markdown: string): Normalised {
  const lines = markdown.split("\n");
  const changes: Normalised["changes"] = [];
  const insertBlankBefore = new Set<number>();
  eachTextLine(lines, (i) => {
    const line = lines[i]!;
    let m: RegExpExecArray | null;
    if ((m = /^(#{1,6})[\u00a0\t ]*\u00a0[\u00a0\t ]*(?=\S)/.exec(line))) {
      lines[i] = `${m[1]} ${line.slice(m[0].length)}`;
      changes.push({ line: i + 1, what: "a heading with a non-breaking space after its #" });
    } else if ((m = /^(#{1,6})(?=[^#\s])/.exec(line))) {
      lines[i] = `${m[1]} ${line.slice(m[0].length)}`;
      changes.push({ line: i + 1, what: `a heading with no space after its ${m[1]}` });
    }
    // An SVG in <object> runs any script inside it, so this site's policy refuses it (and the
    // browser would not show it); as an image it shows the same and runs nothing.
    const asImage = line.replace(SVG_OBJECT, '<img src="$1" alt="">');
    if (asImage !== line) {
      lines[i] = asImage;
      changes.push({
        line: i + 1,
        what: "an SVG shown with <object> is shown with <img> (describe it in alt if it carries information)",
      });
    }
    const next = lines[i + 1];
    if (next !== undefined && ONE_LINE_HTML.test(line) && TABLE_ROW.test(next)) {
      insertBlankBefore.add(i + 1);
      changes.push({
        line: i + 2,
        what: "a table directly under a line of HTML (a blank line was added)",
      });
    }
    if (
      TABLE_ROW.test(line) &&
      next !== undefined &&
      SEPARATOR.test(next) &&
      next.includes("|") &&
      cells(next) > cells(line) &&
      !(i > 0 && TABLE_ROW.test(lines[i - 1]!))
    ) {
      const keep = cells(line);
      const parts = next.trim().replace(/^\|/, "").replace(/\|$/, "").split("|").slice(0, keep);
      lines[i + 1] = `|${parts.join("|")}|`;
      changes.push({
        line: i + 2,
        what: "a table whose separator row had more cells than its header",
      });
    }
  });
  const out: string[] = [];
  lines.forEach((line, i) => {
    if (insertBlankBefore.has(i)) out.push("");
    out.push(line);
  });
  return { markdown: out.join("\n"), changes };
}

const inline = new MarkdownIt({ html: true });

/** tech-docs' UniqueIdentifierGenerator: one per rendered Markdown document. */
export class TechDocsIds {
  private anchors: { id: string; level: number }[] = [];

  /** The id tech-docs gives a heading whose Markdown text is `text`. */
  create(text: string, level: number): string {
    let anchor = techDocsSlug(text);
    if (!this.unique(anchor)) {
      const parent = [...this.anchors].reverse().find((a) => a.level < level);
      if (parent) anchor = `${parent.id}-${anchor}`;
    }
    if (!this.unique(anchor)) {
      let n = 2;
      while (!this.unique(`${anchor}-${n}`)) n++;
      anchor = `${anchor}-${n}`;
    }
    this.anchors.push({ id: anchor, level });
    return anchor;
  }

  private unique(id: string): boolean {
    return !this.anchors.some((a) => a.id === id);
  }
}

/** Redcarpet's slug of the heading's rendered HTML (escaped, so ' is &#39; and & is &amp;). */
export function techDocsSlug(markdownText: string): string {
  const html = inline.renderInline(markdownText).replace(/'/g, "&#39;");
  return html
    .toLowerCase()
    .trim()
    .replace(/<\/?[^>]+?>/g, "")
    .replace(/[^0-9a-z]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)(?:\s+#+)?\s*$/;
const MARKER = /\s\{#([^}\s]+)\}\s*$/;

/** Gives every ATX heading of one rendered document the id tech-docs gives it: `## A {#id}`. */
export function markTechDocsIds(markdown: string): string {
  const lines = markdown.split("\n");
  const ids = new TechDocsIds();
  eachTextLine(lines, (i) => {
    const m = ATX.exec(lines[i]!);
    if (!m || MARKER.test(lines[i]!)) return;
    lines[i] = `${m[1]} ${m[2]} {#${ids.create(m[2]!, m[1]!.length)}}`;
  });
  return lines.join("\n");
}

/**
 * Keeps an explicit id only where this engine's own id would differ (so most headings stay
 * plain Markdown), and drops an id a page already used (the old site had it twice; only the
 * first could ever be reached). Mirrors markdown-it-anchor: h2–h6, GitHub slugs, -1, -2….
 */
export function settleIds(markdown: string): {
  markdown: string;
  kept: number;
  duplicates: string[];
} {
  const lines = markdown.split("\n");
  const used = new Set<string>();
  const duplicates: string[] = [];
  let kept = 0;
  eachTextLine(lines, (i) => {
    const line = lines[i]!;
    const marker = MARKER.exec(line);
    const m = ATX.exec(marker ? line.slice(0, marker.index) : line);
    if (!m) return;
    const level = m[1]!.length;
    const wanted = marker?.[1];
    if (wanted && used.has(wanted)) {
      duplicates.push(wanted);
      lines[i] = line.slice(0, marker!.index);
      if (level === 1) return;
    } else if (wanted) {
      const natural = level === 1 ? undefined : uniqueSlug(githubSlug(plainText(m[2]!)), used);
      if (natural === wanted) lines[i] = line.slice(0, marker!.index);
      else kept++;
      used.add(wanted);
      return;
    }
    if (level > 1) used.add(uniqueSlug(githubSlug(plainText(m[2]!)), used));
  });
  return { markdown: lines.join("\n"), kept, duplicates };
}

/** markdown-it-anchor's numbering: slug, slug-1, slug-2… */
function uniqueSlug(slug: string, used: Set<string>): string {
  let candidate = slug;
  for (let n = 1; used.has(candidate); n++) candidate = `${slug}-${n}`;
  return candidate;
}

/** The heading text markdown-it-anchor slugs: text and inline code, without markup. */
function plainText(markdownText: string): string {
  const tokens = inline.parseInline(markdownText, {})[0]?.children ?? [];
  return tokens
    .filter((t) => t.type === "text" || t.type === "code_inline")
    .map((t) => t.content)
    .join("");
}
