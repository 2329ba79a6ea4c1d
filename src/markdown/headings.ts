// Stable GitHub-style ids (the same anchors work on GitHub and on the site) and a permalink
// after each heading whose text is announced by screen readers. `## Heading {#old-id}` keeps an
// id given by hand (an imported site's old anchors); `{.class}` adds a class. Only headings, and
// only ids and classes: braces anywhere else are text, never silently removed.
import type { MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import type { Token } from "markdown-it";
import { slug } from "github-slugger";

/**
 * How heading ids are made: "github" (GitHub's, the default) or "markdown-it-anchor" (that
 * plugin's default, which x-govuk sites have, so their deep links keep landing).
 */
export type HeadingIds = "github" | "markdown-it-anchor";

export function headings(md: MarkdownIt, ids: HeadingIds = "github"): void {
  // Before anchors, which keep an id that is already set.
  md.core.ruler.push("heading_attributes", (state) => {
    state.tokens.forEach((token, i) => {
      if (token.type === "heading_open") headingAttributes(token, state.tokens[i + 1]);
    });
  });
  md.use(anchor, {
    level: [2, 3, 4, 5, 6],
    slugify: ids === "github" ? slug : anchorDefaults.slugify,
    uniqueSlugStartIndex: 1,
    tabIndex: false,
    permalink: anchor.permalink.linkAfterHeader({
      style: "visually-hidden",
      assistiveText: (title) => `Link to section: ${title}`,
      visuallyHiddenClass: "govuk-visually-hidden",
      // govuk-link is added by the typography rule, like every other link.
      class: "app-heading-permalink",
      // Not search content: its text only repeats the heading.
      renderAttrs: () => ({ "data-pagefind-ignore": "" }),
      symbol: "#",
      wrapper: ['<div class="app-heading">', "</div>"],
    }),
  });
}

/** markdown-it-anchor's own defaults (not in its type declarations). */
const anchorDefaults = (anchor as unknown as { defaults: { slugify(s: string): string } }).defaults;

// Ids may start with a digit (tech-docs gives "2-2-6-to-3-0-12").
const ATTRIBUTES = /\s*\{((?:\s*[#.][\w-]+)+)\s*\}\s*$/;

/** Moves a trailing `{#id .class}` of a heading's text onto the heading. */
function headingAttributes(open: Token, inline: Token | undefined): void {
  const last = inline?.children?.at(-1);
  const m = last?.type === "text" ? ATTRIBUTES.exec(last.content) : null;
  if (!last || !m) return;
  last.content = last.content.slice(0, m.index);
  inline!.content = inline!.content.replace(ATTRIBUTES, "");
  for (const part of m[1]!.trim().split(/\s+/)) {
    if (part.startsWith("#")) open.attrSet("id", part.slice(1));
    else open.attrJoin("class", part.slice(1));
  }
}
