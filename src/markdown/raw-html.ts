// Raw HTML in Markdown goes through the content HTML policy (no scripts, event handlers,
// active URLs or unknown embeds); what it refuses is reported at the Markdown file and line.
// Markdown nested deeper than markdown-it's limit (quotes in lists in quotes…) is dropped by
// markdown-it without a word; that is reported here too, where it starts.
import type { MarkdownIt } from "markdown-it";
import { activeScheme, checkHtml, type HtmlPolicy } from "../html/html-policy.js";
import { inlineLines } from "./lines.js";
import type { LinkContext, RenderEnv } from "./links.js";

export interface RawHtmlContext extends Pick<LinkContext, "report" | "displayPath"> {
  policy(): HtmlPolicy;
}

type Report = (
  line: number,
  kind: string,
  message: string,
  hint: string,
  severity?: "error" | "warning",
) => void;

/** Where a token's problems are reported: a page's at their own line, Markdown from a data file
 * at its entry's line. */
function reporter(env: RenderEnv, ctx: RawHtmlContext): { report: Report; base?: number } {
  const inputPath = env.page?.inputPath;
  const file = inputPath ? ctx.displayPath(inputPath) : env.source?.file;
  const base = inputPath ? 1 + (env._frontmatter?.bodyLineOffset ?? 0) : undefined;
  const report: Report = (line, kind, message, hint, severity = "error") =>
    ctx.report({
      file: file ?? "(Markdown given to the markdown filter)",
      line: base === undefined ? env.source?.line : line,
      severity,
      kind,
      message,
      hint,
    });
  return { report, base };
}

export function rawHtml(md: MarkdownIt, ctx: RawHtmlContext): void {
  md.core.ruler.push("raw_html_policy", (state) => {
    const { report, base } = reporter(state.env as RenderEnv, ctx);
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

/** `{ key=value }` at the end of a line, as markdown-it-attrs reads attributes. */
const ATTRIBUTE_LIST = /\{([^{}]*)\}\s*$/;
const ATTRIBUTE = /([^\s=.#{}]+)=("[^"]*"|'[^']*'|[^\s}]*)/g;

/**
 * Attributes written in Markdown (`{ #id .class }`, where the dialect has them) may set ids and
 * classes only; anything else is left out by the renderer, and said here at its line: an event
 * handler or active address as unsafe, any other attribute as a warning.
 */
export function attributePolicy(md: MarkdownIt, ctx: RawHtmlContext, allowed: string[]): void {
  md.core.ruler.before("curly_attributes", "attribute_policy", (state) => {
    const { report, base } = reporter(state.env as RenderEnv, ctx);
    for (const token of state.tokens) {
      const texts = token.type === "inline" ? token.content.split("\n") : [token.info ?? ""];
      texts.forEach((text, i) => {
        const list = ATTRIBUTE_LIST.exec(text)?.[1];
        if (!list) return;
        const line = (base ?? 1) + (token.map?.[0] ?? 0) + i;
        for (const [, name, value] of list.matchAll(ATTRIBUTE)) {
          if (allowed.includes(name!.toLowerCase())) continue;
          const unquoted = value!.replace(/^["']|["']$/g, "");
          if (/^on/i.test(name!) || activeScheme(unquoted))
            report(
              line,
              "unsafe-html",
              `the attribute ${name}= in { } would run script; it is left out`,
              "remove it: content may not run script",
            );
          else
            report(
              line,
              "markdown-attribute",
              `the attribute ${name}= in { } is left out: only ids (#id) and classes (.class) can be set this way`,
              "remove it, or write the element in HTML",
              "warning",
            );
        }
      });
    }
  });
}
