// Syntax highlighting at build time with highlight.js: no highlighter is downloaded by
// readers, and the colours (assets/scss/_code.scss) are chosen for WCAG AA contrast.
import { createRequire } from "node:module";
import type { HLJSApi } from "highlight.js";
import type { MarkdownIt } from "markdown-it";

const require = createRequire(import.meta.url);
/**
 * Loaded at the first code block that names a language: loading it took 40-100 ms of every
 * build's start-up, which a site without such blocks need not wait for.
 */
let loaded: HLJSApi | undefined;
const highlighter = (): HLJSApi => (loaded ??= require("highlight.js/lib/common") as HLJSApi);

export function highlight(code: string, language: string, esc: (s: string) => string): string {
  const lang = language.trim().toLowerCase();
  const hljs = lang ? highlighter() : undefined;
  const body = hljs?.getLanguage(lang)
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
