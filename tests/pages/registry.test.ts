import { describe, expect, it } from "vitest";
import { PageRegistry } from "../../src/pages/registry.js";
import { collectRedirects } from "../../src/redirects/redirects.js";

const page = (name: string) => ({
  page: { inputPath: `./content/${name}.md`, url: `/${name}/` },
  title: name,
  old_paths: ["/old/"],
});

describe("page registry", () => {
  it("lists pages by file whatever order Eleventy recorded them in", () => {
    for (const order of [
      ["b", "a"],
      ["a", "b"],
    ]) {
      const registry = new PageRegistry("/site");
      for (const name of order) registry.record(page(name));
      expect(registry.all.map((p) => p.file)).toEqual(["content/a.md", "content/b.md"]);
      // So a clash between two pages' old addresses names the same page on every build.
      const { problems } = collectRedirects(registry.all, {}, "site.yml");
      expect(problems.map((p) => p.file)).toEqual(["content/b.md"]);
    }
  });
});
