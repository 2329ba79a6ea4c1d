// markdown-it gives line numbers to blocks only; inline tokens get theirs by counting the
// line breaks before them, which is exact for paragraphs, list items and table cells.
import type { Token } from "markdown-it";

export function inlineLines(
  children: Token[],
  startLine: number,
  fn: (token: Token, line: number, index: number, children: Token[]) => void,
): void {
  let line = startLine;
  children.forEach((child, index) => {
    fn(child, line, index, children);
    if (child.type === "softbreak" || child.type === "hardbreak") line++;
    else if (child.type === "text" || child.type === "code_inline") line += newlines(child.content);
  });
}

function newlines(text: string): number {
  let n = 0;
  for (let i = text.indexOf("\n"); i !== -1; i = text.indexOf("\n", i + 1)) n++;
  return n;
}
