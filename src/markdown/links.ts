// Links written as relative paths to Markdown files (`../data/s3.md#upload`) work on GitHub;
// here they are rewritten to the target page's URL. Links that point at no page, and
// reference links with no definition (which Markdown silently prints as text), are reported
// at their file and line.
import path from "node:path";
import type { MarkdownIt } from "markdown-it";
import type { Token } from "markdown-it";
import type { Problem } from "../problems/problem.js";
import { inlineLines } from "./lines.js";

export interface LinkContext {
  /** The content folder: relative links to files in it become site addresses. */
  inputDir: string;
  /** URL of the page built from this absolute source path, if any. */
  urlForSource(absolutePath: string): string | undefined;
  report(problem: Problem): void;
  displayPath(inputPath: string): string;
}

/** What the engine needs from the Markdown render env (Eleventy passes the page's data). */
export interface RenderEnv {
  page?: { inputPath?: string };
  _frontmatter?: { bodyLineOffset?: number };
  /** Where Markdown that is not a page came from (a timeline entry in timeline.yml). */
  source?: { file: string; line?: number };
}

const MD_LINK = /^(?![a-z][a-z0-9+.-]*:|\/\/|#)([^?#]*\.md)(#[^?]*)?$/i;
const UNDEFINED_REFERENCE = /\[([^\]\n]+)\]\[([^\]\n]*)\]/g;

export function links(md: MarkdownIt, ctx: LinkContext): void {
  md.core.ruler.push("source_links", (state) => {
    const env = state.env as RenderEnv;
    const inputPath = env.page?.inputPath;
    if (!inputPath) return;
    const offset = env._frontmatter?.bodyLineOffset ?? 0;
    const file = ctx.displayPath(inputPath);
    for (const block of state.tokens) {
      if (block.type !== "inline" || !block.children) continue;
      const startLine = (block.map?.[0] ?? 0) + 1 + offset;
      inlineLines(block.children, startLine, (token, line) => {
        if (token.type === "link_open") rewrite(token, inputPath, file, line, ctx);
        if (token.type === "link_open") rewriteAsset(token, "href", inputPath, ctx);
        if (token.type === "image") rewriteAsset(token, "src", inputPath, ctx);
        if (token.type === "text") findUndefinedReferences(token, file, line, ctx);
      });
    }
  });
}

function rewrite(
  token: Token,
  inputPath: string,
  file: string,
  line: number,
  ctx: LinkContext,
): void {
  const href = String(token.attrGet("href") ?? "");
  const match = MD_LINK.exec(decodeURI(href));
  if (!match) return;
  const target = path.resolve(path.dirname(path.resolve(inputPath)), match[1]!);
  const url = ctx.urlForSource(target);
  if (url) {
    token.attrSet("href", url + (match[2] ?? ""));
    return;
  }
  ctx.report({
    file,
    line,
    kind: "md-link",
    severity: "error",
    message: `link to "${href}" does not match any page`,
    hint: "check the file name and the path relative to this file (../ goes up one folder)",
  });
}

/**
 * Pages are published as folders (guide/page.md → /guide/page/), so a relative link to an image or
 * file written next to the Markdown (images/x.png) would resolve one folder too deep in the
 * browser. Such links are made site-absolute from the source file's folder, so they work both on
 * GitHub and on the site.
 */
function rewriteAsset(token: Token, attr: string, inputPath: string, ctx: LinkContext): void {
  const href = String(token.attrGet(attr) ?? "");
  if (!href || /^(?:[a-z][a-z0-9+.-]*:|\/|#|\?)/i.test(href) || MD_LINK.test(href)) return;
  const [pathPart = "", ...rest] = href.split(/(?=[?#])/);
  const target = path.resolve(path.dirname(path.resolve(inputPath)), decodeURI(pathPart));
  const relative = path.relative(ctx.inputDir, target);
  if (relative.startsWith("..")) return; // outside the content: the link checker reports it
  token.attrSet(attr, encodeURI(`/${relative.split(path.sep).join("/")}`) + rest.join(""));
}

function findUndefinedReferences(token: Token, file: string, line: number, ctx: LinkContext): void {
  if (!token.content.includes("][")) return; // in every match; most text has none
  for (const m of token.content.matchAll(UNDEFINED_REFERENCE)) {
    const ref = m[2] || m[1];
    ctx.report({
      file,
      line,
      kind: "undefined-reference",
      severity: "error",
      message: `"${m[0]}" is a reference link, but no "[${ref}]: …" definition exists, so it shows as plain text`,
      hint: `add a line "[${ref}]: URL" to the page, or write the link inline as [${m[1]}](URL)`,
    });
  }
}
