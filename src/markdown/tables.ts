// Markdown tables as GOV.UK tables. Wide tables scroll inside a focusable, labelled region,
// so keyboard users can scroll them and the page itself never scrolls sideways (WCAG 1.4.10).
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";

const TABLE_CLASSES: Record<string, string> = {
  table_open: "govuk-table",
  thead_open: "govuk-table__head",
  tbody_open: "govuk-table__body",
  tr_open: "govuk-table__row",
  th_open: "govuk-table__header",
  td_open: "govuk-table__cell",
};

export function tables(md: MarkdownIt): void {
  md.core.ruler.push("govuk_tables", (state) => {
    let inHead = false;
    for (const token of state.tokens) {
      const cls = TABLE_CLASSES[token.type];
      if (cls) token.attrJoin("class", cls);
      if (token.type === "thead_open") inHead = true;
      if (token.type === "thead_close") inHead = false;
      if (token.type === "th_open") token.attrSet("scope", inHead ? "col" : "row");
    }
  });

  md.renderer.rules.table_open = (tokens, idx, options, _env, self) => {
    const label = `Table: ${headerTexts(tokens, idx).join(", ")}`;
    return (
      `<div class="app-table-wrapper" role="region" tabindex="0" aria-label="${md.utils.escapeHtml(label)}">\n` +
      self.renderToken(tokens, idx, options)
    );
  };
  md.renderer.rules.table_close = (tokens, idx, options, _env, self) =>
    `${self.renderToken(tokens, idx, options)}</div>\n`;
}

function headerTexts(tokens: Token[], start: number): string[] {
  const texts: string[] = [];
  for (let i = start + 1; i < tokens.length && tokens[i]!.type !== "thead_close"; i++) {
    if (tokens[i]!.type === "inline") texts.push(tokens[i]!.content);
  }
  return texts;
}
