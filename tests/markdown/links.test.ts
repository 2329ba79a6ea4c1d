import { describe, expect, it } from "vitest";
import { markdown } from "../helpers/markdown.js";

describe("links to Markdown files", () => {
  const pages = {
    "content/data/amazon-s3.md": "/data/amazon-s3/",
    "content/guide/other.md": "/guide/other/",
  };

  it("resolve relative to the page, keeping the fragment", () => {
    const { render, problems } = markdown(pages);
    const html = render("[S3](../data/amazon-s3.md#upload) and [other](other.md)");
    expect(html).toContain('href="/data/amazon-s3/#upload"');
    expect(html).toContain('href="/guide/other/"');
    expect(problems).toEqual([]);
  });

  it("leave web links and plain anchors alone", () => {
    const { render, problems } = markdown(pages);
    const html = render("[a](https://example.com/readme.md) [b](#top) [c](mailto:x@y.z)");
    expect(html).toContain('href="https://example.com/readme.md"');
    expect(html).toContain('href="#top"');
    expect(problems).toEqual([]);
  });

  it("report a .md link that matches no page at its file line", () => {
    const { render, problems } = markdown(pages);
    render("Intro.\n\nFirst line\nsecond [bad](missing.md) line", "./content/guide/page.md", 4);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      file: "content/guide/page.md",
      line: 8,
      kind: "md-link",
      severity: "error",
    });
    expect(problems[0]!.message).toContain('"missing.md" does not match any page');
  });

  it("report reference links with no definition", () => {
    const { render, problems } = markdown(pages);
    render(
      "See [Information governance][information-governance.md] and [ok][def].\n\n[def]: https://example.com",
    );
    expect(problems.map((p) => [p.kind, p.line])).toEqual([["undefined-reference", 1]]);
    expect(problems[0]!.message).toContain("[Information governance][information-governance.md]");
  });
});
