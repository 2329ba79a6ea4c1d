// Another team's view of the engine: the packed tarball, installed into an empty project with
// Eleventy 3, a config of a few lines in plain JavaScript, and no TypeScript or tsx anywhere.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NAME, run, smallProject } from "../helpers/packed.js";

describe("the packed engine, installed by another team", () => {
  let dir: string;
  beforeAll(() => {
    dir = smallProject();
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

  it("takes an x-govuk site's ES module import form too, with its layouts and fields", () => {
    rmSync(path.join(dir, "docs/_includes"), { recursive: true, force: true });
    writeFileSync(
      path.join(dir, "eleventy.config.js"),
      `import { govukEleventyPlugin } from "${NAME}";\nexport default function (config) {\n  config.addPlugin(govukEleventyPlugin, { header: { productName: "Team docs" }, search: false });\n  return { dir: { input: "docs" } };\n}\n`,
    );
    mkdirSync(path.join(dir, "docs/news"), { recursive: true });
    writeFileSync(
      path.join(dir, "docs/news/launch.md"),
      "---\ntitle: We launched\nlayout: post\ndate: 2026-01-05\nauthor: A Person\ntags: [news]\n---\n## What's new\n\nIt is live.\n",
    );
    writeFileSync(
      path.join(dir, "docs/sitemap.md"),
      "---\ntitle: Sitemap\nlayout: sitemap\n---\nEvery page of the site.\n",
    );
    const { code, output } = run(dir, ["node_modules/@11ty/eleventy/cmd.cjs", "--quiet"]);
    expect(code, output).toBe(0);
    // x-govuk's sitemap layout lists every page by title.
    const sitemap = readFileSync(path.join(dir, "_site/sitemap/index.html"), "utf8");
    expect(sitemap).toContain('href="/news/launch/">We launched</a>');
    expect(sitemap).toContain('href="/guide/first/">First step</a>');
    const post = readFileSync(path.join(dir, "_site/news/launch/index.html"), "utf8");
    expect(post).toContain("Team docs");
    expect(post).toContain("A Person");
    expect(post).toContain("5 January 2026");
    // markdown-it-anchor's ids, as x-govuk sites had them.
    // (typographic apostrophe, percent-encoded by markdown-it-anchor's default slugify)
    expect(post).toContain('id="what%E2%80%99s-new"');
  });
});
