import { describe, expect, it } from "vitest";
import { convertErb } from "../../src/import/erb.js";

const partials: Record<string, string> = {
  "partials/note": 'A note with <%= link_to "a link", "/x.html" %>.',
  "partials/loop": '<%= partial "partials/loop" %>',
};
const convert = (s: string) =>
  convertErb(s, {
    readPartial: (n) =>
      partials[n] === undefined ? undefined : { file: n, markdown: partials[n]! },
  });

describe("ERB conversion", () => {
  it("turns tech-docs helpers into Markdown", () => {
    expect(convert('<%= warning_text("Do not share passwords.") %>').markdown).toBe(
      "> [!WARNING]\n> Do not share passwords.",
    );
    expect(convert('<%= image_tag "images/a.png", alt: "A chart" %>').markdown).toBe(
      "![A chart](/images/a.png)",
    );
    expect(convert("<%= image_tag('/images/a.png') %>").markdown).toBe("![](/images/a.png)");
    expect(convert('<%= link_to "Guide", "/guide.html" %>').markdown).toBe("[Guide](/guide.html)");
  });

  it("inlines partials, converting their ERB too", () => {
    const result = convert('Before\n<%= partial "partials/note" %>\nAfter');
    expect(result.markdown).toBe("Before\nA note with [a link](/x.html).\nAfter");
    expect(result.partials).toEqual(["partials/note"]);
    expect(result.todos).toEqual([]);
  });

  it("never runs Ruby: anything else becomes a marked TODO listed in the report", () => {
    const result = convert("Title: <%= current_page.data.title %>. <% if x %>y<% end %>");
    expect(result.todos).toEqual(["<%= current_page.data.title %>", "<% if x %>", "<% end %>"]);
    expect(result.markdown).toContain(
      "<!-- TODO(import): this Ruby could not be converted; rewrite it in Markdown: <%= current_page.data.title %> -->",
    );
  });

  it("reports missing partials and stops partials that include themselves", () => {
    expect(convert('<%= partial "partials/missing" %>').todos).toEqual([
      '<%= partial "partials/missing" %>',
    ]);
    expect(convert('<%= partial "partials/loop" %>').todos).toHaveLength(1);
  });
});
