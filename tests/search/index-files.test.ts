// The search index's files, written from a built site's pages (no Eleventy here: the pages are
// written by hand, as a site's own layouts might make them).
import { describe, expect, it } from "vitest";
import {
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { gunzipSync } from "node:zlib";
import path from "node:path";
import { mainOnlyPageCount, writeSearchIndex } from "../../src/search/pagefind.js";
import { writeTree } from "../helpers/build.js";

const page = (body: string) =>
  `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>${body}</body></html>`;

/** Every file of a site's index, by path, with its bytes. */
function indexFiles(site: string): Map<string, string> {
  const folder = path.join(site, "pagefind");
  const files = new Map<string, string>();
  for (const entry of readdirSync(folder, { recursive: true, withFileTypes: true }))
    if (entry.isFile()) {
      const file = path.join(entry.parentPath, entry.name);
      files.set(path.relative(folder, file), readFileSync(file, "latin1"));
    }
  return files;
}

const pageCount = (site: string): number =>
  JSON.parse(readFileSync(path.join(site, "pagefind/pagefind-entry.json"), "utf8")).languages.en
    .page_count;

const tempSite = (pages: Record<string, string>) =>
  writeTree(mkdtempSync(path.join(tmpdir(), "search-index-")), pages);

/** mainOnlyPageCount of a site whose pages are all read from disk (none rendered by a build). */
const countOf = (...pages: string[]) =>
  mainOnlyPageCount(
    tempSite(Object.fromEntries(pages.map((html, i) => [`p${i}/index.html`, html]))),
    [],
  );

describe("mainOnlyPageCount", () => {
  it("counts pages with a data-pagefind-body element, not pages that only name it in text", () => {
    expect(
      countOf(
        page('<main><h1>A</h1><div class="x" data-pagefind-body>Yes</div></main>'),
        page('<main data-pagefind-body=""><h1>B</h1>Yes</main>'),
        page("<main><h1>C</h1><p>Write <code>&lt;div data-pagefind-body&gt;</code>.</p></main>"),
        page('<main><h1>D</h1><div data-pagefind-bodyguard="">No</div></main>'),
      ),
    ).toBe(2);
  });

  it("gives no count when Pagefind would read something outside a page's <main>", () => {
    const searchable = page("<main><h1>Fine</h1><div data-pagefind-body>Yes</div></main>");
    for (const body of [
      "<header><h1>Masthead</h1></header><main><h1>A</h1><div data-pagefind-body>x</div></main>",
      "<main><div data-pagefind-body><h2>No h1, so the title would be the title element</h2></div></main>",
      '<header><img src="/logo.png" alt=""></header><main><h1>A</h1><div data-pagefind-body>x</div></main>',
      '<main><h1>A</h1><div data-pagefind-body>x</div></main><footer data-pagefind-meta="author:Me"></footer>',
      "<h1>A</h1><div data-pagefind-body>No main at all</div>",
      // The first <img> is the footer's when <main> has none.
      '<main><h1>A</h1><div data-pagefind-body>x</div></main><footer><img src="/crest.png" alt=""></footer>',
    ])
      expect(countOf(searchable, page(body)), body).toBeUndefined();
    expect(countOf(searchable, page("<main><h1>Not searchable</h1></main>"))).toBe(1);
  });

  it("counts pages whose frame has nothing Pagefind reads, whatever follows in <main>", () => {
    expect(
      countOf(
        // An image in the footer is not the first when <main> has one.
        page(
          '<main><h1>A</h1><div data-pagefind-body><img src="/a.png" alt=""></div></main><footer><img src="/crest.png" alt=""></footer>',
        ),
        // The frame names the attribute and the tags in text only.
        page(
          "<header><p>&lt;h1&gt; and data-pagefind-body, in words</p></header><main><h1>B</h1><div data-pagefind-body>x</div></main>",
        ),
      ),
    ).toBe(2);
  });

  it("takes a rendered page's HTML from the build's results, and reads the site's other pages", () => {
    const fine = page("<main><h1>Fine</h1><div data-pagefind-body>Yes</div></main>");
    const titleOutside = page("<h1>Old</h1><main data-pagefind-body>x</main>");
    // On disk the rendered page is not what the build rendered: its results are what count.
    const dir = tempSite({ "rendered/index.html": titleOutside, "copied/index.html": fine });
    const results = [{ outputPath: path.join(dir, "rendered/index.html"), content: fine }];
    expect(mainOnlyPageCount(dir, results)).toBe(2);
    // An HTML file the build copied as it is, with its title outside <main>.
    writeFileSync(path.join(dir, "copied/index.html"), titleOutside);
    expect(mainOnlyPageCount(dir, results)).toBeUndefined();
  });
});

describe("writeSearchIndex", () => {
  /** The index of `pages` read whole, and as a build reads it (given mainOnlyPageCount). */
  async function wholeAndAsBuilt(pages: Record<string, string>, count: number | undefined) {
    const [whole, built] = [tempSite(pages), tempSite(pages)];
    expect(mainOnlyPageCount(built, [])).toBe(count);
    await writeSearchIndex(whole);
    await writeSearchIndex(built, count);
    return [indexFiles(whole), indexFiles(built)];
  }

  it("gives the same index from the pages' <main> as from the whole pages", async () => {
    const [whole, fromMain] = await wholeAndAsBuilt(
      {
        "a/index.html": page(
          "<header>Header words</header><main><h1>Alpha</h1><div data-pagefind-body><p>Apples and quinces.</p></div></main>",
        ),
        "b/index.html": page(
          '<main><div data-pagefind-body data-pagefind-meta="section:Fruit"><h1>Beta</h1><p>Bananas.</p></div></main><footer>Footer</footer>',
        ),
        "404.html": page("<main><h1>Not found</h1></main>"),
      },
      2,
    );
    expect(fromMain).toEqual(whole);
  });

  it("gives the whole pages' index when Pagefind reads more than <main>", async () => {
    const [whole, built] = await wholeAndAsBuilt(
      {
        "a/index.html": page(
          "<header><h1>Masthead</h1></header><main><div data-pagefind-body><p>Apples.</p></div></main>",
        ),
        "b/index.html": page(
          "<main><h1>Beta</h1><div data-pagefind-body><p>Bananas.</p></div></main>",
        ),
      },
      undefined,
    );
    expect(built).toEqual(whole);
  });

  it("still finds a page left out by reading <main> only, when the count differs", async () => {
    const pages = {
      "a/index.html": page("<main><div data-pagefind-body><h1>Alpha</h1></div></main>"),
      "b/index.html": page("<div data-pagefind-body><h1>Beta, with no main</h1></div>"),
    };
    const dir = tempSite(pages);
    const summary = await writeSearchIndex(dir, 2);
    expect(summary.pages).toBe(2);
    expect(pageCount(dir)).toBe(2);
    // Nothing is left of the index read from <main> only: it is the whole pages' index.
    const whole = tempSite(pages);
    await writeSearchIndex(whole);
    expect(indexFiles(dir)).toEqual(indexFiles(whole));
  });

  const twoPages = (beta: string) => ({
    "a/index.html": page("<main><div data-pagefind-body><h1>Alpha</h1><p>Apples.</p></div></main>"),
    "b/index.html": page(`<main><div data-pagefind-body><h1>Beta</h1><p>${beta}</p></div></main>`),
  });

  it("over an earlier index, writes only what changed, and leaves no earlier file behind", async () => {
    const dir = tempSite(twoPages("Bananas."));
    await writeSearchIndex(dir, 2);
    const first = indexFiles(dir);
    const fragmentsOf = (files: Map<string, string>) =>
      [...files.keys()].filter((f) => f.startsWith("fragment"));
    const stat = (f: string) => statSync(path.join(dir, "pagefind", f)).mtimeMs;
    const times = new Map(fragmentsOf(first).map((f) => [f, stat(f)]));
    writeFileSync(path.join(dir, "pagefind/fragment/en_0000000.pf_fragment"), "stale");
    mkdirSync(path.join(dir, "pagefind/filter"));
    writeFileSync(path.join(dir, "pagefind/filter/en_1111111.pf_filter"), "stale");
    writeFileSync(path.join(dir, "pagefind/wasm.de.pagefind"), "an earlier language's");
    const outside = path.join(mkdtempSync(path.join(tmpdir(), "outside-")), "target");
    writeFileSync(outside, "outside");
    rmSync(path.join(dir, "pagefind/pagefind.js"));
    symlinkSync(outside, path.join(dir, "pagefind/pagefind.js"));
    writeTree(dir, twoPages("Blackberries."));

    await writeSearchIndex(dir, 2);
    // The same as an index written into an empty folder.
    const fresh = tempSite(twoPages("Blackberries."));
    await writeSearchIndex(fresh, 2);
    const second = indexFiles(dir);
    expect(second).toEqual(indexFiles(fresh));
    // Alpha's fragment was not written again; Beta's changed, and the earlier one is gone.
    const kept = fragmentsOf(second).filter((f) => times.has(f));
    expect(kept).toHaveLength(1);
    expect(stat(kept[0]!)).toBe(times.get(kept[0]!));
    expect(fragmentsOf(second)).toHaveLength(2);
    expect(readFileSync(outside, "utf8")).toBe("outside");
  });

  it("writes anew an index whose writing was stopped, so no file cut short is kept", async () => {
    const dir = tempSite(twoPages("Bananas."));
    await writeSearchIndex(dir, 2);
    const first = indexFiles(dir);
    const fragment = [...first.keys()].find((f) => f.startsWith("fragment"))!;
    // As a build stopped while Pagefind wrote would leave it.
    truncateSync(path.join(dir, "pagefind", fragment), 3);
    writeFileSync(path.join(dir, "pagefind/.unfinished"), "");

    await writeSearchIndex(dir, 2);
    expect(indexFiles(dir)).toEqual(first);
  });

  it("writes anew an index whose earlier metadata it cannot read, rather than guess what to keep", async () => {
    const dir = tempSite(twoPages("Bananas."));
    await writeSearchIndex(dir, 2);
    const first = indexFiles(dir);
    // Named by its content, the metadata is not written again when it is already there: this
    // engine must read it to know which earlier files the new index still uses.
    const meta = [...first.keys()].find((f) => f.endsWith(".pf_meta"))!;
    writeFileSync(path.join(dir, "pagefind", meta), "not Pagefind's metadata");
    writeFileSync(path.join(dir, "pagefind/fragment/en_2222222.pf_fragment"), "stale");

    await writeSearchIndex(dir, 2);
    expect(indexFiles(dir)).toEqual(first);
  });

  it("takes no setting from a pagefind.yml where it runs, or from PAGEFIND_ variables", async () => {
    const urlIn = (site: string) => {
      const folder = path.join(site, "pagefind/fragment");
      const fragment = readFileSync(path.join(folder, readdirSync(folder)[0]!));
      return /"url":"([^"]*)"/.exec(gunzipSync(fragment).toString())![1];
    };
    const here = process.cwd();
    const elsewhere = mkdtempSync(path.join(tmpdir(), "pagefind-settings-"));
    writeFileSync(path.join(elsewhere, "pagefind.yml"), "keep_index_url: true\n");
    process.chdir(elsewhere);
    process.env.PAGEFIND_KEEP_INDEX_URL = "true";
    try {
      const dir = tempSite({ "a/index.html": twoPages("Bananas.")["a/index.html"] });
      await writeSearchIndex(path.relative(elsewhere, dir), 1);
      expect(urlIn(dir)).toBe("/a/");
    } finally {
      process.chdir(here);
      delete process.env.PAGEFIND_KEEP_INDEX_URL;
    }
  });

  it("says why when Pagefind cannot index the site", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "search-index-"));
    await expect(writeSearchIndex(dir)).rejects.toThrow(/Pagefind could not index the site/);
  });
});
