// The files an earlier build left in a folder that a build writes over (the site before last,
// the preview's, an earlier search index): taken before the build, so that afterwards the
// folder holds that build's files and nothing else, and nothing is written through a link.
import { existsSync, lstatSync, readdirSync, rmdirSync, rmSync, statSync } from "node:fs";
import path from "node:path";

/**
 * The files an earlier build left in the folder a build writes over. Taken before the build;
 * afterwards, the files it did not write again are removed, so the folder holds this build's
 * files and nothing else. A file was written again when its inode change time moved: writing,
 * copying and renaming all move it, and nothing can set it back. Links and special files are
 * removed at once, so nothing is ever written through them.
 */
export class EarlierFiles {
  private constructor(
    private readonly files: Map<string, bigint>,
    private readonly folders: string[],
    /** Folders that held nothing once taken: empty already, or only a link that was removed. */
    private readonly emptyFolders: Set<string>,
  ) {}

  /** `except`: files of the folder that are neither listed nor removed (a marker, say). */
  static take(root: string, except: (file: string) => boolean = () => false): EarlierFiles {
    const files = new Map<string, bigint>();
    const folders: string[] = [];
    const holding = new Set<string>();
    const entries = existsSync(root)
      ? readdirSync(root, { recursive: true, withFileTypes: true })
      : [];
    for (const entry of entries) {
      const file = path.join(entry.parentPath, entry.name);
      if (!except(file)) {
        if (entry.isDirectory()) folders.push(file);
        else if (entry.isFile()) files.set(file, statSync(file, { bigint: true }).ctimeNs);
        else {
          rmSync(file, { force: true }); // its folder no longer holds it
          continue;
        }
      }
      holding.add(path.dirname(file));
    }
    const empty = new Set(folders.filter((folder) => !holding.has(folder)));
    return new EarlierFiles(files, folders, empty);
  }

  get none(): boolean {
    return this.files.size === 0 && this.folders.length === 0;
  }

  /** Whether `file` is one of the earlier files, not written since they were taken. */
  unwritten(file: string): boolean {
    const changed = this.files.get(file);
    if (changed === undefined) return false;
    const now = lstatSync(file, { bigint: true, throwIfNoEntry: false });
    return Boolean(now?.isFile() && now.ctimeNs === changed);
  }

  /** Removes the earlier files this build did not write, but those `keep` says a later step writes. */
  removeUnwritten(keep: (file: string) => boolean = () => false): void {
    // Only a folder something was removed from can have become empty: trying every folder
    // (one per page) cost 70 ms at 4,000 pages, each refusal an error thrown.
    const mayBeEmpty = new Set(this.emptyFolders);
    for (const file of this.files.keys()) {
      if (keep(file) || !this.unwritten(file)) continue;
      rmSync(file);
      mayBeEmpty.add(path.dirname(file));
    }
    // Deepest first, so a folder emptied of folders goes too; folders still in use stay.
    for (const folder of [...this.folders].sort((a, b) => b.length - a.length)) {
      if (keep(folder) || !mayBeEmpty.has(folder)) continue;
      try {
        rmdirSync(folder);
        mayBeEmpty.add(path.dirname(folder));
      } catch {
        // not empty: this build wrote into it
      }
    }
  }
}
