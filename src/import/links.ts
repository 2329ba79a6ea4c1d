// Rewrites the links of imported pages: tech-docs links to pages by URL (`/tools/x.html#y`);
// here they become relative paths to the new Markdown files (`../tools/x.md#y`), which the
// build resolves and checks. Links to copied files become relative paths to the copies.
import path from "node:path";

export interface LinkMap {
  /** Old site path (e.g. /tools/x.html, /tools/) → new file path relative to the import folder. */
  pages: Map<string, string>;
  /** Old site paths of other files (images, PDFs) → new relative path. */
  files: Map<string, string>;
}

const MD_LINK = /(\]\()([^)\s]+)((?:\s+"[^"]*")?\))/g;
const REF_DEF = /^(\s*\[[^\]]+\]:\s*)(\S+)/gm;
const HTML_ATTR = /(\s(?:href|src)=")([^"]+)(")/g;

/** Rewrites links in `markdown`, which will live at `file` (relative to the import folder). */
export function rewriteLinks(markdown: string, file: string, oldUrl: string, map: LinkMap): string {
  const fix = (target: string) => rewriteTarget(target, file, oldUrl, map);
  return markdown
    .replace(MD_LINK, (_, a: string, t: string, b: string) => `${a}${fix(t)}${b}`)
    .replace(REF_DEF, (_, a: string, t: string) => `${a}${fix(t)}`)
    .replace(HTML_ATTR, (_, a: string, t: string, b: string) => `${a}${fix(t)}${b}`);
}

export function rewriteTarget(target: string, file: string, oldUrl: string, map: LinkMap): string {
  if (/^[a-z][a-z0-9+.-]*:|^\/\/|^#/i.test(target)) return target; // external, mailto:, fragment
  const hashAt = target.indexOf("#");
  const pathPart = hashAt === -1 ? target : target.slice(0, hashAt);
  const hash = hashAt === -1 ? "" : target.slice(hashAt);
  const absolute = path.posix.resolve(path.posix.dirname(oldUrl), pathPart || oldUrl);
  const candidates = [
    absolute,
    `${absolute}/`,
    absolute.replace(/\/index\.html$/, "/"),
    `${absolute}.html`,
  ];
  const page = candidates.map((c) => map.pages.get(c)).find(Boolean);
  // Middleman's asset helpers find a file from the page's folder, then from the site root,
  // then from images/ (so `![](images/x.png)` works on any page).
  const relative = pathPart.startsWith("/") ? [] : [`/${pathPart}`, `/images/${pathPart}`];
  const other = [absolute, ...relative]
    .map((c) => map.files.get(path.posix.normalize(c)))
    .find(Boolean);
  const to = page ?? other;
  if (!to) return target;
  const link = path.posix.relative(path.posix.dirname(file), to) || path.posix.basename(to);
  return link + hash;
}
