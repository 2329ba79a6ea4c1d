// Every page is written inside the output folder: a permalink with a `..` segment, a backslash
// or a malformed escape would write elsewhere (`permalink: ../../../etc/x.html`) or replace
// another page (`/x/../about/`). Checked once every page's address is known and before any
// file is written.
import { readFileSync } from "node:fs";
import path from "node:path";
import { unsafeAddress } from "../html/address.js";
import type { NewProblem } from "../problems/collector.js";

export function unsafeOutputPaths(
  urlToInputPath: Record<string, { inputPath: string }>,
  displayPath: (inputPath: string) => string,
): NewProblem[] {
  const problems: NewProblem[] = [];
  for (const [url, { inputPath }] of Object.entries(urlToInputPath)) {
    if (url === "false") continue; // pages with `permalink: false` are not written
    const reason = unsafeAddress(url);
    if (!reason) continue;
    problems.push({
      file: displayPath(inputPath),
      line: permalinkLine(inputPath),
      kind: "unsafe-permalink",
      message: `the page's address ${url} ${reason}`,
      hint: "write the permalink as a plain site path, like /section/page/",
    });
  }
  return problems;
}

/** Only read when there is a problem to place. */
function permalinkLine(inputPath: string): number | undefined {
  try {
    const lines = readFileSync(path.resolve(inputPath), "utf8").split("\n");
    const index = lines.findIndex((line) => /^permalink\s*:/.test(line));
    return index === -1 ? undefined : index + 1;
  } catch {
    return undefined; // a virtual template: no file to point at
  }
}
