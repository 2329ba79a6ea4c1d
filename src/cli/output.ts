// `npm run build` replaces the output folder whole: the site is built into a folder beside it,
// which takes the output folder's place only when the build succeeds. A failed or killed build
// leaves the previous site as it was, a page deleted from the content disappears from the
// output, and a second build into the same folder at the same time is refused.
//
// With `reuse`, the site replaced last time (or the folder of a build that was stopped) is kept
// beside the output (`.NAME.previous`) and the next build writes over its files instead of into
// an empty folder; the files it does not write again are then removed (EarlierFiles,
// src/safety/earlier-files.ts). On a disk where creating files right after deleting many is slow
// (ext4 mounted with `discard`, as on the machine this was measured on), that was most of a
// build's file-system time: 4,000 files written over took 0.2 s, after a deletion 2.5-6 s.
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";

export class OutputError extends Error {}

/** In the name of the folder a build writes in (.NAME.building-…), beside the output NAME. */
const BUILDING = ".building-";

export async function replaceWhole(
  target: string,
  input: string,
  /** `again`: the second attempt, into an empty folder (see EarlierFilesInTheWay). */
  write: (folder: string, again: boolean) => Promise<void>,
  { reuse = false }: { reuse?: boolean } = {},
): Promise<void> {
  target = path.resolve(target);
  refuseShared(target, path.resolve(input));
  const parent = path.dirname(target);
  const name = path.basename(target);
  mkdirSync(parent, { recursive: true });
  const lock = path.join(parent, `.${name}.lock`);
  takeLock(lock, target);
  try {
    // Left behind by a build that was killed.
    for (const entry of readdirSync(parent))
      if (entry.startsWith(`.${name}${BUILDING}`) || entry.startsWith(`.${name}.previous-`))
        rmSync(path.join(parent, entry), { recursive: true, force: true });
    const kept = path.join(parent, `.${name}.previous`);
    let building = reuse ? claimKept(kept, parent, name) : newFolder(parent, name);
    for (let attempt = 1; ; attempt++) {
      try {
        await write(building, attempt > 1);
        break;
      } catch (error) {
        // A stopped build's folder is kept for the next build to write over, as the site before
        // last is: removing it kept the stopped command waiting (0.44–0.48 s at 4,000 pages,
        // where keeping it takes 7–8 ms), and the next build would start from an empty folder.
        // A failed build's goes, in case what failed was in it (a file that cannot be written
        // over, say).
        if (reuse && error instanceof BuildStopped) keep(building, kept);
        else rmSync(building, { recursive: true, force: true });
        if (!(error instanceof EarlierFilesInTheWay) || attempt > 1) throw error;
        building = newFolder(parent, name);
      }
    }
    const previous = reuse ? kept : path.join(parent, `.${name}.previous-${process.pid}`);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(building, target);
    if (!reuse) rmSync(previous, { recursive: true, force: true });
    else if (existsSync(previous)) ignoredByGit(previous);
  } finally {
    rmSync(lock, { force: true });
  }
}

/** Thrown by a build's `write` when the build was stopped (Ctrl-C, a CI job cancelled). */
export class BuildStopped extends Error {
  constructor() {
    super("the build was stopped");
  }
}

/**
 * The site before last had a file where this build puts a folder, or the reverse (a page's
 * address changed from /a.html to /a.html/): replaceWhole builds once more, into an empty folder.
 */
export class EarlierFilesInTheWay extends Error {
  /** How the build's worker process says so (sysexits' "temporary failure"). */
  static readonly exitCode = 75;

  constructor() {
    super("a file of an earlier build was in the way of this one");
  }

  static causedBy(error: unknown): boolean {
    const clash = new Set(["ENOTDIR", "EISDIR", "EEXIST"]);
    // Eleventy wraps the file system's error (originalError); others use cause.
    for (let e = error, depth = 0; e && typeof e === "object" && depth < 10; depth++) {
      if (clash.has((e as NodeJS.ErrnoException).code ?? "")) return true;
      e = (e as { originalError?: unknown }).originalError ?? (e as { cause?: unknown }).cause;
    }
    return false;
  }
}

const newFolder = (parent: string, name: string) =>
  mkdtempSync(path.join(parent, `.${name}${BUILDING}`));

/** The output folder that `folder`, if it is a folder replaceWhole builds in, is to replace. */
export function outputBuiltIn(folder: string): string | undefined {
  const base = path.basename(folder);
  const at = base.lastIndexOf(BUILDING);
  if (!base.startsWith(".") || at < 2) return undefined;
  return path.join(path.dirname(path.resolve(folder)), base.slice(1, at));
}

/** `folder` kept for the next build to write over, in the kept site's place. */
function keep(folder: string, kept: string): void {
  // Claimed by this build, so normally absent; anything made there since would stop the rename.
  rmSync(kept, { recursive: true, force: true });
  renameSync(folder, kept);
  ignoredByGit(kept);
}

/** Git leaves a folder alone that ignores everything in it (the next build removes this file). */
function ignoredByGit(folder: string): void {
  writeFileSync(path.join(folder, ".gitignore"), "*\n");
}

/** The kept site, under a building name (so a killed build's folder is cleared next time). */
function claimKept(kept: string, parent: string, name: string): string {
  const stat = lstatSync(kept, { throwIfNoEntry: false });
  if (!stat?.isDirectory()) {
    // Anything else (a link, say) is not written into.
    rmSync(kept, { recursive: true, force: true });
    return newFolder(parent, name);
  }
  const building = path.join(parent, `.${name}${BUILDING}${process.pid}`);
  renameSync(kept, building);
  return building;
}

/** Renaming the output folder away must never take the content or the project with it. */
function refuseShared(target: string, input: string): void {
  const contains = (outer: string, inner: string) =>
    inner === outer || inner.startsWith(outer + path.sep);
  if (
    contains(target, input) ||
    contains(target, process.cwd()) ||
    target === path.parse(target).root
  )
    throw new OutputError(
      `the output folder ${target} holds the content or the project; choose a folder of its own, like _site`,
    );
}

function takeLock(lock: string, target: string): void {
  try {
    writeFileSync(lock, String(process.pid), { flag: "wx" });
    return;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const pid = Number(readFileSync(lock, "utf8"));
  if (Number.isInteger(pid) && pid > 0 && isRunning(pid))
    throw new OutputError(
      `another build (process ${pid}) is writing ${target}; wait for it to finish, or stop it`,
    );
  writeFileSync(lock, String(process.pid)); // the build that held it has gone
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
