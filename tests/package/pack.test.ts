// Another team's view of the engine: the packed tarball, installed into an empty project with
// Eleventy 3, a config of a few lines in plain JavaScript, and no TypeScript or tsx anywhere.
import { execFileSync, spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot } from "../helpers/build.js";

const NAME = "@ministryofjustice/docs-eleventy-plugin";

/** A project with the packed engine in node_modules and the dependencies npm would install. */
function installPacked(): string {
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

function run(cwd: string, args: string[]) {
  const result = spawnSync(process.execPath, args, {
    cwd,
    encoding: "utf8",
    env: { ...process.env },
  });
  return { code: result.status, output: `${result.stdout}\n${result.stderr}` };
}

describe("the packed engine, installed by another team", () => {
  let dir: string;
  beforeAll(() => {
    dir = installPacked();
  });

  it("ships compiled JavaScript with declarations, its templates and assets, and no TypeScript source", () => {
    const pkg = path.join(dir, "node_modules", NAME);
    expect(existsSync(path.join(pkg, "dist/index.js"))).toBe(true);
    expect(readFileSync(path.join(pkg, "dist/index.d.ts"), "utf8")).toContain("docsPlugin");
    expect(existsSync(path.join(pkg, "templates/layouts/page.njk"))).toBe(true);
    expect(existsSync(path.join(pkg, "src"))).toBe(false);
    expect(existsSync(path.join(dir, "node_modules/tsx"))).toBe(false);
  });

  it("builds a checked site with Eleventy's own command and one addPlugin line", () => {
    writeFileSync(
      path.join(dir, "eleventy.config.js"),
      `import { docsPlugin } from "${NAME}";\nexport default function (config) {\n  config.addPlugin(docsPlugin, { search: false });\n  return { dir: { input: "docs" } };\n}\n`,
    );
    const { code, output } = run(dir, ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"]);
    expect(output).not.toMatch(/\n\s+at /); // no stack trace
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, "_site/guide/first/index.html"), "utf8")).toContain(
      'class="govuk-template',
    );
    const guide = readFileSync(path.join(dir, "_site/guide/index.html"), "utf8");
    expect(guide).toMatch(/moj-side-navigation/);
    expect(guide).toContain('href="/guide/first/#install"');
  });

  it("lets the team override one layout by extending the engine's, and keeps their own filters", () => {
    mkdirSync(path.join(dir, "docs/_includes/layouts"), { recursive: true });
    writeFileSync(
      path.join(dir, "docs/_includes/layouts/page.njk"),
      '{% extends "engine/layouts/page.njk" %}\n{% block beforeContent %}<p class="team-banner">{{ "team" | shout }}</p>{% endblock %}\n',
    );
    writeFileSync(
      path.join(dir, "eleventy.config.js"),
      `import { docsPlugin } from "${NAME}";\nexport default function (config) {\n  config.addPlugin(docsPlugin, { search: false });\n  config.addFilter("shout", (s) => s.toUpperCase());\n  return { dir: { input: "docs" } };\n}\n`,
    );
    const { code, output } = run(dir, ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"]);
    expect(output).not.toMatch(/error|warning/i);
    expect(code).toBe(0);
    expect(readFileSync(path.join(dir, "_site/guide/first/index.html"), "utf8")).toContain(
      '<p class="team-banner">TEAM</p>',
    );
  });

  it("runs the engine's build command from its bin, with search, and reports bad options in words", () => {
    const cli = path.join(dir, "node_modules", NAME, "dist/cli/build.js");
    writeFileSync(
      path.join(dir, "eleventy.config.js"),
      `import { docsPlugin } from "${NAME}";\nexport default function (config) {\n  config.addPlugin(docsPlugin);\n  config.addFilter("shout", (s) => s.toUpperCase());\n}\n`,
    );
    const ok = run(dir, [cli, "--input=docs", "--output=_built", "--quiet"]);
    expect(ok.code, ok.output).toBe(0);
    expect(existsSync(path.join(dir, "_built/pagefind/pagefind.js"))).toBe(true);

    // The site's own choice holds unless the command line says otherwise.
    writeFileSync(
      path.join(dir, "eleventy.config.js"),
      `import { docsPlugin } from "${NAME}";\nexport default function (config) {\n  config.addPlugin(docsPlugin, { search: false });\n  config.addFilter("shout", (s) => s.toUpperCase());\n}\n`,
    );
    const off = run(dir, [cli, "--input=docs", "--output=_nosearch", "--quiet"]);
    expect(off.code, off.output).toBe(0);
    expect(existsSync(path.join(dir, "_nosearch/pagefind"))).toBe(false);
    expect(existsSync(path.join(dir, "_nosearch/guide/index.html"))).toBe(true);

    writeFileSync(
      path.join(dir, "eleventy.config.js"),
      `import { docsPlugin } from "${NAME}";\nexport default function (config) {\n  config.addPlugin(docsPlugin, { serach: false });\n}\n`,
    );
    const bad = run(dir, [cli, "--input=docs", "--output=_bad", "--quiet"]);
    expect(bad.code).toBe(1);
    expect(bad.output).toContain('unknown option "serach"');
    expect(bad.output).not.toMatch(/\n\s+at /);
  });
});
