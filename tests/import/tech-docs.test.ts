// Importing a tech-docs site end to end: files, frontmatter, redirects, settings, the report,
// idempotence, no overwriting without --force, and a build with no broken links.
import { describe, expect, it } from "vitest";
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse as parseYaml } from "yaml";
import { importTechDocs, ImportError } from "../../src/import/tech-docs.js";
import { formatImportReport } from "../../src/cli/import-tech-docs.js";
import { buildReport, fixture } from "../helpers/build.js";

function newSite() {
  const root = mkdtempSync(path.join(tmpdir(), "import-"));
  const content = path.join(root, "content");
  cpSync(fixture("no-settings"), content, { recursive: true }); // a home page to link from
  return { content, into: path.join(content, "guide") };
}

const frontmatter = (file: string) =>
  parseYaml(/^---\n([\s\S]*?)\n---/.exec(readFileSync(file, "utf8"))![1]!) as Record<
    string,
    unknown
  >;
const tree = (dir: string) =>
  readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((d) => d.isFile())
    .map((d) => [
      path.relative(dir, path.join(d.parentPath, d.name)),
      readFileSync(path.join(d.parentPath, d.name), "utf8"),
    ])
    .sort();

describe("importing a tech-docs site", () => {
  it("converts every page, keeps the structure and copies files", () => {
    const { content, into } = newSite();
    const report = importTechDocs({
      repo: fixture("tech-docs-source"),
      into,
      contentRoot: content,
      force: false,
    });
    expect(tree(into).map(([f]) => f)).toEqual([
      "accessibility.md",
      "contact.md",
      "data/amazon-s3.md",
      "images/control-panel.png",
      "index.md",
      "tools/control-panel.md",
      "tools/index.md",
    ]);
    expect(report.pages).toHaveLength(6);
    expect(report.skipped).toEqual([
      {
        file: "source/layouts/core.erb",
        why: "Middleman layouts are replaced by this site's layouts",
      },
    ]);
  });

  it("maps frontmatter: weight to order, reviews kept, old .html addresses as redirects", () => {
    const { content, into } = newSite();
    importTechDocs({ repo: fixture("tech-docs-source"), into, contentRoot: content, force: false });
    expect(frontmatter(path.join(into, "tools/control-panel.md"))).toEqual({
      title: "Control panel",
      titleId: "control-panel",
      layout: "sub-navigation",
      eleventyNavigation: { order: 1 },
      old_paths: ["/guide/tools/control-panel.html", "/guide/control-panel.html"],
    });
    expect(frontmatter(path.join(into, "tools/index.md"))).toMatchObject({
      owner_slack: "#tools",
      last_reviewed_on: "2026-02-01",
      review_in: "3 months",
    });
    expect(frontmatter(path.join(into, "accessibility.md"))).toMatchObject({
      hideInNavigation: true,
    });
  });

  it("converts ERB and rewrites links to the new Markdown files, keeping anchors", () => {
    const { content, into } = newSite();
    const report = importTechDocs({
      repo: fixture("tech-docs-source"),
      into,
      contentRoot: content,
      force: false,
    });
    const tools = readFileSync(path.join(into, "tools/index.md"), "utf8");
    expect(tools).toContain("> [!WARNING]\n> Do not share your password.");
    expect(tools).toContain("[Control panel](control-panel.md)");
    expect(tools).toContain("[Storage](../data/amazon-s3.md#upload-files)");
    expect(tools).not.toMatch(/^# Tools/m); // the title heading comes from frontmatter now
    expect(readFileSync(path.join(into, "index.md"), "utf8")).toContain(
      "Read the [contact page](contact.md).",
    );
    expect(readFileSync(path.join(into, "tools/control-panel.md"), "utf8")).toContain(
      "![The control panel home screen](../images/control-panel.png)",
    );
    expect(report.todos).toEqual([
      { file: "tools/control-panel.md", erb: "<%= current_page.data.title %>" },
    ]);
  });

  it("maps config/tech-docs.yml into the site settings", () => {
    const { content, into } = newSite();
    const report = importTechDocs({
      repo: fixture("tech-docs-source"),
      into,
      contentRoot: content,
      force: false,
    });
    const settings = parseYaml(
      readFileSync(path.join(content, "_data/site.yml"), "utf8"),
    ) as Record<string, unknown>;
    expect(settings).toMatchObject({
      serviceName: "Example user guide",
      baseUrl: "https://user-guide.example.gov.uk/",
      navigation: [
        { text: "Tools", href: "/guide/tools/" },
        { text: "Contact", href: "/guide/contact/" },
      ],
      footerLinks: [{ text: "Accessibility", href: "/guide/accessibility/" }],
      ownerSlack: "#user-guide",
      redirects: { "/guide/old-tools.html": "/guide/tools/" },
      repository: { url: "https://github.com/example/user-guide", branch: "master" },
    });
    expect(report.settings.unmapped).toEqual(["enable_search", "service_link", "show_govuk_logo"]);
    const text = formatImportReport(report);
    expect(text).toMatch(/^Imported 6 pages, made 5 redirects, copied 1 file\.$/m);
    expect(text).toContain("tools/control-panel.md: <%= current_page.data.title %>");
  });

  it("builds with no broken links or anchors, and every old address redirects", async () => {
    const { content, into } = newSite();
    importTechDocs({ repo: fixture("tech-docs-source"), into, contentRoot: content, force: false });
    writeFileSync(
      path.join(content, "index.md"),
      "---\ntitle: Home\nlayout: product\n---\nRead [the guide](guide/index.md).\n",
    );
    const { result, report } = await buildReport(content);
    expect(report.problems).toEqual([]);
    expect(result.code).toBe(0);
    for (const old of [
      "/guide/tools/control-panel.html",
      "/guide/control-panel.html",
      "/guide/old-tools.html",
      "/guide/contact.html",
    ]) {
      expect(existsSync(path.join(result.output, old)), old).toBe(true);
    }
    expect(result.html("/guide/control-panel.html")).toContain(
      'content="0; url=/guide/tools/control-panel/"',
    );
  });

  it("gives the same tree when run twice, and never overwrites without --force", () => {
    const { content, into } = newSite();
    importTechDocs({ repo: fixture("tech-docs-source"), into, contentRoot: content, force: false });
    const first = tree(into);
    expect(() =>
      importTechDocs({
        repo: fixture("tech-docs-source"),
        into,
        contentRoot: content,
        force: false,
      }),
    ).toThrow(ImportError);
    expect(() =>
      importTechDocs({
        repo: fixture("tech-docs-source"),
        into,
        contentRoot: content,
        force: false,
      }),
    ).toThrow(/already has files .* Use --force/);
    importTechDocs({ repo: fixture("tech-docs-source"), into, contentRoot: content, force: true });
    expect(tree(into)).toEqual(first);
  });

  it("never follows a symbolic link, and keeps no old path that leaves the site", () => {
    const { content, into } = newSite();
    const repo = mkdtempSync(path.join(tmpdir(), "import-hostile-"));
    cpSync(fixture("tech-docs-source"), repo, { recursive: true });
    symlinkSync("/etc/passwd", path.join(repo, "source/leak.html.md"));
    writeFileSync(
      path.join(repo, "source/moved.html.md"),
      "---\ntitle: Moved\nold_paths:\n  - /../../../tmp/x/\n  - /kept.html\n---\nText.\n",
    );
    const report = importTechDocs({ repo, into, contentRoot: content, force: false });
    expect(report.skipped).toContainEqual({
      file: "source/leak.html.md",
      why: expect.stringContaining("a symbolic link, not followed"),
    });
    expect(existsSync(path.join(into, "leak.md"))).toBe(false);
    expect(frontmatter(path.join(into, "moved.md")).old_paths).toEqual([
      "/guide/moved.html",
      "/guide/kept.html",
    ]);
    expect(report.needsPerson.map((n) => n.what)).toContain(
      'its old path "/../../../tmp/x/" was not kept: it contains a . or .. segment, which could lead outside the site',
    );
  });

  it("refuses a folder that is not a tech-docs site", () => {
    const { content, into } = newSite();
    expect(() =>
      importTechDocs({ repo: content, into, contentRoot: content, force: false }),
    ).toThrow(/is not a tech-docs site: it has no source\/ folder/);
  });
});
