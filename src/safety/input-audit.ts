// Before anything in the content folder is read, it is walked once and checked:
// - nothing in it runs code at build time (templates, JavaScript data files) unless the site's
//   config names it as trusted: a pull request that only "edits content" must not run code in CI;
// - no symbolic link leads outside it: a link to /etc/passwd or /proc/self/environ would be
//   published as a page;
// - no two page files differ only in case (one overwrites the other on case-insensitive disks),
//   and no file name holds a character that cannot appear in the page's address.
import { readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";
import type { NewProblem } from "../problems/collector.js";

/** Files Eleventy would run as templates or data code. Markdown is content, not a template. */
const TEMPLATE =
  /\.(njk|liquid|html?|hbs|ejs|pug|haml|mustache|webc|vto|jsx|tsx|11ty\.[cm]?[jt]s)$/i;
const CODE = /\.([cm]?js|[cm]?ts)$/i;
const UNREACHABLE_NAME = /[#?%]/;

export interface AuditOptions {
  /** The content folder. */
  inputDir: string;
  /** Eleventy's data folder (JavaScript files in it run at build time). */
  dataDir: string;
  /** Folders and files maintainers own, where templates and code are expected. */
  trusted: readonly string[];
  /** Folders never published (the output folder, node_modules). */
  skip: readonly string[];
  /** Path as shown in messages. */
  displayPath(absolute: string): string;
}

export interface Audit {
  /** Problems that stop the build before any content is read. */
  unsafe: NewProblem[];
  /** Problems reported with the rest. */
  names: NewProblem[];
}

export function auditInput(o: AuditOptions): Audit {
  const audit: Audit = { unsafe: [], names: [] };
  const root = realpathSync(o.inputDir);
  const inside = (dir: string, file: string) =>
    file === dir || file.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
  const trusted = (file: string) => o.trusted.some((t) => inside(t, file));
  const pages = new Map<string, string>();
  const walked = new Set<string>([root]); // a link to a folder above itself would loop

  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name);
      if (entry.name === ".git" || o.skip.some((s) => inside(s, file))) continue;
      const shown = o.displayPath(file);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        let target: string;
        try {
          target = realpathSync(file);
        } catch {
          continue; // a broken link reads nothing
        }
        if (!inside(root, target)) {
          audit.unsafe.push({
            file: shown,
            kind: "unsafe-link",
            message: `this is a symbolic link to ${target}, outside the content folder`,
            hint: "copy the file into the content folder instead of linking to it",
          });
          continue;
        }
        isDir = statSync(file).isDirectory();
        if (isDir && walked.has(target)) continue;
        walked.add(target);
      }
      if (isDir) {
        walk(file);
        continue;
      }
      if (trusted(file)) continue;
      const isData = inside(o.dataDir, file) || /\.11tydata\.[^.]+$/.test(entry.name);
      if (TEMPLATE.test(entry.name) || (isData && CODE.test(entry.name))) {
        audit.unsafe.push({
          file: shown,
          kind: "unsafe-content",
          message: TEMPLATE.test(entry.name)
            ? "templates in the content folder run code when the site is built"
            : "JavaScript data files in the content folder run code when the site is built",
          hint: "write the page in Markdown (or the data in YAML or JSON); if maintainers own this file, name it in the plugin's trustedContent option",
        });
      }
      if (!/\.md$/i.test(entry.name)) continue;
      if (UNREACHABLE_NAME.test(entry.name))
        audit.names.push({
          file: shown,
          kind: "file-name",
          message: "the file name has #, ? or %, so the page's address could not be visited",
          hint: "rename the file using letters, numbers and hyphens",
        });
      const key = file.toLowerCase();
      const other = pages.get(key);
      if (other)
        audit.names.push({
          file: shown,
          kind: "file-name",
          message: `this file and ${other} differ only in capital letters; on many computers one replaces the other`,
          hint: "rename one of them",
        });
      else pages.set(key, shown);
    }
  };
  walk(o.inputDir);
  return audit;
}
