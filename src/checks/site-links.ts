// Checks every internal link, image and asset reference of the built site, and every #fragment,
// using the HTML the build already holds: no second crawl, no server.
import { existsSync } from "node:fs";
import path from "node:path";
import type { Problem } from "../problems/problem.js";
import { indexPage, type PageIndex } from "./html-index.js";
import type { SourceLink } from "./markdown-checks.js";

/** What the checks keep of a built page: its ids and references, not its HTML. */
export interface BuiltPage {
  inputPath: string;
  url: string;
  index: PageIndex;
}

/**
 * A page's ids and references. Header, footer and phase banner are the same furniture on every
 * page: one page of each build is read `whole`, the others only for <main>. Breadcrumbs come
 * from the navigation tree.
 */
export function indexBuiltPage(html: string, whole: boolean): PageIndex {
  return indexPage(whole ? html : mainOf(html));
}

export interface SiteLinkContext {
  outputDir: string;
  pathPrefix: string;
  /** The Markdown links of a page, with lines (from the Markdown checks). */
  sourceLinks(inputPath: string): SourceLink[] | undefined;
  /** Where a link that is not in the page's Markdown comes from (layout, settings). */
  templateSource(inputPath: string, href: string): { file: string; line?: number };
  displayPath(inputPath: string): string;
}

/** How to mend a reference to something that is not in the site, by what it is. */
const MISSING_HINTS = {
  link: "check the address; link to other pages by their .md file so the build can follow them",
  image:
    "put the image file in the content folder and write its path relative to this page, like images/diagram.png",
  script:
    "copy the script into the site (Eleventy's addPassthroughCopy), or correct its address in the config or layout",
};

const SKIP = /^(?:[a-z][a-z0-9+.-]*:|\/\/)/i; // external, mailto:, tel:, data:, protocol-relative
/** .md links left unresolved were already reported, better, by the Markdown link rule. */
const UNRESOLVED_MD = /^[^?#]*\.md(?:[?#]|$)/i;

export function checkSiteLinks(
  pages: BuiltPage[],
  ctx: SiteLinkContext,
): Omit<Problem, "severity">[] {
  const problems: Omit<Problem, "severity">[] = [];
  // A broken link in a layout or settings is on every page: report it once, not once per page.
  const reported = new Set<string>();
  const report = (problem: Omit<Problem, "severity">, ref: string, fromMarkdown: boolean) => {
    const key = `${problem.file}\u0000${problem.line}\u0000${problem.kind}\u0000${ref}`;
    if (fromMarkdown || !reported.has(key)) problems.push(problem);
    reported.add(key);
  };
  const byUrl = new Map(pages.map((page) => [page.url, page.index]));
  const fileExists = memo((sitePath: string) => existsSync(path.join(ctx.outputDir, sitePath)));
  const origin = "http://site.invalid";

  for (const page of pages) {
    const { index } = page;
    const file = ctx.displayPath(page.inputPath);
    for (const id of index.duplicateIds) {
      problems.push({
        file,
        kind: "duplicate-id",
        message: `the id "${id}" is used more than once on ${page.url}`,
        hint: "ids must be unique on a page; rename one (two headings with the same text get -1, -2 automatically)",
      });
    }
    const pageBase = `${origin}${ctx.pathPrefix}${page.url.replace(/^\//, "")}`;
    for (const ref of new Set(index.refs)) {
      if (!ref || SKIP.test(ref) || UNRESOLVED_MD.test(ref)) continue;
      const target = resolve(ref, pageBase);
      if (target.origin !== origin) continue;
      // Where the link was written is only looked up for a link that is reported.
      let located: { file: string; line?: number } | undefined;
      const source = () => (located ??= locate(page, ref, ctx));
      const fromMarkdown = () => source().file === ctx.displayPath(page.inputPath);
      const onPage = () => (fromMarkdown() ? ` on ${page.url}` : "");
      if (!target.pathname.startsWith(ctx.pathPrefix)) {
        report(
          {
            ...source(),
            kind: "broken-link",
            message: `link "${ref}"${onPage()} leaves the site's path prefix ${ctx.pathPrefix}`,
            hint: "write links from the site root, like /about/; the prefix is added for you",
          },
          ref,
          fromMarkdown(),
        );
        continue;
      }
      const sitePath = `/${decodeURIComponent(target.pathname.slice(ctx.pathPrefix.length))}`;
      const targetPage = byUrl.get(sitePath) ?? byUrl.get(sitePath.replace(/index\.html$/, ""));
      if (!targetPage && !fileExists(sitePath)) {
        // src= is an image, unless it names a script (a layout's or the config's).
        const missing = !index.sources.has(ref)
          ? "link"
          : /\.m?js$/i.test(sitePath)
            ? "script"
            : "image";
        report(
          {
            ...source(),
            kind: "broken-link",
            message:
              missing === "link"
                ? `link "${ref}"${onPage()} points to ${sitePath}, which does not exist`
                : `${missing} "${ref}"${onPage()} is not in the site (looked for ${sitePath})`,
            hint: MISSING_HINTS[missing],
          },
          ref,
          fromMarkdown(),
        );
        continue;
      }
      // As browsers do: the fragment as written, else percent-decoded (markdown-it-anchor's
      // default ids, which x-govuk sites have, are themselves percent-encoded).
      const raw = target.hash.slice(1);
      const fragment = decodeURIComponent(raw);
      if (fragment && targetPage && !targetPage.ids.has(raw) && !targetPage.ids.has(fragment)) {
        report(
          {
            ...source(),
            kind: "broken-anchor",
            message: `link "${ref}"${onPage()} points to #${fragment}, but ${sitePath} has no such heading or id`,
            hint: "headings' ids are their text in lower case with dashes (## Get started → #get-started); check the heading still exists",
          },
          ref,
          fromMarkdown(),
        );
      }
    }
  }
  return problems;
}

/** The Markdown line that wrote a link, else the template or data file it came from. */
function locate(
  page: BuiltPage,
  ref: string,
  ctx: SiteLinkContext,
): { file: string; line?: number } {
  const unprefixed = ref.startsWith(ctx.pathPrefix) ? `/${ref.slice(ctx.pathPrefix.length)}` : ref;
  const hit = ctx.sourceLinks(page.inputPath)?.find((l) => l.href === ref || l.href === unprefixed);
  if (hit) return { file: ctx.displayPath(page.inputPath), line: hit.line };
  return ctx.templateSource(page.inputPath, unprefixed);
}

/**
 * <main> without the side navigation: its links come from the navigation tree, so they are
 * pages by construction (and the first page is read whole). On a 50-page section they are most
 * of a page's links.
 */
function mainOf(html: string): string {
  const start = html.indexOf("<main");
  const end = html.lastIndexOf("</main>");
  if (start === -1 || end === -1) return html;
  const main = html.slice(start, end);
  const nav = main.indexOf('<nav class="moj-side-navigation');
  const navEnd = nav === -1 ? -1 : main.indexOf("</nav>", nav);
  return navEnd === -1 ? main : main.slice(0, nav) + main.slice(navEnd);
}

/** Most links are site-absolute ("/about/") or fragments ("#usage"): resolve those without URL. */
function resolve(
  ref: string,
  pageBase: string,
): { origin: string; pathname: string; hash: string } {
  const simple = ref.startsWith("#") || (ref.startsWith("/") && !ref.startsWith("//"));
  if (!simple || ref.includes("?") || ref.includes("..") || ref.includes("%"))
    return new URL(ref, pageBase);
  const hashAt = ref.indexOf("#");
  const hash = hashAt === -1 ? "" : ref.slice(hashAt);
  const origin = pageBase.slice(0, pageBase.indexOf("/", 8));
  const pathname = ref.startsWith("#")
    ? pageBase.slice(origin.length)
    : ref.slice(0, hashAt === -1 ? undefined : hashAt);
  return { origin, pathname, hash };
}

function memo<T>(fn: (key: string) => T): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    if (!cache.has(key)) cache.set(key, fn(key));
    return cache.get(key)!;
  };
}
