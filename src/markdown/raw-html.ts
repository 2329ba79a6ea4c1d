// Raw HTML in Markdown goes through the content HTML policy (no scripts, event handlers,
// active URLs or unknown embeds); what it refuses is reported at the Markdown file and line.
// Markdown nested deeper than markdown-it's limit (quotes in lists in quotes…) is dropped by
// markdown-it without a word; that is reported here too, where it starts.
import type { MarkdownIt } from "markdown-it";
import { checkHtml, type HtmlPolicy } from "../html/html-policy.js";
import { inlineLines } from "./lines.js";
import type { LinkContext, RenderEnv } from "./links.js";

export interface RawHtmlContext extends Pick<LinkContext, "report" | "displayPath"> {
  policy(): HtmlPolicy;
}

export function rawHtml(md: MarkdownIt, ctx: RawHtmlContext): void {
  md.core.ruler.push("raw_html_policy", (state) => {
    const env = state.env as RenderEnv;
    // A page's problems are at their own line; Markdown from a data file at its entry's line.
    const inputPath = env.page?.inputPath;
    const file = inputPath ? ctx.displayPath(inputPath) : env.source?.file;
    const base = inputPath ? 1 + (env._frontmatter?.bodyLineOffset ?? 0) : undefined;
    const report = (line: number, kind: string, message: string, hint: string) =>
      ctx.report({
        file: file ?? "(Markdown given to the markdown filter)",
        line: base === undefined ? env.source?.line : line,
        severity: "error",
        kind,
        message,
        hint,
      });
    const check = (html: string, line: number) => {
      for (const f of checkHtml(html, ctx.policy()))
        report(line + f.line, "unsafe-html", f.message, f.hint);
    };
    const limit = (md.options as { maxNesting?: number }).maxNesting ?? 100;
    for (const token of state.tokens) {
      const start = (base ?? 1) + (token.map?.[0] ?? 0);
      if (token.level >= limit - 1) {
        report(
          start,
          "nesting",
          `the Markdown here is nested more than ${limit} levels deep, so the rest of the page is left out`,
          "use fewer levels of lists and > quotes inside each other",
        );
        break;
      }
      if (token.type === "html_block") check(token.content, start);
      else if (token.type === "inline" && token.children)
        inlineLines(token.children, start, (child, line) => {
          if (child.type === "html_inline") check(child.content, line);
        });
    }
  });
}
