// A build writes in a folder beside its output; what it prints names the output folder.
import { execFile } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { outputBuiltIn } from "../../src/cli/output.js";
import { engineCommand, projectRoot, writeTree } from "../helpers/build.js";

describe("the folder a build writes in", () => {
  it("is named after the output folder it replaces", () => {
    expect(outputBuiltIn("/srv/site/._site.building-81")).toBe("/srv/site/_site");
    expect(outputBuiltIn("/srv/site/.docs.v2.building-Xy12")).toBe("/srv/site/docs.v2");
    expect(outputBuiltIn("/srv/site/_site")).toBeUndefined();
    expect(outputBuiltIn("/srv/site/._site.previous")).toBeUndefined();
  });

  it("is not what the build's messages name: they name the output folder", async () => {
    const content = writeTree(mkdtempSync(path.join(tmpdir(), "output-name-")), {
      "index.md": "---\ntitle: Home\n---\nOne page.\n",
    });
    const output = path.join(mkdtempSync(path.join(tmpdir(), "output-name-out-")), "_site");
    // The second build writes over the site before last, the first into a new folder.
    for (let build = 1; build <= 2; build++) {
      const { stdout } = await promisify(execFile)(
        process.execPath,
        engineCommand("src/cli/build.ts", [`--input=${content}`, `--output=${output}`]),
        { cwd: projectRoot },
      );
      expect(stdout).toContain(`Writing ${path.join(output, "index.html")} from`);
      expect(stdout).not.toContain(".building-");
    }
  });
});
