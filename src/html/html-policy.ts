// Raw HTML is allowed in content (real guides use <div>, <details>, <abbr>, tables), but nothing
// that runs or loads active content: no <script>, no event-handler attributes, no
// javascript:/vbscript:/data: URLs, no frames or plugins except from hosts the site allows, no
// <style> that loads anything. The HTML is read by a real parser (htmlparser2), so spelling
// tricks (`<ScRiPt>`, entity-encoded `javascript&colon;`, tabs inside the scheme) read as a
// browser reads them.
import { createRequire } from "node:module";
import type { Parser } from "htmlparser2";

/**
 * htmlparser2, loaded at the first HTML that has a tag: loading it (with the DOM modules its
 * entry brings) takes about 25 ms, which a site whose content has no raw HTML never needs.
 */
let parserClass: typeof Parser | undefined;
const loadParser = (): typeof Parser =>
  (parserClass ??= (createRequire(import.meta.url)("htmlparser2") as typeof import("htmlparser2"))
    .Parser);

export interface HtmlPolicy {
  /** Hosts whose pages may be embedded with <iframe> (for example www.youtube-nocookie.com). */
  embedHosts: readonly string[];
}

export interface HtmlFinding {
  /** 0-based line within the checked HTML. */
  line: number;
  message: string;
  hint: string;
}

const SCRIPTING = new Set(["script", "applet", "base", "meta", "link", "frameset", "frame"]);
const EMBEDS = new Set(["iframe", "object", "embed"]);
const EMBED_URL: Record<string, string> = { iframe: "src", object: "data", embed: "src" };
const LOADS_CSS = /@import|url\s*\(|expression\s*\(/i;

/** The scheme of a URL as a browser reads it, if it is one that runs or inlines content. */
export function activeScheme(url: string): string | undefined {
  // Browsers ignore ASCII whitespace and control characters inside and before the scheme.
  // eslint-disable-next-line no-control-regex -- those characters are what is matched
  const compact = url.replace(/[\u0000-\u0020\u007f]+/g, "").toLowerCase();
  return /^(javascript|vbscript|data):/.exec(compact)?.[1];
}

export function checkHtml(html: string, policy: HtmlPolicy): HtmlFinding[] {
  const findings: HtmlFinding[] = [];
  // Without a tag there is nothing to find: every finding is in a tag or a <style>.
  if (!html.includes("<")) return findings;
  let inStyle = false;
  const lineAt = (offset: number) => {
    let line = 0;
    for (let i = html.indexOf("\n"); i !== -1 && i < offset; i = html.indexOf("\n", i + 1)) line++;
    return line;
  };
  const parser: Parser = new (loadParser())(
    {
      onopentag(name, attributes) {
        const start = parser.startIndex;
        const add = (message: string, hint: string) =>
          findings.push({ line: lineAt(start), message, hint });
        if (SCRIPTING.has(name)) {
          add(
            `raw HTML <${name}> is not allowed in content`,
            "content cannot run scripts or change how the page loads; ask a maintainer if the site needs a script",
          );
        } else if (EMBEDS.has(name)) {
          const host = hostOf(attributes[EMBED_URL[name]!] ?? "");
          if (name !== "iframe" || !host || !policy.embedHosts.includes(host)) {
            add(
              `raw HTML <${name}>${host ? ` from ${host}` : ""} is not allowed in content`,
              name === "iframe"
                ? "link to the page instead, or ask a maintainer to add its host to embedHosts in site.yml"
                : "show an image with ![what it shows](file.svg), or link to the file",
            );
          }
        }
        if (name === "style") inStyle = true;
        for (const [attribute, value] of Object.entries(attributes)) {
          if (/^on/i.test(attribute)) {
            add(
              `the ${attribute} attribute on <${name}> runs a script`,
              "remove it; content cannot run scripts",
            );
          } else if (attribute === "style" && LOADS_CSS.test(value)) {
            add(
              `the style attribute on <${name}> loads something`,
              "styles in content may not use url(), @import or expression()",
            );
          } else {
            const scheme = activeScheme(value);
            if (scheme)
              add(
                `${scheme}: address in the ${attribute} attribute of <${name}>`,
                scheme === "data"
                  ? "put the file in the content folder and link to it"
                  : "link to a page or an https:// address",
              );
          }
        }
      },
      ontext(text) {
        if (inStyle && LOADS_CSS.test(text))
          findings.push({
            line: lineAt(parser.startIndex),
            message: "a <style> element in content loads something",
            hint: "styles in content may not use url(), @import or expression()",
          });
      },
      onclosetag(name) {
        if (name === "style") inStyle = false;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return findings;
}

function hostOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}
