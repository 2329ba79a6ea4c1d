// Content problems visible in the Markdown itself, found while it renders so each one has its
// exact line: headings, images without alt text, empty links, mis-encoded characters. It also
// records every link's line, so problems found later in the built HTML can point back here.
import type { MarkdownIt, Token } from "markdown-it";
import type { Problem } from "../problems/problem.js";
import type { RenderEnv } from "../markdown/links.js";
import { inlineLines } from "../markdown/lines.js";
import type { SourceLink } from "../pages/registry.js";

export type { SourceLink };

export interface CheckContext {
  report(problem: Omit<Problem, "severity">): void;
  /** Every link and image in the page's Markdown, with its line. */
  recordLinks(inputPath: string, links: SourceLink[]): void;
  displayPath(inputPath: string): string;
  /** Whether Markdown runs through Nunjucks first (then no tag is left to find). */
  markdownTemplates(): boolean;
}

/** `{{ … }}` or `{% … %}` left in text (not code): a template tag nobody rendered. */
const TEMPLATE_TAG = /\{\{.*?\}\}|\{%.*?%\}|\{\{|\{%/;

/** UTF-8 read as Windows-1252: "â€“" for "–", "Ã©" for "é", and the replacement character. */
const MOJIBAKE = /â€[\u0080-\u00ff\u0152-\u2122]?|Ã[\u0080-\u00bf]|Â[\u00a0-\u00bf]|\ufffd/;
const REPAIRS: Record<string, string> = {
  "â€“": "–",
  "â€”": "—",
  "â€™": "’",
  "â€˜": "‘",
  "â€œ": "“",
  "â€¦": "…",
};

export function markdownChecks(md: MarkdownIt, ctx: CheckContext): void {
  // After .md links are rewritten, so recorded hrefs match the built HTML; before components
  // fold token runs into HTML.
  md.core.ruler.after("source_links", "content_checks", (state) => {
    const env = state.env as RenderEnv;
    const inputPath = env.page?.inputPath;
    if (!inputPath) return;
    const file = ctx.displayPath(inputPath);
    const offset = env._frontmatter?.bodyLineOffset ?? 0;
    const links: SourceLink[] = [];
    let previousLevel = 1; // the layout prints the page title as the h1
    const tokens = state.tokens;

    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      if (token.type === "heading_open") {
        const line = (token.map?.[0] ?? 0) + 1 + offset;
        const level = Number(token.tag.slice(1));
        if (level === 1) {
          ctx.report({
            file,
            line,
            kind: "heading-h1",
            message: "this page has a second h1 (# heading): the title is already the page's h1",
            hint: "use ## for the page's sections",
          });
        } else if (level > previousLevel + 1) {
          ctx.report({
            file,
            line,
            kind: "heading-skip",
            message: `heading level skips from h${previousLevel} to h${level} ("${tokens[i + 1]?.content ?? ""}")`,
            hint: `use ${"#".repeat(previousLevel + 1)} here, or add the missing level above it; screen reader users navigate by heading level`,
          });
        }
        previousLevel = level;
      }
      if (
        (token.type === "html_block" || token.type === "inline") &&
        /<h1[\s>]/i.test(token.content)
      ) {
        const line = (token.map?.[0] ?? 0) + 1 + offset;
        ctx.report({
          file,
          line,
          kind: "heading-h1",
          message: "this page has a second h1 (<h1> in HTML): the title is already the page's h1",
          hint: "use <h2> for the page's sections",
        });
      }
      if (token.type === "html_block") {
        htmlLinks(token.content, (token.map?.[0] ?? 0) + 1 + offset, links);
      }
      if (token.type !== "inline" || !token.children) continue;
      const start = (token.map?.[0] ?? 0) + 1 + offset;
      inlineLines(token.children, start, (child, line, index, children) => {
        if (child.type === "html_inline") htmlLinks(child.content, line, links);
        if (child.type === "link_open") {
          links.push({ href: String(child.attrGet("href") ?? ""), line });
          if (isEmptyLink(children, index)) {
            ctx.report({
              file,
              line,
              kind: "empty-link",
              message: `link to "${child.attrGet("href")}" has no text`,
              hint: "put the words readers should click between the [ ]",
            });
          }
        } else if (child.type === "image") {
          links.push({ href: String(child.attrGet("src") ?? ""), line });
          if (!child.content.trim()) {
            ctx.report({
              file,
              line,
              kind: "image-alt",
              message: `image "${child.attrGet("src")}" has no alternative text`,
              hint: "describe the image between the [ ] of ![...](...), for people who cannot see it",
            });
          }
        } else if (child.type === "text") {
          const tag = TEMPLATE_TAG.exec(child.content);
          if (tag && !ctx.markdownTemplates()) {
            ctx.report({
              file,
              line,
              kind: "template-tag",
              message: `"${tag[0]}" looks like a Nunjucks tag, but this site does not run Markdown through Nunjucks, so readers see it as written`,
              hint: 'to show it as code, put it in `backticks`; if the site\'s pages are meant to use Nunjucks, set markdownTemplateEngine: "njk" in its Eleventy config',
            });
          }
          const bad = MOJIBAKE.exec(child.content);
          if (bad) {
            const fix = REPAIRS[bad[0]];
            ctx.report({
              file,
              line,
              kind: "mojibake",
              message: `"${bad[0]}" looks like a mis-encoded character${fix ? ` (probably "${fix}")` : ""}`,
              hint: "retype the character, and save the file as UTF-8",
            });
          }
        }
      });
    }
    ctx.recordLinks(inputPath, links);
  });
}

const HTML_LINK = /\s(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')/gi;

/** Links written as HTML inside Markdown, each at its own line, so problems point here. */
function htmlLinks(html: string, firstLine: number, links: SourceLink[]): void {
  for (const m of html.matchAll(HTML_LINK)) {
    const line = firstLine + (html.slice(0, m.index).match(/\n/g)?.length ?? 0);
    links.push({ href: m[1] ?? m[2] ?? "", line });
  }
}

function isEmptyLink(children: Token[], openIndex: number): boolean {
  for (let j = openIndex + 1; j < children.length; j++) {
    const t = children[j]!;
    if (t.type === "link_close") return true;
    if (t.type === "image" || t.content.trim()) return false;
  }
  return true;
}
