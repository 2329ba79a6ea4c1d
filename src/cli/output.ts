// `npm run build` replaces the output folder whole: the site is built into a new folder beside
// it, which takes the output folder's place only when the build succeeds. A failed or killed
// build leaves the previous site as it was, a page deleted from the content disappears from
// the output, and a second build into the same folder at the same time is refused.
import {
  existsSync,
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

export async function replaceWhole(
  target: string,
  input: string,
  write: (folder: string) => Promise<void>,
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
      if (entry.startsWith(`.${name}.building-`) || entry.startsWith(`.${name}.previous-`))
        rmSync(path.join(parent, entry), { recursive: true, force: true });
    const building = mkdtempSync(path.join(parent, `.${name}.building-`));
    try {
      await write(building);
    } catch (error) {
      rmSync(building, { recursive: true, force: true });
      throw error;
    }
    const previous = path.join(parent, `.${name}.previous-${process.pid}`);
    if (existsSync(target)) renameSync(target, previous);
    renameSync(building, target);
    rmSync(previous, { recursive: true, force: true });
  } finally {
    rmSync(lock, { force: true });
  }
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
