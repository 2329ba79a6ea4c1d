// Eleventy stops at the first bad frontmatter with a stack trace. This parser never throws:
// it records the problem (with its line in the file) in the page's data, and the page
// registry reports every bad page together once all pages are read.
import { parseYaml } from "../data/yaml.js";
import { LAYOUTS } from "./schema.js";

export const FRONTMATTER_META = "_frontmatter";

export interface FrontmatterMeta {
  /** 1-based file line of each top-level and nested field ("eleventyNavigation.parent"). */
  lines: Record<string, number>;
  keys: string[];
  /** A layout name the site does not have, kept for the report (Eleventy would stop at it). */
  unknownLayout?: unknown;
  /** Body line 1 is file line 1 + this. */
  bodyLineOffset: number;
  error?: { message: string; line?: number };
}

/** gray-matter engine: `str` is everything after the opening ---, so its line 1 is the file's. */
export function parseFrontmatter(str: string): Record<string, unknown> {
  const parsed = parseYaml(str);
  // The body starts on the line after the closing ---.
  const bodyLineOffset = str.split("\n").length + 1;
  if (parsed.errors.length) {
    const first = parsed.errors[0]!;
    const meta: FrontmatterMeta = { lines: {}, keys: [], bodyLineOffset, error: first };
    return { [FRONTMATTER_META]: meta };
  }
  const value = parsed.value ?? {};
  if (typeof value !== "object" || Array.isArray(value)) {
    const meta: FrontmatterMeta = {
      lines: {},
      keys: [],
      bodyLineOffset,
      error: { message: "frontmatter must be a list of `field: value` lines", line: 2 },
    };
    return { [FRONTMATTER_META]: meta };
  }
  const lines: Record<string, number> = {};
  collectLines(parsed.doc.contents, "", lines, parsed.lineOf);
  const data = { ...(value as Record<string, unknown>) };
  const meta: FrontmatterMeta = { lines, keys: Object.keys(value), bodyLineOffset };
  if ("layout" in data && !(LAYOUTS as readonly unknown[]).includes(data.layout)) {
    // Eleventy resolves layouts before any page data is checked and stops at the first
    // missing one; fall back to the default so every problem can be reported together.
    meta.unknownLayout = data.layout;
    delete data.layout;
  }
  return { ...data, [FRONTMATTER_META]: meta };
}

function collectLines(
  node: unknown,
  prefix: string,
  out: Record<string, number>,
  lineOf: (n: never) => number | undefined,
): void {
  const items = (node as { items?: { key?: { value?: unknown }; value?: unknown }[] })?.items;
  if (!items) return;
  for (const pair of items) {
    if (!pair.key || pair.key.value === undefined) continue;
    const name = prefix + String(pair.key.value);
    const line = lineOf(pair.key as never);
    if (line) out[name] = line;
    collectLines(pair.value, `${name}.`, out, lineOf);
  }
}
