// The Markdown dialect of the site: CommonMark + tables, footnotes, definition lists,
// GOV.UK typography and components, heading anchors, contents lists and .md links.
import { createRequire } from "node:module";
import MarkdownItImpl, { type MarkdownIt } from "markdown-it";
import footnote from "markdown-it-footnote";
import deflist from "markdown-it-deflist";
import type abbr from "markdown-it-abbr";
import type ins from "markdown-it-ins";
import type mark from "markdown-it-mark";
import type sub from "markdown-it-sub";
import type sup from "markdown-it-sup";
import type attrs from "markdown-it-attrs";
import type figures from "markdown-it-image-figures";
import { typography } from "./typography.js";
import { tables } from "./tables.js";
import { headings, type HeadingIds } from "./headings.js";
import { contents } from "./contents.js";
import { codeBlocks } from "./code.js";
import { components, type RenderComponent } from "./components.js";
import { links, type LinkContext } from "./links.js";
import { footnotes } from "./footnotes.js";
import { attributePolicy, rawHtml } from "./raw-html.js";
import { oneByte } from "../yaml/one-byte.js";
import type { HtmlPolicy } from "../html/html-policy.js";

export interface MarkdownOptions {
  renderComponent: RenderComponent;
  links: LinkContext;
  /** What raw HTML may contain (read at each render: it comes from the settings). */
  htmlPolicy(): HtmlPolicy;
  headingIds?: HeadingIds;
  dialect?: MarkdownDialect;
}

/**
 * What another tool's Markdown did that this engine's does not by default. x-govuk's: a line
 * break is a <br>, quotes and dashes are typographic, and *[HTML]: abbreviations, ++inserted++,
 * ==marked==, H~2~O, x^2^, `{#id .class}` after a heading or paragraph, and an image alone in
 * its paragraph as a figure with its title as caption, are understood.
 */
export interface MarkdownDialect {
  breaks: boolean;
  typographer: boolean;
  extras: boolean;
}

const require = createRequire(import.meta.url);

/**
 * The x-govuk dialect's extra syntax, loaded only for a site that has it: loading the seven
 * plugins took 30-60 ms of every build's start-up.
 */
const extraSyntax = () => ({
  abbr: require("markdown-it-abbr") as typeof abbr,
  ins: require("markdown-it-ins") as typeof ins,
  mark: require("markdown-it-mark") as typeof mark,
  sub: require("markdown-it-sub") as typeof sub,
  sup: require("markdown-it-sup") as typeof sup,
  figures: require("markdown-it-image-figures") as typeof figures,
  attrs: require("markdown-it-attrs") as typeof attrs,
});

export function createMarkdown(options: MarkdownOptions): MarkdownIt {
  const { breaks = false, typographer = false, extras = false } = options.dialect ?? {};
  const md = new MarkdownItImpl({ html: true, linkify: false, typographer, breaks });
  // Where raw HTML and attributes are checked against the content HTML policy.
  const policed = { ...options.links, policy: options.htmlPolicy };
  md.use(footnote).use(deflist);
  if (extras) {
    const { abbr, ins, mark, sub, sup, figures, attrs } = extraSyntax();
    md.use(abbr).use(ins).use(mark).use(sub).use(sup).use(figures, { figcaption: "title" });
    // Ids and classes only: an attribute such as onclick= would run script.
    const allowed = ["id", "class"];
    md.use(attrs, { allowedAttributes: allowed });
    attributePolicy(md, policed, allowed);
  }
  footnotes(md);
  codeBlocks(md);
  // Before the rules that add the engine's own HTML (the headings' wrappers), so that only the
  // content's is checked: checking theirs took 60 ms of a 4,000-page build.
  rawHtml(md, policed);
  headings(md, options.headingIds);
  links(md, options.links);
  contents(md);
  tables(md);
  typography(md);
  // Last: it folds finished token runs into GOV.UK components.
  components(md, options.renderComponent);
  // Eleventy keeps every page's HTML: see oneByte for why it is copied.
  const render = md.render.bind(md);
  md.render = (src, env) => oneByte(render(src, env));
  return md;
}
