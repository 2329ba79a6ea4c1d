import { describe, expect, it } from "vitest";
import { storedTwoBytesAChar } from "../helpers/one-byte.js";
import { markdown } from "../helpers/markdown.js";

const { render } = markdown();
const page = (i: number) =>
  `# Page ${i}\n\n## Set up ${i}\n\nText.\n\n## Query tables\n\n\`\`\`sql\nselect 1;\n\`\`\`\n\n## Share results\n\nMore [text](#query-tables).\n`;

describe("rendered Markdown in memory", () => {
  it("is one byte a character when every character fits in one, page after page", () => {
    // Heading ids go through an object key (markdown-it-anchor keeps them unique), which on
    // Node 20 made the HTML built from them two bytes a character, once the code was warm.
    const pages = Array.from({ length: 600 }, (_, i) => render(page(i)));
    expect(pages.filter(storedTwoBytesAChar).length).toBe(0);
  });

  it("keeps characters beyond Latin-1 as they are", () => {
    const html = render("## It’s ready\n\nCafé – open.\n");
    expect(html).toContain("It’s ready</h2>");
    expect(html).toContain("Café – open.");
    expect(storedTwoBytesAChar(html)).toBe(true);
  });
});
