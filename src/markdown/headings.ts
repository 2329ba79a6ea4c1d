// Stable GitHub-style ids (the same anchors work on GitHub and on the site) and a permalink
// after each heading whose text is announced by screen readers. `## Heading {#old-id}` keeps an
// id given by hand (an imported site's old anchors); `{.class}` adds a class. No other
// attribute can be written this way, so Markdown cannot add event handlers or styles.
import type { MarkdownIt } from "markdown-it";
import anchor from "markdown-it-anchor";
import attributes from "markdown-it-attrs";
import { slug } from "github-slugger";

export function headings(md: MarkdownIt): void {
  // Before anchors, which keep an id that is already set.
  md.use(attributes, { allowedAttributes: ["id", "class"] });
  md.use(anchor, {
    level: [2, 3, 4, 5, 6],
    slugify: slug,
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
