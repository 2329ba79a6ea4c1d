// Syntax highlighting at build time with highlight.js: no highlighter is downloaded by
// readers, and the colours (assets/scss/_code.scss) are chosen for WCAG AA contrast.
import hljs from "highlight.js/lib/common";
import type { MarkdownIt } from "markdown-it";

export function highlight(code: string, language: string, esc: (s: string) => string): string {
  const lang = language.trim().toLowerCase();
  const body =
    lang && hljs.getLanguage(lang)
      ? hljs.highlight(code, { language: lang, ignoreIllegals: true }).value
      : esc(code);
  const cls = lang ? ` class="hljs language-${esc(lang)}"` : ` class="hljs"`;
  // Focusable so keyboard users can scroll long lines.
  return `<pre class="app-code" tabindex="0"><code${cls}>${body}</code></pre>\n`;
}

export function codeBlocks(md: MarkdownIt): void {
  md.set({ highlight: (code, lang) => highlight(code, lang, md.utils.escapeHtml) });
  // Indented code blocks get the same look as fenced ones.
  md.renderer.rules.code_block = (tokens, idx) =>
    highlight(tokens[idx]!.content, "", md.utils.escapeHtml);
}
