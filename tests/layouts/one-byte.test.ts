// Eleventy keeps every page's HTML until the build ends, one byte a character when every
// character fits in Latin-1, else two (src/yaml/one-byte.ts): neither the page frame nor
// another page's title may make a page's HTML twice its size.
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { storedTwoBytesAChar } from "../helpers/one-byte.js";
import { Eleventy, type UserConfig } from "@11ty/eleventy";
import { docsPlugin } from "../../src/index.js";

function site(pages: Record<string, string>): string {
  const root = mkdtempSync(path.join(tmpdir(), "one-byte-"));
  for (const [file, text] of Object.entries(pages)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

async function builtHtml(input: string): Promise<Map<string, string>> {
  const eleventy = new Eleventy(input, path.join(input, "_site"), {
    quietMode: true,
    configPath: false as unknown as string,
    config: (config: UserConfig) => config.addPlugin(docsPlugin, { search: false }),
  });
  const [, templates] = (await eleventy.write()) as unknown as [
    unknown,
    { url: string; content: string }[],
  ];
  return new Map(templates.filter((t) => t.url.endsWith("/")).map((t) => [t.url, t.content]));
}

describe("a built page in memory", () => {
  it("is one byte a character when its content is, whatever other pages and the frame hold", async () => {
    const guide = (n: number) =>
      `---\ntitle: Guide ${n}\n---\n## Set up\n\nText.\n\n## Query\n\n## Share\n`;
    const input = site({
      // A ’ in a comment puts the whole file, and so the service name, two bytes a character.
      "_data/site.yml":
        "# The team’s site\nserviceName: Fixture Service\nanalytics:\n  googleTagId: G-ABCDE12\n",
      "index.md": "---\ntitle: Home\n---\nWelcome.\n",
      ...Object.fromEntries([1, 2, 3].map((n) => [`guide/page-${n}.md`, guide(n)])),
      "guide/index.md": "---\ntitle: Guide\n---\nAll of it.\n",
      // A page with a ’: its title is in every guide page's side navigation.
      "guide/quotes.md": "---\ntitle: Quotes\n---\nIt’s here.\n",
    });
    const html = await builtHtml(input);
    const page = html.get("/guide/page-2/")!;
    expect(page).toContain("<title>Guide 2 &ndash; Fixture Service</title>");
    expect(page).toContain("We&rsquo;d also like to use analytics cookies");
    const twoByte = [...html].filter(([, h]) => storedTwoBytesAChar(h)).map(([url]) => url);
    // The cookies page says "you’ve" in its own text.
    expect(twoByte.sort()).toEqual(["/cookies/", "/guide/quotes/"]);
  });
});
