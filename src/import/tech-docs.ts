// Imports a GOV.UK tech-docs (Middleman) site: source/**/*.html.md(.erb) pages become Markdown
// pages at the same structure, old URLs become redirects, links and images are rewritten, and
// config/tech-docs.yml becomes site settings. Deterministic, so running it twice gives the same
// tree; it never overwrites existing files without `force`.
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  writeFileSync,
  type Dirent,
} from "node:fs";
import path from "node:path";
import { unsafeAddress } from "../html/address.js";
import { Document, parse, parseDocument, stringify } from "yaml";
import { convertErb, partialNames } from "./erb.js";
import { isPageTemplate, isTemplate, locatePartial, outputName } from "./middleman.js";
import { markTechDocsIds, normaliseRedcarpet, settleIds } from "./redcarpet.js";
import { stripScripts } from "./analytics.js";
import { rewriteLinks, type LinkMap } from "./links.js";
import { analyticsId, settingsFromTechDocs, type TechDocsConfig } from "./config.js";

export interface ImportOptions {
  /** The tech-docs repository (holding source/ and config/tech-docs.yml). */
  repo: string;
  /** Folder to import into, e.g. content/analytical-platform. */
  into: string;
  /** The site's content folder (for addresses and settings). */
  contentRoot: string;
  force: boolean;
  /** Work out everything and report it, but write nothing. */
  dryRun?: boolean;
}

/** Something a person should look at, where it was found in the old site. */
export interface ImportNote {
  /** The new page it concerns. */
  page: string;
  /** The old file and line it came from (a page or a partial). */
  source: string;
  line?: number;
  what: string;
}

export interface ImportReport {
  pages: { from: string; to: string }[];
  redirects: number;
  todos: { file: string; erb: string }[];
  /** Markdown that Redcarpet reads differently, rewritten so it renders as it did. */
  normalised: ImportNote[];
  /** Things left out that need a person (scripts, layouts, duplicate ids…). */
  needsPerson: ImportNote[];
  /** Headings given an explicit id so their old #anchor still lands. */
  keptIds: number;
  /** Google tag ids found in pages, now the `analytics` setting. */
  analytics: string[];
  copied: string[];
  skipped: { file: string; why: string }[];
  droppedFields: { file: string; fields: string[] }[];
  settings: {
    /** The settings file written or merged into. */
    file?: string;
    /** What changed in it: `+ key: value` added, `= key` kept as it was (the import differs). */
    diff: string[];
    unmapped: string[];
  };
}

export class ImportError extends Error {}

const SKIP_DIRS: Record<string, string> = {
  layouts: "Middleman layouts are replaced by this site's layouts",
  stylesheets: "this site's own CSS replaces the old styles",
  javascripts: "this site's own JavaScript replaces the old scripts",
};
/** Frontmatter fields this site understands, from tech-docs' own. */
const KEPT = [
  "title",
  "description",
  "last_reviewed_on",
  "review_in",
  "owner_slack",
  "prevent_indexing",
  "old_paths",
  "weight",
  "hide_in_navigation",
  "layout",
];

interface SourcePage {
  source: string; // relative to source/
  file: string; // new file, relative to the import folder
  oldUrl: string; // tech-docs address
  oldUrls: string[]; // every old address that served it
}

export function importTechDocs(o: ImportOptions): ImportReport {
  const sourceDir = path.join(o.repo, "source");
  if (!existsSync(sourceDir))
    throw new ImportError(`${o.repo} is not a tech-docs site: it has no source/ folder.`);
  const existing = existsSync(o.into) ? readdirSync(o.into) : [];
  if (existing.length && !o.force) {
    throw new ImportError(
      `${o.into} already has files (${existing.slice(0, 3).join(", ")}${existing.length > 3 ? ", …" : ""}). Use --force to replace them, or choose another folder with --into.`,
    );
  }
  const folder = path.relative(o.contentRoot, o.into).split(path.sep).join("/");
  if (folder.startsWith("..")) throw new ImportError(`--into must be inside ${o.contentRoot}.`);
  const sitePrefix = folder ? `/${folder}/` : "/";
  const sitePath = (oldPath: string) => `${sitePrefix}${oldPath.replace(/^\//, "")}`;

  const report: ImportReport = {
    pages: [],
    redirects: 0,
    todos: [],
    copied: [],
    skipped: [],
    droppedFields: [],
    settings: { diff: [], unmapped: [] },
    normalised: [],
    needsPerson: [],
    keptIds: 0,
    analytics: [],
  };
  const pages: SourcePage[] = [];
  const files: string[] = [];
  const templates: string[] = [];
  const source = walk(sourceDir);
  for (const rel of source.links)
    report.skipped.push({
      file: `source/${rel}`,
      why: "a symbolic link, not followed (it could lead outside the repository); copy the file it points to if it belongs to the site",
    });
  for (const rel of source.files) {
    const top = rel.split("/")[0]!;
    if (SKIP_DIRS[top]) report.skipped.push({ file: `source/${rel}`, why: SKIP_DIRS[top]! });
    else if (isTemplate(rel)) templates.push(rel);
    else files.push(rel);
  }
  // A file another template includes with `partial` is a partial, whatever its name.
  const partials = usedPartials(sourceDir, templates.filter(isPageTemplate));
  for (const rel of templates) {
    if (partials.has(rel)) continue;
    if (isPageTemplate(rel) && /\.(md|markdown|mkd)(\.erb)?$/.test(rel))
      pages.push(sourcePage(rel));
    else if (isPageTemplate(rel))
      report.skipped.push({
        file: `source/${rel}`,
        why: "HTML templates are not converted; rewrite the page in Markdown",
      });
    else if (!path.posix.basename(rel).startsWith("_"))
      report.skipped.push({
        file: `source/${rel}`,
        why: `not a page on the old site (it builds to /${outputName(rel)}, not an .html page) and no page includes it`,
      });
  }

  const map: LinkMap = { pages: new Map(), files: new Map() };
  for (const page of pages) for (const url of page.oldUrls) map.pages.set(url, page.file);
  for (const file of files) map.files.set(`/${file}`, file);

  const googleTags = new Set<string>();
  for (const page of pages) {
    const raw = readFileSync(path.join(sourceDir, page.source), "utf8");
    const { data, body, bodyLine } = splitFrontmatter(raw);
    const note = (source: string, line: number | undefined, what: string) => ({
      page: page.file,
      source: `source/${source}`,
      line,
      what,
    });
    const stripped = stripScripts(body);
    for (const id of stripped.googleTagIds) googleTags.add(id);
    for (const line of stripped.otherScripts)
      report.needsPerson.push(
        note(
          page.source,
          line + bodyLine,
          "a <script> was left out: pages here cannot run scripts",
        ),
      );
    // Each partial is its own Markdown document on the old site: normalised, and given its
    // heading ids, on its own; then the page around it.
    const own = prepare(stripped.markdown, page.source, bodyLine, (l, what) =>
      report.normalised.push(note(page.source, l, what)),
    );
    const converted = convertErb(own, {
      readPartial: (name, from) => {
        const found = locatePartial(sourceDir, from ?? page.source, name);
        if ("error" in found) {
          report.needsPerson.push(note(from ?? page.source, undefined, found.error));
          return undefined;
        }
        const text = stripScripts(readFileSync(path.join(sourceDir, found.file), "utf8"));
        for (const id of text.googleTagIds) googleTags.add(id);
        return {
          file: found.file,
          markdown: prepare(text.markdown, found.file, 0, (l, what) =>
            report.normalised.push(note(found.file, l, what)),
          ),
        };
      },
    });
    for (const erb of converted.todos) report.todos.push({ file: page.file, erb });
    const { markdown: withIds, titleId } = withoutTitleHeading(markTechDocsIds(converted.markdown));
    const settled = settleIds(withIds);
    report.keptIds += settled.kept + (titleId ? 1 : 0);
    for (const id of new Set(settled.duplicates))
      report.needsPerson.push(
        note(
          page.source,
          undefined,
          `the old page had the heading id "${id}" more than once; only the first is kept`,
        ),
      );
    const markdown = rewriteLinks(settled.markdown, page.file, page.oldUrl, map);
    const frontmatter = mapFrontmatter(data, page, sitePath, (what) =>
      report.needsPerson.push(note(page.source, undefined, what)),
    );
    if (titleId) frontmatter.titleId = titleId;
    if (typeof data.layout === "string" && data.layout !== "core")
      report.needsPerson.push(
        note(
          page.source,
          undefined,
          `its layout "${data.layout}" was replaced by this site's sub-navigation layout`,
        ),
      );
    const dropped = Object.keys(data)
      .filter((k) => !KEPT.includes(k))
      .sort();
    if (dropped.length) report.droppedFields.push({ file: page.file, fields: dropped });
    report.redirects += (frontmatter.old_paths as string[] | undefined)?.length ?? 0;
    const out = path.join(o.into, page.file);
    if (!o.dryRun) mkdirSync(path.dirname(out), { recursive: true });
    if (!o.dryRun)
      writeFileSync(
        out,
        `---\n${stringify(frontmatter, { lineWidth: 0 })}---\n${markdown.replace(/^\n+/, "")}`,
      );
    report.pages.push({ from: `source/${page.source}`, to: path.join(o.into, page.file) });
  }
  report.analytics = [...googleTags].sort();
  for (const file of files) {
    const out = path.join(o.into, file);
    if (!o.dryRun) {
      mkdirSync(path.dirname(out), { recursive: true });
      copyFileSync(path.join(sourceDir, file), out);
    }
    report.copied.push(out);
  }

  const configFile = path.join(o.repo, "config", "tech-docs.yml");
  const hasConfig = existsSync(configFile);
  if (hasConfig || report.analytics.length) {
    const config = (
      hasConfig ? (parse(readFileSync(configFile, "utf8"), { schema: "core" }) ?? {}) : {}
    ) as TechDocsConfig;
    const newPath = (old: string) => {
      const page =
        map.pages.get(old) ??
        map.pages.get(old.replace(/\/?$/, "/")) ??
        map.pages.get(`${old}.html`);
      return page ? newUrl(page, sitePrefix) : sitePath(old);
    };
    const { settings, unmapped } = settingsFromTechDocs(
      config,
      path.relative(process.cwd(), o.contentRoot),
      newPath,
    );
    report.settings.unmapped = unmapped;
    // Tracking pasted into pages becomes the one analytics setting (loaded after consent).
    const tagId = analyticsId(report.analytics);
    if (tagId && !settings.analytics) settings.analytics = { googleTagId: tagId };
    const settingsFile = path.join(o.contentRoot, "_data", "site.yml");
    const merged = mergeSettings(
      existsSync(settingsFile) ? readFileSync(settingsFile, "utf8") : undefined,
      settings,
      `Imported from ${path.relative(process.cwd(), hasConfig ? configFile : o.repo)}`,
    );
    report.settings.file = settingsFile;
    report.settings.diff = merged.diff;
    if (!o.dryRun && merged.diff.some((d) => d.startsWith("+"))) {
      mkdirSync(path.dirname(settingsFile), { recursive: true });
      writeFileSync(settingsFile, merged.text);
    }
  }
  return report;
}

/**
 * Adds the imported settings a site.yml does not have yet, keeping its comments and every value
 * it already sets (a value that differs is listed, not overwritten).
 */
function mergeSettings(
  existing: string | undefined,
  imported: Record<string, unknown>,
  comment: string,
): { text: string; diff: string[] } {
  // A new file is written in block style, one setting per line, like a hand-written site.yml.
  const doc = existing?.trim() ? parseDocument(existing) : new Document({});
  if (existing === undefined) doc.commentBefore = ` ${comment}`;
  const diff: string[] = [];
  for (const [key, value] of Object.entries(imported)) {
    const current: unknown = doc.toJS()?.[key];
    if (current === undefined) {
      doc.set(key, value);
      diff.push(`+ ${stringify({ [key]: value }, { lineWidth: 0 }).trimEnd()}`);
    } else if (JSON.stringify(current) !== JSON.stringify(value)) {
      diff.push(`= ${key}: kept this site's value; tech-docs.yml has ${JSON.stringify(value)}`);
    }
  }
  return { text: doc.toString({ lineWidth: 0 }), diff };
}

/**
 * tech-docs pages repeat their title as a `# heading`; here the layout prints it from `title`,
 * keeping the heading's old id so links to it still land.
 */
function withoutTitleHeading(markdown: string): { markdown: string; titleId?: string } {
  const m = /^\s*# [^\n]*?(?:\s\{#([^}\s]+)\})?[ \t]*(?:\n+|$)/.exec(markdown);
  if (!m) return { markdown };
  return { markdown: markdown.slice(m[0].length), titleId: m[1] };
}

/** Normalises one old Markdown document (reporting each change at its line). */
function prepare(
  markdown: string,
  source: string,
  lineOffset: number,
  record: (line: number, what: string) => void,
): string {
  const normalised = normaliseRedcarpet(markdown);
  for (const change of normalised.changes) record(change.line + lineOffset, change.what);
  return normalised.markdown;
}

/** Every template that pages include with `partial`, directly or through other partials. */
function usedPartials(sourceDir: string, pages: string[]): Set<string> {
  const found = new Set<string>();
  const queue = [...pages];
  for (let from = queue.shift(); from !== undefined; from = queue.shift()) {
    const text = readFileSync(path.join(sourceDir, from), "utf8");
    for (const name of partialNames(text)) {
      const hit = locatePartial(sourceDir, from, name);
      if ("file" in hit && !found.has(hit.file)) {
        found.add(hit.file);
        queue.push(hit.file);
      }
    }
  }
  return found;
}

function sourcePage(rel: string): SourcePage {
  const stem = outputName(rel).replace(/\.html$/, "");
  const isIndex = path.posix.basename(stem) === "index";
  const dir = path.posix.dirname(stem) === "." ? "" : `${path.posix.dirname(stem)}/`;
  const file = `${stem}.md`;
  if (isIndex)
    return {
      source: rel,
      file,
      oldUrl: `/${dir}index.html`,
      oldUrls: [`/${dir}`, `/${dir}index.html`],
    };
  return {
    source: rel,
    file,
    oldUrl: `/${stem}.html`,
    oldUrls: [`/${stem}.html`, `/${stem}/`, `/${stem}`],
  };
}

/** This site's address of an imported page file. */
function newUrl(file: string, sitePrefix: string): string {
  const stem = file.replace(/\.md$/, "").replace(/(^|\/)index$/, "$1");
  return `${sitePrefix}${stem}${stem && !stem.endsWith("/") ? "/" : ""}`;
}

function mapFrontmatter(
  data: Record<string, unknown>,
  page: SourcePage,
  sitePath: (p: string) => string,
  refused: (what: string) => void,
): Record<string, unknown> {
  const fm: Record<string, unknown> = {
    title: typeof data.title === "string" ? data.title : path.posix.basename(page.file, ".md"),
  };
  if (typeof data.description === "string") fm.description = data.description;
  fm.layout = "sub-navigation";
  if (typeof data.weight === "number") fm.eleventyNavigation = { order: data.weight };
  for (const key of ["last_reviewed_on", "review_in", "owner_slack", "prevent_indexing"]) {
    if (data[key] !== undefined) fm[key] = data[key];
  }
  if (data.hide_in_navigation === true) fm.hideInNavigation = true;
  // Old .html addresses redirect here; an index page's old folder address is still its address.
  const own = page.oldUrls.filter(
    (u) => !u.endsWith("/") && !u.endsWith("/index.html") && u.endsWith(".html"),
  );
  // Kept only if it stays a plain address: the build refuses `..` and the like anyway.
  const declared = (Array.isArray(data.old_paths) ? data.old_paths : []).filter(
    (p): p is string => {
      if (typeof p !== "string") return false;
      const unsafe = unsafeAddress(p.startsWith("/") ? p : `/${p}`);
      if (unsafe) refused(`its old path "${p}" was not kept: it ${unsafe}`);
      return !unsafe;
    },
  );
  const oldPaths = [...own, ...declared].map((p) => sitePath(p.startsWith("/") ? p : `/${p}`));
  if (oldPaths.length) fm.old_paths = [...new Set(oldPaths)];
  return fm;
}

function splitFrontmatter(raw: string): {
  data: Record<string, unknown>;
  body: string;
  /** Lines before the body, so body line n is file line n + bodyLine. */
  bodyLine: number;
} {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!m) return { data: {}, body: raw, bodyLine: 0 };
  const data = parse(m[1]!, { schema: "core" }) as unknown;
  return {
    data: data && typeof data === "object" ? (data as Record<string, unknown>) : {},
    body: raw.slice(m[0].length),
    bodyLine: m[0].split("\n").length - 1,
  };
}

/** Every file under `dir`; symbolic links are listed apart, never followed. */
function walk(dir: string): { files: string[]; links: string[] } {
  const entries = readdirSync(dir, { recursive: true, withFileTypes: true });
  const rel = (d: Dirent) =>
    path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/");
  return {
    files: entries
      .filter((d) => d.isFile())
      .map(rel)
      .sort(),
    links: entries
      .filter((d) => d.isSymbolicLink())
      .map(rel)
      .sort(),
  };
}
