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
} from "node:fs";
import path from "node:path";
import yaml from "js-yaml";
import { convertErb } from "./erb.js";
import { rewriteLinks, type LinkMap } from "./links.js";
import { settingsFromTechDocs, type TechDocsConfig } from "./config.js";

export interface ImportOptions {
  /** The tech-docs repository (holding source/ and config/tech-docs.yml). */
  repo: string;
  /** Folder to import into, e.g. content/analytical-platform. */
  into: string;
  /** The site's content folder (for addresses and settings). */
  contentRoot: string;
  force: boolean;
}

export interface ImportReport {
  pages: { from: string; to: string }[];
  redirects: number;
  todos: { file: string; erb: string }[];
  copied: string[];
  skipped: { file: string; why: string }[];
  droppedFields: { file: string; fields: string[] }[];
  settings: { written?: string; mergeByHand?: string; unmapped: string[] };
}

export class ImportError extends Error {}

const PAGE = /\.html\.md\.erb$|\.html\.md$|\.md$/;
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
    settings: { unmapped: [] },
  };
  const pages: SourcePage[] = [];
  const files: string[] = [];
  for (const rel of walk(sourceDir)) {
    const top = rel.split("/")[0]!;
    const base = path.posix.basename(rel);
    if (SKIP_DIRS[top]) report.skipped.push({ file: `source/${rel}`, why: SKIP_DIRS[top]! });
    else if (base.startsWith("_"))
      continue; // a partial: inlined where it is used
    else if (PAGE.test(rel)) pages.push(sourcePage(rel));
    else if (/\.erb$/.test(rel))
      report.skipped.push({
        file: `source/${rel}`,
        why: "ERB HTML templates are not converted; rewrite the page in Markdown",
      });
    else files.push(rel);
  }

  const map: LinkMap = { pages: new Map(), files: new Map() };
  for (const page of pages) for (const url of page.oldUrls) map.pages.set(url, page.file);
  for (const file of files) map.files.set(`/${file}`, file);

  for (const page of pages) {
    const raw = readFileSync(path.join(sourceDir, page.source), "utf8");
    const { data, body } = splitFrontmatter(raw);
    const converted = convertErb(body, {
      readPartial: (name) => readPartial(sourceDir, page.source, name),
    });
    for (const erb of converted.todos) report.todos.push({ file: page.file, erb });
    const markdown = rewriteLinks(converted.markdown, page.file, page.oldUrl, map);
    const frontmatter = mapFrontmatter(data, page, sitePath);
    const dropped = Object.keys(data)
      .filter((k) => !KEPT.includes(k))
      .sort();
    if (dropped.length) report.droppedFields.push({ file: page.file, fields: dropped });
    report.redirects += (frontmatter.old_paths as string[] | undefined)?.length ?? 0;
    const out = path.join(o.into, page.file);
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(
      out,
      `---\n${yaml.dump(frontmatter, { lineWidth: -1 })}---\n${withoutTitleHeading(markdown)}`,
    );
    report.pages.push({ from: `source/${page.source}`, to: path.join(o.into, page.file) });
  }
  for (const file of files) {
    const out = path.join(o.into, file);
    mkdirSync(path.dirname(out), { recursive: true });
    copyFileSync(path.join(sourceDir, file), out);
    report.copied.push(out);
  }

  const configFile = path.join(o.repo, "config", "tech-docs.yml");
  if (existsSync(configFile)) {
    const config = (yaml.load(readFileSync(configFile, "utf8"), { schema: yaml.CORE_SCHEMA }) ??
      {}) as TechDocsConfig;
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
    const settingsFile = path.join(o.contentRoot, "_data", "site.yml");
    const text = `# Imported from ${path.relative(process.cwd(), configFile)}\n${yaml.dump(settings, { lineWidth: -1 })}`;
    if (existsSync(settingsFile)) report.settings.mergeByHand = text;
    else {
      mkdirSync(path.dirname(settingsFile), { recursive: true });
      writeFileSync(settingsFile, text);
      report.settings.written = settingsFile;
    }
  }
  return report;
}

/** tech-docs pages repeat their title as a `# heading`; here the layout prints it from `title`. */
function withoutTitleHeading(markdown: string): string {
  return markdown.replace(/^\s*# [^\n]*\n+/, "").replace(/^\n+/, "");
}

function sourcePage(rel: string): SourcePage {
  const stem = rel.replace(PAGE, "");
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
  const declared = Array.isArray(data.old_paths)
    ? data.old_paths.filter((p): p is string => typeof p === "string")
    : [];
  const oldPaths = [...own, ...declared].map((p) => sitePath(p.startsWith("/") ? p : `/${p}`));
  if (oldPaths.length) fm.old_paths = [...new Set(oldPaths)];
  return fm;
}

function splitFrontmatter(raw: string): { data: Record<string, unknown>; body: string } {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/.exec(raw);
  if (!m) return { data: {}, body: raw };
  const data = yaml.load(m[1]!, { schema: yaml.CORE_SCHEMA });
  return {
    data: data && typeof data === "object" ? (data as Record<string, unknown>) : {},
    body: raw.slice(m[0].length),
  };
}

/** Middleman looks for `partials/foo` as partials/_foo.* next to the page, then from source/. */
function readPartial(sourceDir: string, pageSource: string, name: string): string | undefined {
  const dir = path.posix.dirname(name);
  const base = `_${path.posix.basename(name)}`;
  for (const root of [path.posix.dirname(pageSource), ""]) {
    const folder = path.join(sourceDir, root, dir);
    if (!existsSync(folder)) continue;
    const hit = readdirSync(folder)
      .sort()
      .find((f) => f === base || f.startsWith(`${base}.`));
    if (hit) return readFileSync(path.join(folder, hit), "utf8");
  }
  return undefined;
}

function walk(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => path.relative(dir, path.join(d.parentPath, d.name)).split(path.sep).join("/"))
    .sort();
}
