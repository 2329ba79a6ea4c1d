// The preview (`npm start`) as a contributor uses it: it starts on broken content, survives
// any request, shows edited settings at once and never gets stuck after a mistake is fixed.
import {
  appendFileSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fixture } from "../helpers/build.js";
import { BUILT, startPreview, type Preview } from "../helpers/preview.js";
import { launchChromium } from "../helpers/gate/browser.js";

describe("the preview of a working site", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview(fixture("basic"));
  }, 60_000);
  afterAll(() => preview?.stop());

  it("answers malformed and escaping addresses with 400 and keeps running", async () => {
    for (const bad of ["/%zz", "/%", "/%c0%ae", "/..%2f..%2fetc%2fpasswd", "/a%00b"]) {
      expect((await preview.get(bad)).status, bad).toBe(400);
    }
    expect(preview.alive()).toBe(true);
    expect((await preview.get("/about/")).status).toBe(200);
  });

  it("shows an edited setting on the next build", async () => {
    const settings = path.join(preview.content, "_data/site.yml");
    const from = preview.mark();
    writeFileSync(
      settings,
      readFileSync(settings, "utf8").replace("Fixture Service", "Renamed Service"),
    );
    await preview.waitFor(BUILT, from);
    expect((await preview.get("/about/")).body).toContain("<title>About &ndash; Renamed Service");
  }, 30_000);

  it("shows a mistake on every page until it is fixed, and says when it is", async () => {
    expect((await preview.get("/about/")).body).toContain("data-app-preview-problems");
    const about = path.join(preview.content, "about.md");
    const before = readFileSync(about, "utf8");
    let from = preview.mark();
    appendFileSync(about, "\nSee [the plan](no-such-page.md).\n");
    await preview.waitFor(/does not match any page/, from);
    const problems = JSON.parse((await preview.get("/_preview/problems.json")).body) as {
      file: string;
      message: string;
    }[];
    expect(problems).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/about\.md$/),
        message: 'link to "no-such-page.md" does not match any page',
      }),
    ]);
    // In the browser: GOV.UK's error summary at the top of the page.
    const browser = await launchChromium();
    const page = await browser.newPage();
    await page.goto(new URL("/about/", preview.url).href);
    const summary = page.locator(".govuk-error-summary");
    await summary.waitFor({ state: "visible" });
    await expect(summary.locator("li").textContent()).resolves.toMatch(
      /about\.md:\d+ {2}link to "no-such-page\.md" does not match any page/,
    );
    await browser.close();
    from = preview.mark();
    writeFileSync(about, before);
    await preview.waitFor(/Fixed: the build works again\./, from);
    expect(JSON.parse((await preview.get("/_preview/problems.json")).body)).toEqual([]);
  }, 30_000);

  // Break, fix, then edit: the edit after the fix is served, for every kind of file.
  it.each([
    ["a data file", "_data/timeline.yml", () => "bad: [\n", /the timeline is not valid YAML/],
    [
      "the settings file",
      "_data/site.yml",
      (text: string) => text.replace("navigation:", "navigation: [\n"),
      /site\.yml:\d+/,
    ],
    [
      "a page's frontmatter",
      "guide/third.md",
      (text: string) => text.replace(/^title: .*$/m, 'title: "Unclosed'),
      /third\.md:\d+/,
    ],
  ])(
    "serves later edits once %s is fixed",
    async (_what, file, breakIt, reported) => {
      const broken = path.join(preview.content, file);
      const before = existsSync(broken) ? readFileSync(broken, "utf8") : undefined;
      let from = preview.mark();
      writeFileSync(broken, breakIt(before ?? ""));
      await preview.waitFor(reported, from);
      from = preview.mark();
      if (before === undefined) rmSync(broken);
      else writeFileSync(broken, before);
      await preview.waitFor(/Fixed: the build works again\./, from);
      from = preview.mark();
      const line = `A line added after fixing ${file}.`;
      appendFileSync(path.join(preview.content, "about.md"), `\n${line}\n`);
      await preview.waitFor(BUILT, from);
      expect(preview.log().slice(from)).not.toContain("has not yet initialized");
      expect((await preview.get("/about/")).body).toContain(line);
    },
    30_000,
  );
});

describe("incremental preview builds, of content outside the project folder", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview(fixture("basic"));
  }, 60_000);
  afterAll(() => preview?.stop());

  it("rebuild one page for a body edit, and every page when a title changes", async () => {
    const second = path.join(preview.content, "guide/second.md");
    // The file watcher may still be starting on a busy machine: save again until it builds.
    let from = preview.mark();
    appendFileSync(second, "\nA body edit.\n");
    for (let tries = 0; !(await preview.built(from, 10_000)) && tries < 3; tries++) {
      from = preview.mark();
      writeFileSync(second, readFileSync(second, "utf8"));
    }
    expect(preview.log().slice(from)).toMatch(/Wrote 1 file\b/);
    expect((await preview.get("/guide/second/")).body).toContain("A body edit.");

    from = preview.mark();
    writeFileSync(second, readFileSync(second, "utf8").replace("Second page", "Renamed page"));
    await preview.waitFor(BUILT, from);
    // The neighbour's side navigation and previous/next links show the new title.
    const third = (await preview.get("/guide/third/")).body;
    expect(third).toContain("Renamed page");
    expect(third).not.toContain("Second page");
  }, 60_000);

  it("rebuilds the pages that linked to a deleted page", async () => {
    expect((await preview.get("/guide/second/")).body).toContain('href="/guide/third/"');
    const from = preview.mark();
    rmSync(path.join(preview.content, "guide/third.md"));
    await preview.waitFor(BUILT, from);
    expect((await preview.get("/guide/second/")).body).not.toContain('href="/guide/third/"');
  }, 30_000);
});

describe("the preview of a site that starts with errors", () => {
  let preview: Preview;
  beforeAll(async () => {
    preview = await startPreview(fixture("broken"));
  }, 60_000);
  afterAll(() => preview?.stop());

  it("reports the errors once and keeps serving", async () => {
    expect(preview.alive()).toBe(true);
    expect(preview.log().match(/\d+ errors?, \d+ warnings?/g)).toHaveLength(1);
    expect((await preview.get("/")).status).toBe(200);
  });
});

describe("the preview, stopped while it indexes", () => {
  it("stops its Pagefind too, which then writes nothing after the preview has gone", async () => {
    // A Pagefind that says it has started, then writes one file a second later.
    const dir = mkdtempSync(path.join(tmpdir(), "slow-pagefind-"));
    const started = path.join(dir, "started");
    const late = path.join(dir, "late");
    const program = path.join(dir, "pagefind");
    writeFileSync(
      program,
      `#!/bin/sh\ntouch "${started}"\nexec "${process.execPath}" -e "setTimeout(() => require('fs').writeFileSync('${late}', ''), 1000)"\n`,
      { mode: 0o755 },
    );
    const preview = await startPreview(fixture("basic"), { PAGEFIND_BINARY_PATH: program });
    while (!existsSync(started)) await new Promise((r) => setTimeout(r, 50));
    await preview.stop();
    await new Promise((r) => setTimeout(r, 2000));
    expect(existsSync(late)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
