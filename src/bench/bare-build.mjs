// The floor the benchmark compares with: bare Eleventy on the same Markdown, no plugins, every
// layout name mapped to one that prints only the content.
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Eleventy } from "@11ty/eleventy";

const [input, output] = process.argv.slice(2);
const layouts = path.join(tmpdir(), "bench-bare-layouts");
mkdirSync(layouts, { recursive: true });
writeFileSync(path.join(layouts, "bare.njk"), "{{ content | safe }}");

const eleventy = new Eleventy(input, output, {
  quietMode: true,
  configPath: false, // not this project's eleventy.config.js, which adds the engine
  config(config) {
    for (const name of ["page", "sub-navigation", "product", "timeline", "error"]) {
      config.addLayoutAlias(name, "bare.njk");
    }
    config.setLayoutsDirectory(path.relative(path.resolve(input), layouts));
    config.setUseGitIgnore(false); // the corpus sits in the git-ignored .bench/ folder
    return { templateFormats: ["md"], markdownTemplateEngine: false };
  },
});
await eleventy.write();
