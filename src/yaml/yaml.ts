// YAML with source positions: validation messages can then point at the exact line
// of a data file, which js-yaml's plain objects cannot do.
import {
  Lexer,
  LineCounter,
  parseDocument,
  isMap,
  isSeq,
  isScalar,
  type Node,
  type Document,
} from "yaml";
import { oneByteValues } from "./one-byte.js";

export interface ParsedYaml {
  value: unknown;
  doc: Document;
  /** 1-based line of a node, offset by `lineOffset` (e.g. the frontmatter's opening ---). */
  lineOf(node: Node | null | undefined): number | undefined;
  errors: { message: string; line?: number }[];
}

export function parseYaml(source: string, lineOffset = 0): ParsedYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(source, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const lineAt = (offset: number | undefined): number | undefined =>
    offset === undefined ? undefined : lineCounter.linePos(offset).line + lineOffset;
  const errors = doc.errors.map((e) => ({
    message: e.message.split("\n")[0] ?? e.message,
    // A quote left open is found where the text ends; the mistake is where it opened.
    line: lineAt(
      e.code === "MISSING_CHAR" && /quote/i.test(e.message)
        ? (unclosedQuote(source) ?? e.pos?.[0])
        : e.pos?.[0],
    ),
  }));
  return {
    value: errors.length ? undefined : oneByteValues(doc.toJS()),
    doc,
    lineOf: (node) => lineAt(node?.range?.[0]),
    errors,
  };
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
