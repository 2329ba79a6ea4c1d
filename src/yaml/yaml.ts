// YAML with source positions: validation messages can then point at the exact line
// of a data file, which js-yaml's plain objects cannot do.
import {
  Lexer,
  LineCounter,
  parseDocument,
  isMap,
  isSeq,
  isScalar,
  visit,
  type Alias,
  type Node,
  type Document,
} from "yaml";
import { oneByteValues } from "./one-byte.js";

/** A mistake in YAML; `hint`, how to mend it, where its own kind says (an alias), else the caller's. */
export interface YamlMistake {
  message: string;
  line?: number;
  hint?: string;
}

export interface ParsedYaml {
  value: unknown;
  doc: Document;
  /** 1-based line of a node, offset by `lineOffset` (e.g. the frontmatter's opening ---). */
  lineOf(node: Node | null | undefined): number | undefined;
  errors: YamlMistake[];
}

export function parseYaml(source: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line + lineOffset;
  const errors = doc.errors.map<YamlMistake>((e) => ({
    // yaml reads nested values by recursion, and reports running out of stack as a mistake.
    ...(e.message.startsWith("Maximum call stack size exceeded")
      ? TOO_DEEP
      : { message: e.message.split("\n")[0] ?? e.message }),
    // A quote left open is found where the text ends; the mistake is where it opened.
    line: lineAt(
      e.code === "MISSING_CHAR" && /quote/i.test(e.message)
        ? (unclosedQuote(source) ?? e.pos?.[0])
        : e.pos?.[0],
    ),
  }));
  let value: unknown;
  if (!errors.length) {
    // Aliases are only resolved here: one that names no anchor, or too many, fail now.
    let problem: { message: string; hint: string } | undefined;
    let alias: string | undefined;
    try {
      value = doc.toJS();
      problem = aliasProblem(value, source.length);
    } catch (error) {
      if (!(error instanceof ReferenceError)) throw error;
      alias = /^Unresolved alias .*: (.*)$/.exec(error.message)?.[1];
      problem = alias
        ? {
            message: `the alias *${alias} names no anchor set before it`,
            hint: `put &${alias} on a value above it, or write the value out`,
          }
        : TOO_MANY_VALUES;
    }
    if (problem) {
      // The alias at fault: the one named, else one inside the value it stands for, else the first.
      const faulty = (node: Alias): boolean =>
        alias !== undefined ? node.source === alias : problem !== ENDLESS || isInside(doc, node);
      errors.push({ ...problem, line: lineAt(aliasIn(doc, faulty)?.range?.[0]) });
    } else value = oneByteValues(value);
  }
  return {
    value: errors.length ? undefined : value,
    doc,
    lineOf: (node) => lineAt(node?.range?.[0]),
    errors,
  };
}

/** Nested lists and mappings past what a parser reads (yaml: its stack; js-yaml: 100 levels). */
export const TOO_DEEP = {
  message: "its lists and mappings are nested too deeply to be read",
  hint: "nest fewer levels of lists and mappings inside one another",
};
const ENDLESS = {
  message: "an alias (*name) is inside the value its anchor (&name) names, so the data never ends",
  hint: "write that value out where the alias is",
};
const TOO_MANY_VALUES = {
  message:
    "its aliases (*name) repeat values so many times that reading them would stall the build",
  hint: "write the values out instead of aliases of aliases",
};

/**
 * Why parsed YAML cannot be used as data, if it cannot. An alias (*name) stands for the value
 * its anchor (&name) names, shared, not copied: inside that value it makes the data endless,
 * and aliases of aliases can make a few lines stand for billions of values (a "billion laughs").
 * Either would stall every step that reads the data, the engine's and Eleventy's. Without
 * aliases, data has fewer values than its text has characters; with them, up to 10,000 more.
 */
export function aliasProblem(
  value: unknown,
  sourceLength: number,
): { message: string; hint: string } | undefined {
  let left = sourceLength + 10_000;
  const inside = new Set<object>();
  const walk = (v: unknown): typeof ENDLESS | undefined => {
    if (--left < 0) return TOO_MANY_VALUES;
    if (v === null || typeof v !== "object") return undefined;
    if (inside.has(v)) return ENDLESS;
    inside.add(v);
    for (const item of Array.isArray(v) ? v : Object.values(v)) {
      const problem = walk(item);
      if (problem) return problem;
    }
    inside.delete(v);
    return undefined;
  };
  return walk(value);
}

/** The document's first alias that `which` picks. */
function aliasIn(doc: Document, which: (node: Alias) => boolean): Alias | undefined {
  let found: Alias | undefined;
  visit(doc, {
    Alias(_, node) {
      if (!which(node)) return undefined;
      found = node;
      return visit.BREAK;
    },
  });
  return found;
}

/** Whether an alias is inside the value its anchor names. */
function isInside(doc: Document, node: Alias): boolean {
  const [start, , end] = node.resolve(doc)?.range ?? [];
  const at = node.range?.[0];
  return start !== undefined && end !== undefined && at !== undefined && start <= at && at < end;
}

/** Offset of the first quoted scalar with no closing quote. */
function unclosedQuote(source: string): number | undefined {
  let offset = 0;
  for (const token of new Lexer().lex(source)) {
    if ((token[0] === '"' || token[0] === "'") && !isClosed(token)) return offset;
    offset += token.length;
  }
  return undefined;
}

function isClosed(quoted: string): boolean {
  const quote = quoted[0]!;
  if (quoted.length < 2 || !quoted.endsWith(quote)) return false;
  if (quote === "'") return true; // a quote inside is doubled ('')
  let backslashes = 0;
  for (let i = quoted.length - 2; i > 0 && quoted[i] === "\\"; i--) backslashes++;
  return backslashes % 2 === 0;
}

/** Line of `path` (keys and indexes) inside the document, if it exists. */
export function lineOfPath(parsed: ParsedYaml, path: (string | number)[]): number | undefined {
  let node: unknown = parsed.doc.contents;
  let line = parsed.lineOf(node as Node);
  for (const key of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return line;
      line = parsed.lineOf(pair.key as Node) ?? line;
      node = pair.value;
    } else if (isSeq(node)) {
      node = node.items[Number(key)];
      line = parsed.lineOf(node as Node) ?? line;
    } else {
      return line;
    }
  }
  return line;
}
