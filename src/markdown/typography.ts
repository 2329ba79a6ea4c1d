// GOV.UK typography without a class in the Markdown: each element gets the class GOV.UK
// Frontend styles, so contributors write plain Markdown and pages look like GOV.UK.
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";

const HEADING_CLASSES: Record<string, string> = {
  h1: "govuk-heading-xl",
  h2: "govuk-heading-l",
  h3: "govuk-heading-m",
  h4: "govuk-heading-s",
  h5: "govuk-heading-s",
  h6: "govuk-heading-s",
};

const CLASSES: Record<string, string> = {
  paragraph_open: "govuk-body",
  bullet_list_open: "govuk-list govuk-list--bullet",
  ordered_list_open: "govuk-list govuk-list--number",
  link_open: "govuk-link",
  hr: "govuk-section-break govuk-section-break--l govuk-section-break--visible",
  blockquote_open: "app-quote",
  code_inline: "app-code-inline",
  dl_open: "app-definition-list",
  dt_open: "govuk-!-font-weight-bold",
  dd_open: "govuk-body",
};

export function typography(md: MarkdownIt): void {
  md.core.ruler.push("govuk_typography", (state) => {
    addClasses(state.tokens);
  });
}

function addClasses(tokens: Token[]): void {
  for (const token of tokens) {
    const cls = token.type === "heading_open" ? HEADING_CLASSES[token.tag] : CLASSES[token.type];
    if (cls) token.attrJoin("class", cls);
    if (token.children) addClasses(token.children);
  }
}
