// A build that writes over the site before last keeps exactly the files it wrote again, however
// it wrote them, and never writes through a link it found there.
import {
  copyFileSync,
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { EarlierFilesInTheWay } from "../../src/cli/output.js";
import { EarlierFiles } from "../../src/safety/earlier-files.js";
import { writeTree } from "../helpers/build.js";

const folder = (files: Record<string, string>): string =>
  writeTree(mkdtempSync(path.join(tmpdir(), "earlier-files-")), files);

const listing = (root: string) => readdirSync(root, { recursive: true, encoding: "utf8" }).sort();

describe("the files of an earlier build, written over", () => {
  it("keeps what this build wrote, even unchanged or copied with its old times, and removes the rest", () => {
    const root = folder({
      "same/index.html": "same",
      "changed/index.html": "before",
      "copied.png": "image",
      "gone/index.html": "gone",
      "gone/deeper/index.html": "gone too",
    });
    const source = path.join(mkdtempSync(path.join(tmpdir(), "earlier-source-")), "copied.png");
    writeFileSync(source, "image");
    const old = new Date("2020-01-01");
    utimesSync(source, old, old);
    // The earlier build's copy had the source's times too: only the change time tells them apart.
    utimesSync(path.join(root, "copied.png"), old, old);
    const earlier = EarlierFiles.take(root);

    writeFileSync(path.join(root, "same/index.html"), "same"); // the same bytes again
    writeFileSync(path.join(root, "changed/index.html"), "after");
    // A copy that keeps the source's times, as Eleventy's passthrough copy does.
    copyFileSync(source, path.join(root, "copied.png"));
    utimesSync(path.join(root, "copied.png"), old, old);
    expect(statSync(path.join(root, "copied.png")).mtime).toEqual(old);
    mkdirSync(path.join(root, "new"));
    writeFileSync(path.join(root, "new/index.html"), "new");
    earlier.removeUnwritten();

    expect(listing(root)).toEqual([
      "changed",
      "changed/index.html",
      "copied.png",
      "new",
      "new/index.html",
      "same",
      "same/index.html",
    ]);
  });

  it("leaves what a later step will write, when asked to", () => {
    const root = folder({ "pagefind/entry.json": "{}", "page/index.html": "old" });
    EarlierFiles.take(root).removeUnwritten((file) => file.startsWith(path.join(root, "pagefind")));
    expect(listing(root)).toEqual(["pagefind", "pagefind/entry.json"]);
  });

  it("removes links at once, so nothing is written through them", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "earlier-outside-"));
    const root = folder({ "page/index.html": "old" });
    symlinkSync(outside, path.join(root, "linked"));
    symlinkSync(path.join(outside, "file"), path.join(root, "page/file-link"));
    const earlier = EarlierFiles.take(root);
    expect(existsSync(path.join(root, "linked"))).toBe(false);
    expect(lstatSync(path.join(root, "page/file-link"), { throwIfNoEntry: false })).toBeUndefined();
    expect(earlier.none).toBe(false);
    expect(EarlierFiles.take(mkdtempSync(path.join(tmpdir(), "earlier-empty-"))).none).toBe(true);
  });

  it("removes folders left empty, also ones empty before or holding only a link", () => {
    const outside = mkdtempSync(path.join(tmpdir(), "earlier-outside-"));
    const root = folder({ "kept/index.html": "old", "gone/a/b/index.html": "old" });
    mkdirSync(path.join(root, "was-empty/inner"), { recursive: true });
    mkdirSync(path.join(root, "only-a-link"));
    symlinkSync(outside, path.join(root, "only-a-link/linked"));
    const earlier = EarlierFiles.take(root);
    writeFileSync(path.join(root, "kept/index.html"), "new");
    earlier.removeUnwritten();
    expect(listing(root)).toEqual(["kept", "kept/index.html"]);
  });

  it("knows a file of its own in the way, through Eleventy's wrapping", () => {
    const clash = Object.assign(new Error("ENOTDIR: not a directory"), { code: "ENOTDIR" });
    const wrapped = Object.assign(new Error("Having trouble writing to …"), {
      originalError: clash,
    });
    expect(EarlierFilesInTheWay.causedBy(wrapped)).toBe(true);
    expect(EarlierFilesInTheWay.causedBy(new Error("a template error"))).toBe(false);
  });
});
