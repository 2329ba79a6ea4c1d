// A Nunjucks mistake in a page's own content, as Eleventy reports it (its error around
// Nunjucks'), becomes a problem at the page's file and line.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import nunjucks from "nunjucks";
import { describe, expect, it } from "vitest";
import { templateProblem } from "../../src/problems/template-error.js";
import { describeFailure } from "../../src/problems/format.js";

/** Renders a page's body with Nunjucks as Eleventy does, and returns Eleventy's error. */
function eleventyError(root: string, body: string): Error {
  const frontmatter = "---\ntitle: Home\nlayout: page\n---\n";
  writeFileSync(path.join(root, "index.md"), frontmatter + body);
  try {
    new nunjucks.Template(body, new nunjucks.Environment(), "./docs/index.md", true).render({});
  } catch (nunjucksError) {
    const error = new Error("Having trouble rendering njk template ./index.md");
    Object.assign(error, { originalError: nunjucksError });
    return error;
  }
  throw new Error("the body rendered without an error");
}

describe("template mistakes in a page's content", () => {
  const root = mkdtempSync(path.join(tmpdir(), "template-error-"));

  it.each([
    [
      "a value that cannot be called",
      "Hello\n\n{{ a.b.c() }}\n",
      7,
      /Unable to call `a\["b"\]\["c"\]`/,
    ],
    [
      "a tag that does not parse",
      "Hello\n\n{% for x in %}{% endfor %}\n",
      7,
      /unexpected token: %\}/,
    ],
    [
      "a tag left open",
      "Hello\n{% if title %}\nMore\n",
      6,
      /parseIf: expected elif, else, or endif/,
    ],
    ["an unknown filter", "Hello\n\n\n{{ title | nosuch }}\n", 8, /filter not found: nosuch/],
    ["a missing include", "{% include 'nope.njk' %}\n", 5, /template not found: nope\.njk/],
  ])("%s is reported at its line", (_what, body, line, message) => {
    const problem = templateProblem(eleventyError(root, body), root);
    expect(problem).toEqual(
      expect.objectContaining({ file: "index.md", line, severity: "error", kind: "template" }),
    );
    expect(problem!.message).toMatch(message);
  });

  it("is printed as a located problem, with how to fix it, and no stack trace", () => {
    const text = describeFailure(eleventyError(root, "{{ x | nosuch }}\n"));
    // (Read from the current folder, where this page is not: reported without a line.)
    expect(text).toMatch(
      /^index\.md\n {2}index\.md {2}error {2}Nunjucks: filter not found: nosuch\n/,
    );
    expect(text).toContain("{% raw %}");
    expect(text).not.toMatch(/\n\s+at /);
  });
});
