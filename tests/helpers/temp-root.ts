// Vitest's global set-up: every test's temporary folders (sites, builds, browser profiles) go in
// one folder of this run, removed when the run ends, so runs do not pile up in the system's.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), "docs-engine-tests-"));
  process.env.TMPDIR = root; // os.tmpdir() in the test workers and the commands they run
  return () => rmSync(root, { recursive: true, force: true, maxRetries: 3 });
}
