// Eleventy stops at the first bad frontmatter with a stack trace. This parser never throws:
// it records the problem (with its line in the file) in the page's data, and the page
// registry reports every bad page together once all pages are read.
//
// Values are read by js-yaml, the parser Eleventy itself reads frontmatter with, in its core
// schema. The positions of fields, needed only when a message must point at one (or at a
// mistake), come from the YAML library that gives every other file's lines, on demand.
import { CORE_SCHEMA, load, YAMLException } from "js-yaml";
import {
  aliasProblem,
  parseYaml,
  TOO_DEEP,
  type ParsedYaml,
  type YamlMistake,
} from "../yaml/yaml.js";
import { isEleventyDate } from "../dates/dates.js";
import { oneByteValues } from "../yaml/one-byte.js";

export const FRONTMATTER_META = "_frontmatter";

/** What the engine keeps about a page's frontmatter, beside its values. */
export class FrontmatterMeta {
  /** A layout name the site does not have, kept for the report (Eleventy would stop at it). */
  unknownLayout?: { name: unknown; known: readonly string[] };
  /** A `date` Eleventy cannot read, kept for the report (Eleventy would stop at it too). */
  invalidDate?: unknown;
  /** Line of the first byte that is not UTF-8 (read as U+FFFD), if any. */
  badEncodingLine?: number;
  private parsed?: ParsedYaml;
  private lines?: Map<string, number>;

  constructor(
    private readonly source: string,
    readonly keys: string[],
    /** Body line 1 is file line 1 + this. */
    readonly bodyLineOffset: number,
    readonly error?: YamlMistake,
  ) {}

  /** 1-based file line of a field ("title", "eleventyNavigation.parent"). */
  lineOf(field: string): number | undefined {
    if (!this.lines) {
      this.parsed ??= parseYaml(this.source);
      this.lines = new Map();
      collectLines(this.parsed.doc.contents, "", this.lines, this.parsed.lineOf);
    }
    return this.lines.get(field);
  }
}

/**
 * The gray-matter engine for a site whose layouts are `layouts()`. `str` is everything after the
 * opening ---, so its line 1 is the file's.
 */
export function frontmatterParser(
  layouts: () => readonly string[],
): (str: string) => Record<string, unknown> {
  return (str) => parseFrontmatter(str, layouts());
}

/** The frontmatter of a Markdown file's text, parsed as a build parses it (none: undefined). */
export function readFrontmatter(source: string): Record<string, unknown> | undefined {
  const block = /^---\r?\n([\s\S]*?)\r?\n---/.exec(source)?.[1];
  // The leading newline keeps line numbers the file's (the opening --- is line 1).
  return block === undefined ? undefined : parseFrontmatter(`\n${block}`);
}

export function parseFrontmatter(
  str: string,
  layouts?: readonly string[],
): Record<string, unknown> {
  // The body starts on the line after the closing ---.
  const bodyLineOffset = countLines(str) + 1;
  const failed = (error: YamlMistake) => ({
    [FRONTMATTER_META]: new FrontmatterMeta(str, [], bodyLineOffset, error),
  });
  let value: unknown;
  try {
    // Core schema: dates stay text (a YAML 1.1 timestamp would turn 2026-02-30 into 2 March).
    // js-yaml reads a page's frontmatter several times faster than yaml, with a tenth of the
    // garbage (see PERFORMANCE.md).
    value = load(str, { schema: CORE_SCHEMA }) ?? {};
  } catch (error) {
    // Only on this rare path: yaml's own errors carry positions and say what is wrong in the
    // same words as a data file's; js-yaml's are kept for text yaml would have accepted.
    return failed(parseYaml(str).errors[0] ?? jsYamlProblem(error));
  }
  // Endless or exploding aliases: yaml reads the text again to say where they are.
  const aliases = aliasProblem(value, str.length);
  if (aliases) return failed(parseYaml(str).errors[0] ?? aliases);
  if (typeof value !== "object" || Array.isArray(value) || value === null)
    return failed({ message: "frontmatter must be a list of `field: value` lines", line: 2 });
  value = oneByteValues(value);
  const data = { ...(value as Record<string, unknown>) };
  const meta = new FrontmatterMeta(str, Object.keys(data), bodyLineOffset);
  if (layouts && "layout" in data && !layouts.includes(data.layout as string)) {
    // Eleventy resolves layouts before any page data is checked and stops at the first
    // missing one; fall back to the default so every problem can be reported together.
    meta.unknownLayout = { name: data.layout, known: layouts };
    delete data.layout;
  }
  const bad = str.indexOf("\ufffd");
  if (bad !== -1) meta.badEncodingLine = countLines(str.slice(0, bad));
  if ("date" in data && !isEleventyDate(data.date)) {
    meta.invalidDate = data.date;
    delete data.date;
  }
  return { ...data, [FRONTMATTER_META]: meta };
}

/** js-yaml's reason and line (its marks count lines from 0; `str`'s line 1 is the file's). */
function jsYamlProblem(error: unknown): YamlMistake {
  if (!(error instanceof YAMLException)) return { message: "the YAML could not be read" };
  const line = error.mark ? { line: error.mark.line + 1 } : {};
  // js-yaml stops at 100 levels of nesting, where yaml reads on.
  return /maxDepth/.test(error.reason)
    ? { ...TOO_DEEP, ...line }
    : { message: error.reason, ...line };
}

function countLines(s: string): number {
  let n = 1;
  for (let i = s.indexOf("\n"); i !== -1; i = s.indexOf("\n", i + 1)) n++;
  return n;
}

function collectLines(
  node: unknown,
  prefix: string,
  out: Map<string, number>,
  lineOf: ParsedYaml["lineOf"],
): void {
  const items = (node as { items?: { key?: { value?: unknown }; value?: unknown }[] })?.items;
  if (!items) return;
  for (const pair of items) {
    if (!pair.key || pair.key.value === undefined) continue;
    const name = prefix + String(pair.key.value);
    const line = lineOf(pair.key as never);
    if (line) out.set(name, line);
    collectLines(pair.value, `${name}.`, out, lineOf);
  }
}
