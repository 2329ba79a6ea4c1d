// When each page's source last changed, from one `git log` over the whole content folder per
// build (not one git call per page), falling back to the file's modification time outside a
// git checkout or for files not committed yet.
import { execFileSync } from "node:child_process";
import { statSync } from "node:fs";
import path from "node:path";

export class LastUpdated {
  private commits?: Map<string, string>;

  constructor(private readonly contentDir: string) {}

  /** YYYY-MM-DD of the last change to `file` (absolute path). */
  of(file: string): string | undefined {
    this.commits ??= lastCommitDates(this.contentDir);
    const fromGit = this.commits.get(path.resolve(file));
    if (fromGit) return fromGit;
    try {
      return statSync(file).mtime.toISOString().slice(0, 10);
    } catch {
      return undefined;
    }
  }
}

/** Newest commit date of every file under `dir`, from a single `git log`. */
export function lastCommitDates(dir: string): Map<string, string> {
  const dates = new Map<string, string>();
  let root: string;
  let log: string;
  try {
    root = execFileSync("git", ["rev-parse", "--show-toplevel"], {
      cwd: dir,
      encoding: "utf8",
      stdio: ["ignore", "pipe", "ignore"],
    }).trim();
    log = execFileSync("git", ["log", "--format=%x00%cs", "--name-only", "--", "."], {
      cwd: dir,
      encoding: "utf8",
      maxBuffer: 256 * 1024 * 1024,
      stdio: ["ignore", "pipe", "ignore"],
    });
  } catch {
    return dates; // not a git checkout, or git is not installed
  }
  let date = "";
  for (const line of log.split("\n")) {
    if (line.startsWith("\0")) date = line.slice(1);
    else if (line && date) {
      const file = path.join(root, line);
      if (!dates.has(file)) dates.set(file, date); // git log is newest first
    }
  }
  return dates;
}
