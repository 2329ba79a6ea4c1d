// Images and documents kept beside the Markdown are published at the same relative place, for
// content trees anywhere on disk (Eleventy's passthrough globs only work inside the project).
import { copyFileSync, mkdirSync, readdirSync } from "node:fs";
import path from "node:path";

export const CONTENT_FILE_TYPES = [
  "png",
  "jpg",
  "jpeg",
  "gif",
  "svg",
  "webp",
  "pdf",
  "csv",
  "txt",
  "xlsx",
  "docx",
  "odt",
  "ods",
  "zip",
];
const PATTERN = new RegExp(`\\.(${CONTENT_FILE_TYPES.join("|")})$`, "i");

export function copyContentFiles(inputDir: string, outputDir: string): number {
  let copied = 0;
  for (const entry of readdirSync(inputDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile() || !PATTERN.test(entry.name)) continue;
    const from = path.join(entry.parentPath, entry.name);
    const relative = path.relative(inputDir, from);
    if (relative.split(path.sep).some((part) => part.startsWith("_") || part === "node_modules"))
      continue;
    const to = path.join(outputDir, relative);
    mkdirSync(path.dirname(to), { recursive: true });
    copyFileSync(from, to);
    copied++;
  }
  return copied;
}
