// Runs before this repository's commands (`npm start`, `npm run build`, …) with nothing but
// Node: they run the compiled engine in dist/, as another team's project does, so that no
// TypeScript loader sits in their processes (a second of start-up and about 40 MB each). When
// the engine's source has changed since dist/ was last compiled (a pull, or an edit to src/),
// it is compiled again first; otherwise this takes a few milliseconds.
const { spawnSync } = require("node:child_process");
const { readdirSync, statSync, utimesSync, writeFileSync } = require("node:fs");
const path = require("node:path");

/** What the compiled engine is made from: a change to any of them means compiling again. */
const SOURCES = ["src", "tsconfig.json", "tsconfig.build.json", "package-lock.json"];
const STAMP = path.join("dist", ".compiled");

/** The newest modification time among `SOURCES` under root, in milliseconds. */
function newestSource(root) {
  let newest = 0;
  const visit = (file) => {
    const stat = statSync(file, { throwIfNoEntry: false });
    if (!stat) return;
    newest = Math.max(newest, stat.mtimeMs);
    if (stat.isDirectory()) for (const entry of readdirSync(file)) visit(path.join(file, entry));
  };
  for (const source of SOURCES) visit(path.join(root, source));
  return newest;
}

/** Whether dist/ under root is missing or older than the engine's source. */
function needsCompiling(root) {
  const stamp = statSync(path.join(root, STAMP), { throwIfNoEntry: false });
  return !stamp || stamp.mtimeMs < newestSource(root);
}

function compile(root) {
  const started = new Date(); // a source saved while compiling is newer than the stamp
  console.log("Compiling the engine into dist/ (its first run here, or src/ has changed)…");
  const tsc = path.join(root, "node_modules", "typescript", "bin", "tsc");
  const run = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], {
    cwd: root,
    stdio: "inherit",
  });
  if (run.status !== 0) {
    console.error(
      "The engine's TypeScript in src/ does not compile: fix the errors above, then run the command again.",
    );
    process.exit(1);
  }
  writeFileSync(path.join(root, STAMP), "");
  utimesSync(path.join(root, STAMP), started, started);
}

module.exports = { needsCompiling };

if (require.main === module) {
  require("./check-install.cjs"); // says to run `npm ci` first when the tools are missing
  const root = process.cwd();
  if (needsCompiling(root)) compile(root);
}
