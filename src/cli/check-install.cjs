// Runs before this repository's commands with nothing but Node (see compile-engine.cjs): when
// the tools are not installed yet, say what to do instead of Node's "Cannot find module".
const { existsSync } = require("node:fs");
const path = require("node:path");

const modules = path.join(process.cwd(), "node_modules");
if (!["@11ty/eleventy", "typescript"].every((tool) => existsSync(path.join(modules, tool)))) {
  console.error(
    "The site's tools are not installed yet. Run `npm ci` first (once, and again whenever package-lock.json changes).",
  );
  process.exit(1);
}
