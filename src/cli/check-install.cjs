// Runs before `npm start` and `npm run build` with nothing but Node: when the tools are not
// installed yet, say what to do instead of Node's "Cannot find package 'tsx'".
const { existsSync } = require("node:fs");
const path = require("node:path");

if (!existsSync(path.join(process.cwd(), "node_modules", ".bin", "tsx"))) {
  console.error(
    "The site's tools are not installed yet. Run `npm ci` first (once, and again whenever package-lock.json changes).",
  );
  process.exit(1);
}
