// x-govuk's `templates` and `markdown` options, its Markdown dialect, and a paginated page with
// nothing to list — on a small x-govuk site built by Eleventy's own command with this engine.
import { mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { projectRoot, writeTree } from "../helpers/build.js";
import { run } from "../helpers/packed.js";

function xgovukSite(options: string, pages: Record<string, string>) {
  const dir = mkdtempSync(path.join(tmpdir(), "x-govuk-"));
  symlinkSync(path.join(projectRoot, "node_modules"), path.join(dir, "node_modules"));
  writeFileSync(path.join(dir, "package.json"), '{ "type": "module" }');
  writeFileSync(
    path.join(dir, "eleventy.config.js"),
    `import { govukEleventyPlugin } from ${JSON.stringify(path.join(projectRoot, "src/index.ts"))};
export default function (config) {
  config.addPlugin(govukEleventyPlugin, ${options});
  return { markdownTemplateEngine: "njk", dir: { input: "docs" } };
}
`,
  );
  writeTree(path.join(dir, "docs"), pages);
  const result = run(dir, ["--import", "tsx", "node_modules/@11ty/eleventy/cmd.cjs"]);
  const read = (file: string) => readFileSync(path.join(dir, "_site", file), "utf8");
  return { ...result, read };
}

/** A home page with the x-govuk page layout and these Markdown lines. */
const homePage = (...lines: string[]) =>
  `---\ntitle: Home\nlayout: page\n---\n${lines.join("\n")}\n`;

const post = (title: string, date: string, tags: string) =>
  `---\ntitle: ${title}\nlayout: post\ndate: ${date}\ntags: [${tags}]\n---\nAbout ${title}.\n`;

describe("an x-govuk site's templates option", () => {
  let site: ReturnType<typeof xgovukSite>;
  beforeAll(() => {
    site = xgovukSite(
      `{ header: { productName: "Team blog" }, url: "https://blog.example.gov.uk", templates: { tags: { permalink: "/topics/" }, searchIndex: true, feed: { title: "Team blog posts", collection: "posts" } }, markdown: { headingPermalinks: true, breaks: false }, titleSuffix: "Team blog", scripts: ["https://cdn.example.gov.uk/extra.js"], opengraphImageUrl: "https://blog.example.gov.uk/card.png" }`,
      {
        "index.md": homePage("Welcome."),
        "humans.txt.njk":
          "---\npermalink: /humans.txt\n---\nPosts: {{ collections.posts | length }}\n",
        "posts/first.md": post("First post", "2026-01-05", "posts, data"),
        "posts/second.md": post("Second post", "2026-02-10", "posts"),
        "archive.md":
          "---\ntitle: Archive\nlayout: page\npagination:\n  data: collections.nothing\n  size: 10\n---\nOld posts.\n",
      },
    );
  }, 120_000);

  it("builds, warning about the options it does not carry and the page that wrote nothing", () => {
    expect(site.code, site.output).toBe(0);
    expect(site.output).toContain('option "markdown.breaks"');
    expect(site.output).not.toContain('option "markdown.headingPermalinks"');
    expect(site.output).toMatch(
      /docs\/archive\.md:4 {2}warning {2}this page wrote nothing: its pagination over collections\.nothing has no items/,
    );
  });

  it("carries the title suffix, extra scripts and link-preview image options", () => {
    const home = site.read("index.html");
    expect(home).toContain("<title>Home - Team blog</title>");
    expect(home).toContain(
      '<script type="module" src="https://cdn.example.gov.uk/extra.js"></script>',
    );
    // The script's host is allowed by the page's Content-Security-Policy.
    expect(home).toContain("&#39;wasm-unsafe-eval&#39; https://cdn.example.gov.uk;");
    expect(home).toContain(
      '<meta property="og:image" content="https://blog.example.gov.uk/card.png">',
    );
    expect(site.read("topics/index.html")).toContain("<title>Tags - Team blog</title>");
  });

  it("writes a file that is not a web page as it renders, without the page layout", () => {
    expect(site.read("humans.txt")).toBe("Posts: 2\n");
  });

  it("adds the sitemap at /sitemap/, as x-govuk does unless told not to", () => {
    expect(site.read("sitemap/index.html")).toContain('href="/posts/first/">First post</a>');
  });

  it("adds a page per tag and a page of tags", () => {
    // At the address the site gave them (templates.tags.permalink), links included.
    const tags = site.read("topics/index.html");
    expect(tags).toContain('href="/topics/data/"');
    expect(tags).toContain('href="/topics/posts/"');
    const data = site.read("topics/data/index.html");
    expect(data).toContain("Posts tagged ‘data’");
    expect(data).toContain('href="/posts/first/"');
    expect(data).not.toContain('href="/posts/second/"');
  });

  it("writes the search index and an Atom feed of the named collection, newest first", () => {
    const index = JSON.parse(site.read("search-index.json")) as { title: string }[];
    expect(index.map((entry) => entry.title)).toContain("First post");
    const feed = site.read("feed.xml");
    expect(feed).toContain("<title>Team blog posts</title>");
    expect(feed.indexOf("Second post")).toBeLessThan(feed.indexOf("First post"));
    expect(feed).toContain("<id>https://blog.example.gov.uk/posts/first/</id>");
    expect(feed).toContain("About First post.");
  });

  it("has x-govuk's feed collection: its posts, newest first", () => {
    const site2 = xgovukSite("{ templates: { feed: true } }", {
      "index.md": homePage("Welcome."),
      "posts/first.md": post("First post", "2026-01-05", "posts"),
      "posts/second.md": post("Second post", "2026-02-10", "posts"),
    });
    expect(site2.code, site2.output).toBe(0);
    const feed = site2.read("feed.xml");
    expect(feed.indexOf("Second post")).toBeLessThan(feed.indexOf("First post"));
    expect(feed).not.toContain("<title>Home</title>");
  }, 60_000);
});

describe("an x-govuk site's Markdown", () => {
  it("is x-govuk's dialect: line breaks, typographic quotes, abbreviations, marks", () => {
    const site = xgovukSite("{}", {
      "index.md": homePage(
        "Line one",
        'line "two" -- ==marked==, H~2~O, x^2^, ++new++ and HTML.',
        "",
        "*[HTML]: Hypertext Markup Language",
      ),
    });
    expect(site.code, site.output).toBe(0);
    const home = site.read("index.html");
    expect(home).toContain("Line one<br>");
    expect(home).toContain("“two” –");
    expect(home).toContain("<mark>marked</mark>, H<sub>2</sub>O, x<sup>2</sup>, <ins>new</ins>");
    expect(home).toContain('<abbr title="Hypertext Markup Language">HTML</abbr>');
  }, 60_000);

  it("has x-govuk's attributes (ids and classes only), figures and titled alerts", () => {
    const site = xgovukSite("{}", {
      "index.md": homePage(
        // `{ #id }`, not `{#id}`: on Nunjucks sites `{#` opens a comment, as in x-govuk.
        "## Data flows { #flows .app-wide }",
        "",
        "A lead paragraph. { .govuk-body-l target=_blank }",
        "",
        '![How data moves](/assets/images/favicon.svg "From source to dashboard")',
        "",
        "> [!TIP] Before you start",
        "> Read the [flows](#flows).",
      ),
    });
    expect(site.code, site.output).toBe(0);
    const home = site.read("index.html");
    expect(home).toContain('<h2 id="flows" class="app-wide govuk-heading-l">Data flows</h2>');
    expect(home).toMatch(/<p class="govuk-body-l[^"]*">A lead paragraph\.<\/p>/);
    expect(home).not.toContain("target=");
    expect(site.output).toMatch(
      /docs\/index\.md:7 {2}warning {2}the attribute target= in \{ \} is left out: only ids \(#id\) and classes \(\.class\) can be set this way/,
    );
    expect(home).toContain(
      '<figure><img src="/assets/images/favicon.svg" alt="How data moves"><figcaption>From source to dashboard</figcaption></figure>',
    );
    expect(home).toContain(
      '<h3 class="govuk-heading-m"><span class="govuk-visually-hidden">Tip: </span>Before you start</h3>',
    );
  }, 60_000);
});

describe("x-govuk's filters, in a page's Nunjucks", () => {
  it("format dates with Luxon's tokens and GOV.UK style, and pick from collections", () => {
    const site = xgovukSite("{}", {
      "posts/first.md": post("First post", "2026-01-05", "posts"),
      "posts/second.md": post("Second post", "2026-02-10", "posts, data"),
      "index.md": homePage(
        "Luxon: {{ '2026-03-16' | date('d LLLL y') }}.",
        "GOV.UK: {{ '2026-03-16' | govukDate }}.",
        "Tagged data: {% for item in collections.posts | includes('data.tags', 'data') %}{{ item.data.title }}{% endfor %}.",
        "First: {% for item in collections.posts | sliceFromCollection(1) %}{{ item.data.title }}{% endfor %}.",
      ),
    });
    expect(site.code, site.output).toBe(0);
    const home = site.read("index.html");
    expect(home).toContain("Luxon: 16 March 2026.");
    expect(home).toContain("GOV.UK: 16 March 2026.");
    expect(home).toContain("Tagged data: Second post.");
    expect(home).toContain("First: First post.");
  }, 60_000);
});

describe("a template page naming a layout that does not exist", () => {
  it("is an error at its file and line, as in Markdown", () => {
    const site = xgovukSite("{}", {
      "index.md": homePage("Welcome."),
      "contact.njk": "---\ntitle: Contact\nlayout: contact-page\n---\n<p>Write to us.</p>\n",
    });
    expect(site.code).toBe(1);
    expect(site.output).toMatch(
      /docs\/contact\.njk:3 {2}error {2}"layout": "contact-page" is not a layout; use one of: collection, error, page/,
    );
  }, 60_000);
});

describe("an attribute in { } that would run script", () => {
  it("is an error at its line, and is not in the page", () => {
    const site = xgovukSite("{}", {
      "index.md": homePage("Click here. { onclick=alert(1) }"),
    });
    expect(site.code).toBe(1);
    expect(site.output).toMatch(
      /docs\/index\.md:5 {2}error {2}the attribute onclick= in \{ \} would run script; it is left out/,
    );
    // Eleventy's own command prints the problem, not a stack trace.
    expect(site.output).not.toMatch(/\n\S*\s+at /);
  }, 60_000);
});
