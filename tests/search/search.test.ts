// Site search: the index the build writes, and what a reader gets in a real browser.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { writeCorpus } from "../../src/bench/corpus.js";
import path from "node:path";
import { fixture, projectRoot, runBuild } from "../helpers/build.js";
import { siteIndexEntries } from "../../src/search/register.js";
import { installedPagefind } from "../../src/search/pagefind.js";
import { openSite, type LiveSite } from "../helpers/site.js";

describe("search on the real site", () => {
  let site: LiveSite;
  beforeAll(async () => {
    site = await openSite(path.join(projectRoot, "content"));
  });
  afterAll(() => site?.close());

  it("indexes every content page, and not the engine's own pages", () => {
    const entry = JSON.parse(
      readFileSync(path.join(site.build.output, "pagefind/pagefind-entry.json"), "utf8"),
    );
    const searchable = site.pages.filter((url) =>
      site.build.html(url).includes("data-pagefind-body"),
    );
    expect(searchable).toEqual([
      "/",
      "/about/",
      "/about/timeline/",
      "/accessibility/",
      "/analytical-platform/",
      "/analytical-platform/get-support/",
      "/analytical-platform/information-governance/",
    ]);
    expect(entry.languages.en.page_count).toBe(searchable.length);
    expect(site.build.stdout).toMatch(/Search index: 7 pages in \d+\.\d\d s/);
  });

  it("puts the page an analyst is looking for first", async () => {
    const page = await site.browser.newPage();
    for (const [query, first] of [
      ["security classification", "Information governance"],
      ["support", "Get support"],
      ["timeline", "Timeline"],
      ["reproducible analysis", "Analytical Platform user guide"],
      ["jupyter", "Analytical Platform user guide"],
      ["R studio", "Analytical Platform user guide"],
      ["help", "Get support"],
      ["milestones", "Timeline"],
      ["screen reader", "Accessibility statement"],
    ]) {
      await page.goto(`${site.server.url}/search/?q=${encodeURIComponent(query!)}`);
      await page.waitForSelector(".app-search-results__item");
      const title = page.locator(".app-search-results__item h2 a").first();
      await expect(title.textContent(), query).resolves.toBe(first);
    }
    await page.close();
  });

  it("finds pages from the header box, with stemming, sections and deep links to headings", async () => {
    const page = await site.browser.newPage();
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    await page.goto(`${site.server.url}/about/`);
    expect(requests.some((u) => u.includes("/pagefind/"))).toBe(false); // nothing until someone searches
    await page.locator("#app-header-search-input").fill("classification");
    await page.keyboard.press("Enter");
    await page.waitForSelector(".app-search-results__item");
    expect(new URL(page.url()).search).toBe("?q=classification");
    await expect(page.locator("#app-search-status").textContent()).resolves.toBe(
      "2 results for “classification”",
    );
    const first = page.locator(".app-search-results__item").first();
    await expect(first.locator("h2 a").textContent()).resolves.toBe("Information governance");
    await expect(first.locator(".app-search-results__section").textContent()).resolves.toBe(
      "Analytical Platform user guide",
    );
    await expect(first.locator("mark").first().textContent()).resolves.toMatch(/^classifications/);
    const deep = first.locator(".app-search-results__sections a").first();
    expect(await deep.getAttribute("href")).toBe(
      "/analytical-platform/information-governance/#security-classifications",
    );
    await deep.click();
    await page.waitForURL("**/information-governance/#security-classifications");
    await expect(page.locator("#security-classifications").textContent()).resolves.toBe(
      "Security classifications",
    );
    await page.close();
  });

  it("reproduces results from a shared ?q= address, and updates them as you type", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/?q=Airflow`);
    await page.waitForSelector(".app-search-results__item");
    const titles = await page.locator(".app-search-results__title").allTextContents();
    expect(titles).toEqual(expect.arrayContaining(["Analytical Platform user guide", "Timeline"]));
    await expect(page.locator("#app-search-input").inputValue()).resolves.toBe("Airflow");
    await page.locator("#app-search-input").fill("hackathon");
    await page.waitForFunction(() =>
      document.querySelector("#app-search-status")?.textContent?.includes("hackathon"),
    );
    expect(new URL(page.url()).searchParams.get("q")).toBe("hackathon");
    await expect(page.locator(".app-search-results__title").allTextContents()).resolves.toEqual([
      "Timeline",
    ]);
    // Keyboard: from the box, Tab reaches the search button and then the first result.
    await page.locator("#app-search-input").focus();
    await page.keyboard.press("Tab");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Timeline");
    await page.close();
  });

  it("without JavaScript, explains and links to the site index, which lists every page", async () => {
    const context = await site.browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    await page.goto(`${site.server.url}/about/`);
    await page.locator("#app-header-search-input").fill("timeline");
    await page.keyboard.press("Enter");
    await page.waitForURL("**/search/?q=timeline");
    await expect(page.locator(".app-search__no-js").isVisible()).resolves.toBe(true);
    await page.locator(".app-search__no-js a", { hasText: "site index" }).click();
    const listed = await page.locator("main .govuk-list a").allTextContents();
    expect(listed).toEqual(
      expect.arrayContaining([
        "About",
        "Timeline",
        "Contributing",
        "Information governance",
        "Get support",
      ]),
    );
    await context.close();
  });
});

describe("the site index", () => {
  it("lists pages by title, and pages that share a title by address, whatever order they come in", () => {
    const pages = [
      { title: "Same title", url: "/b/" },
      { title: "apples", url: "/z/" },
      { title: "Same title", url: "/a/" },
    ];
    expect(siteIndexEntries(pages).map((p) => p.url)).toEqual(["/z/", "/a/", "/b/"]);
    expect(siteIndexEntries([...pages].reverse())).toEqual(siteIndexEntries(pages));
  });
});

describe("pages that opt out of search", () => {
  let site: LiveSite;
  beforeAll(async () => {
    site = await openSite(fixture("basic"));
  });
  afterAll(() => site?.close());

  it("are not found; other pages are", async () => {
    const page = await site.browser.newPage();
    const statusFor = async (q: string) => {
      await page.goto(`${site.server.url}/search/?q=${q}`);
      await page.waitForFunction(() => document.querySelector("#app-search-status")?.textContent);
      return page.locator("#app-search-status").textContent();
    };
    expect(await statusFor("quokka")).toBe("1 result for “quokka”");
    expect(await statusFor("zanzibarite")).toBe("No results for “zanzibarite”");
    await page.close();
  });
});

describe("a site whose config turns search off", () => {
  it("gets no index, and no message about one", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "search-off-"));
    writeCorpus(path.join(dir, "content"), 3);
    const config = path.join(dir, "eleventy.config.mjs");
    writeFileSync(
      config,
      `import { docsPlugin } from ${JSON.stringify(path.join(projectRoot, "src/index.js"))};\n` +
        `export default (c) => { c.addPlugin(docsPlugin, { search: false }); };\n`,
    );
    const result = await runBuild(path.join(dir, "content"), [`--config=${config}`]);
    expect(result.code).toBe(0);
    expect(result.exists("/section-1/")).toBe(true);
    expect(existsSync(path.join(result.output, "pagefind"))).toBe(false);
    expect(result.stdout).not.toContain("Search index");
  });
});

describe("Pagefind's program named by PAGEFIND_BINARY_PATH (a machine its package has none for)", () => {
  const site = () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pagefind-program-"));
    writeCorpus(dir, 3);
    return dir;
  };

  it("is the one the build runs, a path taken from where the command runs", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "pagefind-wrapper-"));
    const installed = installedPagefind();
    const wrapper = path.join(dir, "pagefind");
    writeFileSync(
      wrapper,
      `#!/bin/sh\necho ran > ${JSON.stringify(path.join(dir, "ran"))}\nexec ${JSON.stringify(installed)} "$@"\n`,
      { mode: 0o755 },
    );
    // Named from the folder the command runs in, as a team's CI might name it.
    const result = await runBuild(site(), [], {
      PAGEFIND_BINARY_PATH: path.relative(projectRoot, wrapper),
    });
    expect(result.code).toBe(0);
    expect(existsSync(path.join(dir, "ran"))).toBe(true);
    expect(result.stdout).toMatch(/Search index: 3 pages/);
  });

  it("says so when it cannot be run", async () => {
    const missing = path.join(tmpdir(), "no-such-folder", "pagefind");
    const result = await runBuild(site(), [], { PAGEFIND_BINARY_PATH: missing });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`Pagefind could not start: ${missing} does not exist`);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("many results", () => {
  let site: LiveSite;
  beforeAll(async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "search-many-"));
    writeCorpus(dir, 30);
    site = await openSite(dir);
  });
  afterAll(() => site?.close());

  it("are shown ten at a time, and 'Show more results' moves focus to the first new one", async () => {
    const page = await site.browser.newPage();
    await page.goto(`${site.server.url}/search/?q=pipeline`);
    // The status says what happened (results, or why not); generous, as this once took over
    // 30 s with every other browser test running on two cores.
    await page.waitForFunction(
      () => document.querySelector("#app-search-status")?.textContent,
      null,
      { timeout: 55_000 },
    );
    await expect(page.locator("#app-search-status").textContent()).resolves.toMatch(
      /^\d+ results for “pipeline”$/,
    );
    await expect(page.locator(".app-search-results__item").count()).resolves.toBe(10);
    const more = page.locator("#app-search-more");
    await expect(more.isVisible()).resolves.toBe(true);
    await more.click();
    await page.waitForFunction(
      () => document.querySelectorAll(".app-search-results__item").length > 10,
    );
    const eleventh = await page
      .locator(".app-search-results__item")
      .nth(10)
      .locator("a")
      .first()
      .textContent();
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(eleventh);
    await more.click();
    await page.waitForFunction(
      () => document.querySelectorAll(".app-search-results__item").length > 20,
    );
    await expect(more.isVisible(), "all 30 shown").resolves.toBe(false);
    await page.goto(`${site.server.url}/search/?q=zanzibarite`);
    await page.waitForFunction(() => document.querySelector("#app-search-status")?.textContent);
    await expect(more.isVisible(), "no results").resolves.toBe(false);
    await page.close();
  });
});
