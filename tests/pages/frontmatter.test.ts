// A page's frontmatter as the build reads it: values as Eleventy's own parser reads them in the
// core schema, and a mistake kept with its line (never thrown), whichever library finds it.
import { describe, expect, it } from "vitest";
import { FRONTMATTER_META, FrontmatterMeta, readFrontmatter } from "../../src/frontmatter/parse.js";
import { aliasesOfAliases } from "../helpers/yaml-aliases.js";

const metaOf = (data: Record<string, unknown> | undefined) =>
  data?.[FRONTMATTER_META] as FrontmatterMeta;

describe("a page's frontmatter", () => {
  it("keeps dates and YAML 1.1 booleans as text, and gives each field its line", () => {
    const data = readFrontmatter(
      [
        "---",
        "title: Set up",
        "last_reviewed_on: 2026-02-30",
        "draft: yes",
        "weight: 12",
        "eleventyNavigation:",
        "  parent: Tools",
        "---",
        "Text.",
      ].join("\n"),
    );
    const { [FRONTMATTER_META]: meta, ...values } = data!;
    expect(values).toEqual({
      title: "Set up",
      last_reviewed_on: "2026-02-30",
      draft: "yes",
      weight: 12,
      eleventyNavigation: { parent: "Tools" },
    });
    expect((meta as FrontmatterMeta).error).toBeUndefined();
    expect((meta as FrontmatterMeta).lineOf("eleventyNavigation.parent")).toBe(7);
    expect((meta as FrontmatterMeta).bodyLineOffset).toBe(8);
  });

  it("reports a mistake in the YAML library's words, at its line", () => {
    const meta = metaOf(readFrontmatter("---\ntitle: Set up\ntitle: Again\n---\nText.\n"));
    expect(meta.error).toEqual({ message: expect.stringMatching(/unique/), line: 3 });
    expect(meta.keys).toEqual([]);
  });

  it("reports, at its line, a tag Eleventy's parser cannot read though yaml would pass it", () => {
    const meta = metaOf(readFrontmatter("---\ntitle: Set up\nowner: !team Data\n---\nText.\n"));
    expect(meta.error).toEqual({ message: expect.stringMatching(/unknown tag/), line: 3 });
  });

  it("stops at aliases that would make its data endless or enormous, at the first alias", () => {
    const exploding = metaOf(readFrontmatter(`---\ntitle: Set up\n${aliasesOfAliases()}\n---\n`));
    expect(exploding.error).toMatchObject({ message: expect.stringMatching(/aliases/), line: 4 });
    const endless = metaOf(readFrontmatter("---\ntitle: Set up\nlist: &l [1, *l]\n---\n"));
    expect(endless.error).toMatchObject({ message: expect.stringMatching(/never ends/), line: 3 });
    const unknown = metaOf(readFrontmatter("---\ntitle: Set up\nowner: *team\n---\n"));
    expect(unknown.error).toMatchObject({
      message: expect.stringContaining("the alias *team names no anchor"),
      line: 3,
    });
  });

  it("reports lists nested too deeply to read, as yaml does for a data file", () => {
    // Past yaml's stack, and past js-yaml's 100 levels only.
    for (const depth of [20_000, 500]) {
      const deep = `---\ntitle: Set up\ntags: ${"[".repeat(depth)}${"]".repeat(depth)}\n---\n`;
      expect(metaOf(readFrontmatter(deep)).error, String(depth)).toMatchObject({
        message: "its lists and mappings are nested too deeply to be read",
        line: 3,
      });
    }
  });

  it("reads an alias that repeats a value a few times", () => {
    const data = readFrontmatter("---\ntitle: Set up\nowner: &o Data team\nreviewer: *o\n---\n");
    expect(metaOf(data).error).toBeUndefined();
    expect(data).toMatchObject({ owner: "Data team", reviewer: "Data team" });
  });
});
