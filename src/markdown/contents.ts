// "On this page": pages with three or more h2 get a contents list, made from the same ids
// the headings carry, so contents links can never point at a missing section.
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";

const MIN_SECTIONS = 3;

export function contents(md: MarkdownIt): void {
  md.core.ruler.push("contents_list", (state) => {
    const sections: { id: string; text: string }[] = [];
    const tokens = state.tokens;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i]!;
      if (t.type === "heading_open" && t.tag === "h2") {
        const id = t.attrGet("id");
        if (id) sections.push({ id: String(id), text: plainText(tokens[i + 1]) });
      }
    }
    if (sections.length < MIN_SECTIONS) return;
    const esc = md.utils.escapeHtml;
    const items = sections
      .map((s) => `<li><a class="govuk-link" href="#${esc(s.id)}">${esc(s.text)}</a></li>`)
      .join("");
    const block = new state.Token("html_block", "", 0);
    block.content =
      `<nav class="app-contents" aria-labelledby="app-contents-heading" data-pagefind-ignore>` +
      `<h2 class="govuk-heading-s" id="app-contents-heading">On this page</h2>` +
      `<ul class="govuk-list app-contents__list">${items}</ul></nav>\n`;
    tokens.unshift(block);
  });
}

function plainText(inline: Token | undefined): string {
  if (!inline?.children) return inline?.content ?? "";
  return inline.children
    .filter((c) => c.type === "text" || c.type === "code_inline")
    .map((c) => c.content)
    .join("");
}
