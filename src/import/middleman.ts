// Middleman's rules, as tech-docs sites rely on them: which source files are pages, and where
// `partial "name"` finds its file. Nothing is executed.
import { existsSync, readdirSync, realpathSync, statSync } from "node:fs";
import path from "node:path";

/** Template engines Middleman strips from a file name to get the address it builds to. */
const TEMPLATE_EXTENSIONS = new Set([
  ".erb",
  ".md",
  ".markdown",
  ".mkd",
  ".haml",
  ".slim",
  ".liquid",
]);

/** The address a source file builds to: `tools/index.html.md.erb` → `tools/index.html`. */
export function outputName(rel: string): string {
  let name = rel;
  while (TEMPLATE_EXTENSIONS.has(path.posix.extname(name)))
    name = name.slice(0, -path.posix.extname(name).length);
  return name;
}

/** A template file that builds to an HTML page; a partial (`_name`) never does. */
export function isPageTemplate(rel: string): boolean {
  const base = path.posix.basename(rel);
  return !base.startsWith("_") && isTemplate(rel) && outputName(rel).endsWith(".html");
}

export function isTemplate(rel: string): boolean {
  return outputName(rel) !== rel;
}

export type PartialLookup = { file: string } | { error: string };

/**
 * Finds the file of `partial "name"` used by the page or partial at `fromRel` (relative to
 * source/), as Middleman's `locate_partial` does: next to the including file, then from
 * source/; each with the name as written, with a leading underscore, and without one; any
 * template extension. A partial that resolves outside source/ (`../`, or a symlink that points
 * out) is refused.
 */
export function locatePartial(sourceDir: string, fromRel: string, name: string): PartialLookup {
  const clean = name.replace(/^\//, "");
  const dir = path.posix.dirname(clean) === "." ? "" : path.posix.dirname(clean);
  const base = path.posix.basename(clean);
  const names = [...new Set([base, `_${base.replace(/^_/, "")}`, base.replace(/^_/, "")])];
  const roots = name.startsWith("/") ? [""] : [path.posix.dirname(fromRel), ""];
  const realSource = realpathSync(sourceDir);
  for (const root of roots) {
    const folderRel = path.posix.normalize(path.posix.join(root === "." ? "" : root, dir));
    if (folderRel.startsWith("..")) return { error: `partial "${name}" points outside source/` };
    const folder = path.join(sourceDir, folderRel);
    if (!existsSync(folder) || !statSync(folder).isDirectory()) continue;
    const files = readdirSync(folder).sort();
    for (const candidate of names) {
      const hit =
        files.find((f) => f === candidate && isFile(path.join(folder, f))) ??
        files.find((f) => isTemplate(f) && stripAll(f) === candidate);
      if (!hit) continue;
      const file = path.join(folder, hit);
      const real = realpathSync(file);
      if (real !== realSource && !real.startsWith(realSource + path.sep))
        return { error: `partial "${name}" is a link to a file outside source/ (${hit})` };
      return { file: path.relative(sourceDir, file).split(path.sep).join("/") };
    }
  }
  return {
    error: `partial "${name}" was not found (looked next to ${fromRel} and in source/, with and without a leading _)`,
  };
}

/** `annexes.html.md.erb` → `annexes`: the name without any template or output extension. */
function stripAll(file: string): string {
  const out = outputName(file);
  return out.endsWith(".html") ? out.slice(0, -".html".length) : out;
}

function isFile(file: string): boolean {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}
