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
import { createRequire } from "node:module";
import path from "node:path";

const require = createRequire(import.meta.url);

export interface AssetManifest {
  /** Logical name ("app.css") → URL path below the site root ("/assets/app.1a2b3c4d.css"). */
  [logical: string]: string;
}

interface Built {
  logical: string;
  contents: string;
}

/** Builds the engine's assets (in `engineRoot`), cached in the site's node_modules/.cache. */
export async function buildAssets(
  engineRoot: string,
  outputDir: string,
  siteRoot: string,
): Promise<AssetManifest> {
  const assetsDir = path.join(engineRoot, "assets");
  const cacheDir = path.join(siteRoot, "node_modules", ".cache", "site-assets");
  const key = inputsHash(assetsDir);
  const cacheFile = path.join(cacheDir, `${key}.json`);

  let built = readCache(cacheFile);
  if (!built) {
    built = await Promise.all([
      compileCss(engineRoot, siteRoot, assetsDir),
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

async function compileCss(engineRoot: string, siteRoot: string, assetsDir: string): Promise<Built> {
  const sass = await import("sass");
  const result = await sass.compileAsync(path.join(assetsDir, "scss", "app.scss"), {
    importers: [new sass.NodePackageImporter(engineRoot)],
    // MoJ Frontend names GOV.UK's files as node_modules/govuk-frontend/…: wherever npm put them.
    loadPaths: [engineRoot, siteRoot],
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
function inputsHash(assetsDir: string): string {
  const h = createHash("sha256");
  for (const file of listFiles(assetsDir)) h.update(file).update(readFileSync(file));
  for (const pkg of ["govuk-frontend", "@ministryofjustice/frontend", "sass", "esbuild"]) {
    h.update(readFileSync(packageManifest(pkg)));
  }
  return h.digest("hex").slice(0, 16);
}

/** A package's package.json, found from its entry point (some packages do not export it). */
function packageManifest(pkg: string): string {
  let dir = path.dirname(require.resolve(pkg));
  while (!existsSync(path.join(dir, "package.json"))) dir = path.dirname(dir);
  return path.join(dir, "package.json");
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
