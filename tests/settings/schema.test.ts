import { describe, expect, it } from "vitest";
import { defaultSettings, parseSettings } from "../../src/settings/load.js";
import { SiteBuildError } from "../../src/problems/problem.js";

function problemsOf(source: string) {
  try {
    parseSettings(source, "content/_data/site.yml");
  } catch (e) {
    if (e instanceof SiteBuildError) return e.problems.map((p) => `${p.line}: ${p.message}`);
    throw e;
  }
  return [];
}

describe("site settings", () => {
  it("has defaults for everything", () => {
    const s = defaultSettings();
    expect(s.serviceName).toBe("Documentation");
    expect(s.pathPrefix).toBe("/");
    expect(s.navigation).toEqual([]);
  });

  it("fills in defaults around what a site sets", () => {
    const s = parseSettings(
      "serviceName: Data Platform\nrepository:\n  url: https://github.com/example/repo\n",
      "site.yml",
    );
    expect(s.serviceName).toBe("Data Platform");
    expect(s.repository).toEqual({
      url: "https://github.com/example/repo",
      branch: "main",
      contentPath: "content",
    });
  });

  it("reports every mistake with its line", () => {
    expect(
      problemsOf(
        "serviceName: X\nservicename: typo\npathPrefix: guidance\ncontactEmail: not-an-email\n",
      ),
    ).toEqual([
      '3: "pathPrefix": must start and end with / (for example /guidance/)',
      '4: "contactEmail": Invalid email address',
      '2: unknown field "servicename"',
    ]);
  });

  it("reports YAML syntax errors with their line", () => {
    expect(problemsOf("serviceName: X\nphase:\n  tag: beta\nserviceName: Y\n")).toEqual([
      "4: the settings file is not valid YAML: Map keys must be unique",
    ]);
  });
});
