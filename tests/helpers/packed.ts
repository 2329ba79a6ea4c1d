// Another team's project: the packed tarball of the engine installed into an empty folder,
// with the dependencies npm would install linked from this checkout (the registry is not
// reachable from tests) and no TypeScript tooling.
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { projectRoot } from "./build.js";

export const NAME = "@ministryofjustice/docs-eleventy-plugin";

/** A project with the packed engine in node_modules and the dependencies npm would install. */
export function installPacked(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "consumer-"));
  const packed = execFileSync("npm", ["pack", "--silent", "--pack-destination", dir], {
    cwd: projectRoot,
    encoding: "utf8",
  }).trim();
  const modules = path.join(dir, "node_modules");
  const target = path.join(modules, NAME);
  mkdirSync(target, { recursive: true });
  execFileSync("tar", ["-xzf", path.join(dir, packed), "-C", target, "--strip-components=1"]);
  // The registry is not reachable from tests: link the dependencies this checkout installed.
  const ours = path.join(projectRoot, "node_modules");
  for (const entry of readdirSync(ours)) {
    if (entry === ".bin" || entry.startsWith(".")) continue;
    if (entry.startsWith("@")) {
      mkdirSync(path.join(modules, entry), { recursive: true });
      for (const child of readdirSync(path.join(ours, entry))) {
        const to = path.join(modules, entry, child);
        if (!existsSync(to)) symlinkSync(path.join(ours, entry, child), to);
      }
    } else symlinkSync(path.join(ours, entry), path.join(modules, entry));
  }
  // npm would not install the engine's development tools for a consumer.
  for (const dev of ["tsx", "typescript"]) {
    const link = path.join(modules, dev);
    if (existsSync(link)) execFileSync("rm", [link]);
  }
  return dir;
}

/** A small ES-module project with three pages, using the packed engine. */
export function smallProject(): string {
  const dir = installPacked();
  writeFileSync(path.join(dir, "package.json"), JSON.stringify({ type: "module", private: true }));
  mkdirSync(path.join(dir, "docs", "guide"), { recursive: true });
  writeFileSync(
    path.join(dir, "docs", "index.md"),
    "---\ntitle: Team guide\nlayout: product\n---\nRead the [guide](guide/index.md).\n",
  );
  writeFileSync(
    path.join(dir, "docs", "guide", "index.md"),
    "---\ntitle: Guide\nlayout: sub-navigation\n---\n## Start here\n\nSee [the first step](first.md#install).\n",
  );
  writeFileSync(
    path.join(dir, "docs", "guide", "first.md"),
    "---\ntitle: First step\n---\n## Install\n\nInstall it.\n",
  );
  return dir;
}

/** Runs Node in the project, as its own scripts would. */
export function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env },
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}
