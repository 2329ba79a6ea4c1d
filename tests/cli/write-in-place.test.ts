// The worker writes pages over the site before last in place: the same result as Node's own
// truncating write, the file's change time moved, and nothing else changes how files are written.
import fs, { mkdtempSync, readFileSync, readlinkSync, statSync, symlinkSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writePagesInPlace } from "../../src/cli/write-in-place.js";
import { EarlierFiles } from "../../src/safety/earlier-files.js";
import { writeTree } from "../helpers/build.js";

let restore = () => {};
afterEach(() => {
  restore();
  vi.restoreAllMocks();
});

/** Installs the in-place writer over a spy on Node's own, which sees every call it passes on. */
function inPlace(root: string) {
  const own = vi.spyOn(fs, "writeFileSync");
  restore = writePagesInPlace(root);
  return own;
}

describe("pages written over an earlier site, in place", () => {
  it("leaves exactly the new content, longer or shorter, and moves the change time", async () => {
    const root = writeTree(mkdtempSync(path.join(tmpdir(), "in-place-")), {
      "longer/index.html": "short",
      "shorter/index.html": "a much longer earlier page ".repeat(20),
      "same/index.html": "same",
      "bytes/index.html": "an earlier page, longer than the new one",
    });
    const earlier = EarlierFiles.take(root);
    await new Promise((resolve) => setTimeout(resolve, 20));
    const own = inPlace(root);
    fs.writeFileSync(path.join(root, "longer/index.html"), "now a longer page, é");
    fs.writeFileSync(path.join(root, "shorter/index.html"), Buffer.from("short now"));
    fs.writeFileSync(path.join(root, "same/index.html"), "same");
    fs.writeFileSync(path.join(root, "bytes/index.html"), "déjà vu ✓");
    expect(own).not.toHaveBeenCalled();
    expect(readFileSync(path.join(root, "longer/index.html"), "utf8")).toBe("now a longer page, é");
    expect(readFileSync(path.join(root, "shorter/index.html"), "utf8")).toBe("short now");
    expect(readFileSync(path.join(root, "same/index.html"), "utf8")).toBe("same");
    // Cut to its length in bytes, not in characters.
    expect(readFileSync(path.join(root, "bytes/index.html"), "utf8")).toBe("déjà vu ✓");
    for (const page of ["longer", "shorter", "same", "bytes"])
      expect(earlier.unwritten(path.join(root, page, "index.html"))).toBe(false);
  });

  it("leaves to Node's own a new file, a link, an empty page, options and files outside the folder", () => {
    const root = writeTree(mkdtempSync(path.join(tmpdir(), "in-place-")), {
      "page/index.html": "earlier",
      "empty/index.html": "earlier",
    });
    const outside = writeTree(mkdtempSync(path.join(tmpdir(), "in-place-outside-")), {
      "target.html": "not ours",
    });
    symlinkSync(path.join(outside, "target.html"), path.join(root, "link.html"));
    const own = inPlace(root);
    const calls: [string, string][] = [
      [path.join(root, "new/index.html"), "new"],
      [path.join(root, "link.html"), "through the link"],
      [path.join(root, "empty/index.html"), ""],
      [path.join(outside, "elsewhere.html"), "elsewhere"],
    ];
    fs.mkdirSync(path.join(root, "new"));
    for (const [file, content] of calls) fs.writeFileSync(file, content);
    fs.writeFileSync(path.join(root, "page/index.html"), "with options", { flag: "w" });
    expect(own.mock.calls.map(([file]) => file)).toEqual([
      ...calls.map(([file]) => file),
      path.join(root, "page/index.html"),
    ]);
    expect(readFileSync(path.join(root, "empty/index.html"), "utf8")).toBe("");
    expect(readlinkSync(path.join(root, "link.html"))).toBe(path.join(outside, "target.html"));
    expect(statSync(path.join(root, "new/index.html")).size).toBe(3);
  });

  it("puts Node's own back", () => {
    const root = mkdtempSync(path.join(tmpdir(), "in-place-"));
    const own = fs.writeFileSync;
    writePagesInPlace(root)();
    expect(fs.writeFileSync).toBe(own);
  });
});
