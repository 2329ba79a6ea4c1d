// Footnotes in GOV.UK style, with back links that say where they go.
import type { MarkdownIt } from "markdown-it";

export function footnotes(md: MarkdownIt): void {
  const rules = md.renderer.rules;
  rules.footnote_block_open = () =>
    '<section class="app-footnotes" aria-labelledby="app-footnotes-heading">\n' +
    '<h2 class="govuk-heading-m" id="app-footnotes-heading">Footnotes</h2>\n' +
    '<ol class="govuk-list govuk-list--number govuk-body-s">\n';
  rules.footnote_block_close = () => "</ol>\n</section>\n";
  rules.footnote_anchor = (tokens, idx, options, env, self) => {
    const id = self.rules.footnote_anchor_name!(tokens, idx, options, env, self);
    const meta = tokens[idx]!.meta as { id: number; subId: number };
    const n = meta.id + 1;
    const sub = meta.subId > 0 ? `:${meta.subId}` : "";
    return ` <a href="#fnref${id}${sub}" class="govuk-link app-footnote-back" data-pagefind-ignore>Back to reference ${n}</a>`;
  };
}
