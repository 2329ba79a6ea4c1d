// A data file's aliases (*name) are read as YAML reads them, and those that name nothing, never
// end or stand for too much are told at their line instead of stopping the build with a trace.
import { describe, expect, it } from "vitest";
import { yamlDataParser } from "../../src/yaml/data-files.js";
import { SiteBuildError } from "../../src/problems/problem.js";
import { aliasesOfAliases } from "../helpers/yaml-aliases.js";

const parse = yamlDataParser("/site", {});

function problemsOf(source: string) {
  try {
    parse(source, "/site/_data/team.yml");
  } catch (error) {
    if (error instanceof SiteBuildError)
      return error.problems.map(({ file, line, message, hint }) => ({ file, line, message, hint }));
    throw error;
  }
  return [];
}

describe("a YAML data file with aliases", () => {
  it("is read when its aliases repeat a value", () => {
    expect(parse("lead: &l Sam\nowners: [*l, Alex]\n", "/site/_data/team.yml")).toEqual({
      lead: "Sam",
      owners: ["Sam", "Alex"],
    });
  });

  it("reports an alias that names no anchor, at its line", () => {
    expect(problemsOf("lead: Sam\nowners: [*lead]\n")).toEqual([
      {
        file: "_data/team.yml",
        line: 2,
        message: "this data file is not valid YAML: the alias *lead names no anchor set before it",
        hint: "put &lead on a value above it, or write the value out",
      },
    ]);
  });

  it("reports an alias inside the value it names, at its line, not at an earlier alias", () => {
    expect(problemsOf("lead: &l Sam\nowners: [*l]\nteam: &t [Sam, *t]\n")).toEqual([
      {
        file: "_data/team.yml",
        line: 3,
        message: expect.stringMatching(/never ends/),
        hint: "write that value out where the alias is",
      },
    ]);
  });

  it("reports aliases that stand for more values than the file could hold", () => {
    expect(problemsOf(aliasesOfAliases())).toEqual([
      {
        file: "_data/team.yml",
        line: 2,
        message: expect.stringMatching(/aliases .* stall/),
        hint: expect.stringMatching(/write the values out/),
      },
    ]);
  });

  it("reports lists nested too deeply to read, at their line, as a mistake", () => {
    const deep = `name: Data\nteam: ${"[".repeat(20_000)}${"]".repeat(20_000)}\n`;
    expect(problemsOf(deep)).toEqual([
      expect.objectContaining({
        file: "_data/team.yml",
        line: 2,
        message:
          "this data file is not valid YAML: its lists and mappings are nested too deeply to be read",
      }),
    ]);
  });
});
