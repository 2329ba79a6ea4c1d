// Compiles the site's CSS and JavaScript once per build into content-hashed files (safe to
// cache forever). Results are cached on disk by a hash of their inputs, so repeated builds
// (tests, watch mode) skip Sass and esbuild when nothing changed.
import { createHash } from "node:crypto";
import {
  mkdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
  existsSync,
  readdirSync,
} from "node:fs";
import path from "node:path";

export interface AssetManifest {
  /** Logical name ("app.css") → URL path below the site root ("/assets/app.1a2b3c4d.css"). */
  [logical: string]: string;
}

interface Built {
  logical: string;
  contents: string;
}

export async function buildAssets(projectRoot: string, outputDir: string): Promise<AssetManifest> {
  const assetsDir = path.join(projectRoot, "assets");
  const cacheDir = path.join(projectRoot, "node_modules", ".cache", "site-assets");
  const key = inputsHash(projectRoot, assetsDir);
  const cacheFile = path.join(cacheDir, `${key}.json`);

  let built = readCache(cacheFile);
  if (!built) {
    built = await Promise.all([
      compileCss(projectRoot, assetsDir),
      bundleJs(assetsDir, "app"),
      bundleJs(assetsDir, "search"),
    ]);
    mkdirSync(cacheDir, { recursive: true });
    // Write then rename, so a build running at the same time never reads half a file.
    const partial = `${cacheFile}.${process.pid}.tmp`;
    writeFileSync(partial, JSON.stringify(built));
    renameSync(partial, cacheFile);
  }

  const manifest: AssetManifest = {};
  const outDir = path.join(outputDir, "assets");
  mkdirSync(outDir, { recursive: true });
  for (const { logical, contents } of built) {
    const ext = path.extname(logical);
    const hashed = `${path.basename(logical, ext)}.${hash(contents).slice(0, 10)}${ext}`;
    writeFileSync(path.join(outDir, hashed), contents);
    manifest[logical] = `/assets/${hashed}`;
  }
  return manifest;
}

// Sass and esbuild are imported only when the cache misses: loading them costs a build time.
/** The cached build, or undefined when there is none or it cannot be read (then: rebuild). */
function readCache(file: string): Built[] | undefined {
  if (!existsSync(file)) return undefined;
  try {
    return JSON.parse(readFileSync(file, "utf8")) as Built[];
  } catch {
    return undefined;
  }
}

async function compileCss(projectRoot: string, assetsDir: string): Promise<Built> {
  const sass = await import("sass");
  const result = await sass.compileAsync(path.join(assetsDir, "scss", "app.scss"), {
    importers: [new sass.NodePackageImporter(projectRoot)],
    loadPaths: [projectRoot],
    style: "compressed",
    quietDeps: true,
    logger: {
      // MoJ's alert component still calls a GOV.UK mixin deprecated in v6; nothing to fix here.
      warn(message, { deprecation }) {
        if (deprecation || message.includes("govuk-text-colour")) return;
        process.stderr.write(`Sass warning: ${message}\n`);
      },
    },
  });
  return { logical: "app.css", contents: result.css };
}

/** One ES module per entry: app.js on every page, search.js only on the search page. */
async function bundleJs(assetsDir: string, name: string): Promise<Built> {
  const { build: esbuild } = await import("esbuild");
  const result = await esbuild({
    entryPoints: [path.join(assetsDir, "js", `${name}.ts`)],
    bundle: true,
    format: "esm",
    minify: true,
    target: "es2020",
    write: false,
    logLevel: "silent",
  });
  return { logical: `${name}.js`, contents: result.outputFiles[0]!.text };
}

/** Hash of every asset source plus the frontend packages' versions. */
function inputsHash(projectRoot: string, assetsDir: string): string {
  const h = createHash("sha256");
  for (const file of listFiles(assetsDir)) h.update(file).update(readFileSync(file));
  for (const pkg of ["govuk-frontend", "@ministryofjustice/frontend", "sass", "esbuild"]) {
    const manifest = path.join(projectRoot, "node_modules", pkg, "package.json");
    if (existsSync(manifest)) h.update(readFileSync(manifest));
  }
  return h.digest("hex").slice(0, 16);
}

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((d) => d.isFile())
    .map((d) => path.join(d.parentPath, d.name))
    .sort();
}

function hash(contents: string): string {
  return createHash("sha256").update(contents).digest("hex");
}
