// Old addresses keep working: every `old_paths` entry and every site.yml redirect becomes a small
// page at the old address that sends readers (and search engines, via canonical) to the new one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { escapeMarkup } from "../html/escape.js";
import { unsafeAddress } from "../html/address.js";
import type { Problem } from "../problems/problem.js";
import type { PageRecord } from "../navigation/types.js";

export interface Redirect {
  from: string;
  to: string;
  title: string;
  /** Where it was declared, for messages. */
  source: { file: string; line?: number };
}

export function collectRedirects(
  pages: PageRecord[],
  siteRedirects: Record<string, string>,
  settingsFile: string,
): { redirects: Redirect[]; problems: Omit<Problem, "severity">[] } {
  const byUrl = new Map(pages.map((p) => [p.url, p]));
  const problems: Omit<Problem, "severity">[] = [];
  const redirects: Redirect[] = [];
  const seen = new Map<string, Redirect>();
  const add = (r: Redirect) => {
    const unsafe = unsafeAddress(r.from);
    if (unsafe) {
      problems.push({
        ...r.source,
        kind: "redirect",
        message: `the old address ${JSON.stringify(r.from)} ${unsafe}`,
        hint: "write the old address from the site's root, such as /old/page/",
      });
      return;
    }
    const clash = byUrl.get(r.from) ?? byUrl.get(r.from.replace(/index\.html$/, ""));
    if (clash) {
      problems.push({
        ...r.source,
        kind: "redirect",
        message: `the old address ${r.from} is the address of a page (${clash.file})`,
        hint: "remove the redirect, or move the page",
      });
      return;
    }
    const twice = seen.get(r.from);
    if (twice) {
      problems.push({
        ...r.source,
        kind: "redirect",
        message: `${r.from} already redirects to ${twice.to} (${twice.source.file})`,
        hint: "keep one redirect for each old address",
      });
      return;
    }
    seen.set(r.from, r);
    redirects.push(r);
  };
  for (const page of pages) {
    for (const from of page.oldPaths) {
      add({
        from,
        to: page.url,
        title: page.title,
        source: { file: page.file, line: page.lineOf("old_paths") },
      });
    }
  }
  for (const [from, to] of Object.entries(siteRedirects)) {
    if (!/^(\/|https?:\/\/)/i.test(to)) {
      problems.push({
        file: settingsFile,
        kind: "redirect",
        message: `the redirect from ${from} points to ${JSON.stringify(to)}, which is neither a page of the site nor an http(s) address`,
        hint: "point it at the page's address, such as /about/, or at https://…",
      });
      continue;
    }
    const target = byUrl.get(to.split("#")[0]!);
    if (!target && to.startsWith("/")) {
      problems.push({
        file: settingsFile,
        kind: "redirect",
        message: `the redirect from ${from} points to ${to}, which is not a page`,
        hint: "point it at the page's address, such as /about/",
      });
      continue;
    }
    add({ from, to, title: target?.title ?? to, source: { file: settingsFile } });
  }
  return { redirects, problems };
}

/** The file an old address is served from: /a/b/ → a/b/index.html, /a/b.html → a/b.html. */
export function redirectFile(from: string): string {
  const clean = from.replace(/^\/+/, "");
  if (!clean || clean.endsWith("/")) return `${clean}index.html`;
  return /\.[a-z0-9]+$/i.test(clean) ? clean : `${clean}/index.html`;
}

const REDIRECT_MARK = "<title>This page has moved</title>";

export function redirectPage(r: Redirect, href: string, canonical: string): string {
  const esc = escapeMarkup;
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
${REDIRECT_MARK}
<link rel="canonical" href="${esc(canonical)}">
<meta name="robots" content="noindex">
<meta http-equiv="refresh" content="0; url=${esc(href)}">
</head>
<body>
<p>This page has moved to <a href="${esc(href)}">${esc(r.title)}</a>.</p>
</body>
</html>
`;
}

/**
 * Writes each redirect page. A redirect never leaves the output folder and never replaces a file
 * the build wrote (a page, an asset): those are problems, reported at the redirect.
 */
export function writeRedirects(
  redirects: Redirect[],
  outputDir: string,
  hrefFor: (to: string) => string,
  absolute: (to: string) => string,
): Omit<Problem, "severity">[] {
  const problems: Omit<Problem, "severity">[] = [];
  const root = path.resolve(outputDir);
  for (const r of redirects) {
    const file = path.resolve(root, redirectFile(r.from));
    if (!file.startsWith(root + path.sep)) {
      problems.push({
        ...r.source,
        kind: "redirect",
        message: `the old address ${r.from} is outside the site`,
      });
      continue;
    }
    // A redirect page from an earlier build into the same folder is replaced; anything else stays.
    if (existsSync(file) && !readFileSync(file, "utf8").includes(REDIRECT_MARK)) {
      problems.push({
        ...r.source,
        kind: "redirect",
        message: `the old address ${r.from} is already a file of the site (${path.relative(root, file)}); the redirect would replace it`,
        hint: "remove the redirect, or move the file",
      });
      continue;
    }
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, redirectPage(r, hrefFor(r.to), absolute(r.to)));
  }
  return problems;
}
