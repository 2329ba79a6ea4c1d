// Synthetic documentation sites for the benchmark: realistic Markdown (frontmatter with
// navigation, headings, lists, a table, a code block, links with anchors), 50 pages per section.
// Deterministic: the same size always gives byte-identical files.
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";

export const PAGES_PER_SECTION = 50;

/** Small, seeded PRNG (mulberry32), so corpora never depend on Math.random. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS = (
  "data platform analysis pipeline table query athena bucket access user guide deploy deployment " +
  "service model report airflow schedule python notebook security governance catalogue product " +
  "upload share version snapshot dashboard engineer analyst metadata standard storage archive"
).split(" ");

export interface CorpusPage {
  file: string;
  content: string;
}

export function corpusPages(pageCount: number, seed = 1): CorpusPage[] {
  const rand = random(seed);
  const word = () => WORDS[Math.floor(rand() * WORDS.length)]!;
  const sentence = (n: number) => {
    const words = Array.from({ length: n }, word);
    return `${words.join(" ").replace(/^./, (c) => c.toUpperCase())}.`;
  };
  const sections = Math.ceil(pageCount / PAGES_PER_SECTION);
  const pages: CorpusPage[] = [
    {
      file: "index.md",
      content: `---\ntitle: Benchmark home\nlayout: product\n---\n${sentence(20)}\n`,
    },
  ];
  for (let s = 0; s < sections && pages.length < pageCount; s++) {
    const dir = `section-${s + 1}`;
    // The last section may be cut short by the page count: link only to pages that exist.
    const inSection = Math.min(PAGES_PER_SECTION, pageCount - pages.length);
    pages.push({
      file: `${dir}/index.md`,
      content: `---\ntitle: Section ${s + 1}\nlayout: sub-navigation\neleventyNavigation:\n  order: ${s + 1}\n---\n${sentence(30)}\n`,
    });
    for (let p = 1; p < inSection; p++) {
      const next = p + 1 < inSection ? `page-${p + 1}.md#usage` : "index.md";
      pages.push({
        file: `${dir}/page-${p}.md`,
        content: [
          "---",
          `title: ${sentence(3).slice(0, -1)} ${s + 1}.${p}`,
          "layout: sub-navigation",
          `description: ${sentence(12)}`,
          "eleventyNavigation:",
          `  order: ${p}`,
          "---",
          sentence(40),
          "",
          "## Overview",
          "",
          `${sentence(30)} See [the next page](${next}) and [the section](index.md).`,
          "",
          "## Usage",
          "",
          ...Array.from({ length: 4 }, () => `- ${sentence(8)}`),
          "",
          "### Example",
          "",
          "```python",
          `import ${word()}`,
          `result = ${word()}.run("${word()}", retries=3)`,
          "```",
          "",
          "## Reference",
          "",
          "| Name | Value | Notes |",
          "| --- | --- | --- |",
          ...Array.from(
            { length: 4 },
            () => `| ${word()} | ${Math.floor(rand() * 1000)} | ${sentence(5)} |`,
          ),
          "",
          `${sentence(25)} Back to [overview](#overview).`,
          "",
        ].join("\n"),
      });
    }
  }
  return pages;
}

export function writeCorpus(dir: string, pageCount: number): void {
  rmSync(dir, { recursive: true, force: true });
  for (const page of corpusPages(pageCount)) {
    const file = path.join(dir, page.file);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, page.content);
  }
}
