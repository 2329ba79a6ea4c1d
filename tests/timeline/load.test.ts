import { describe, expect, it } from "vitest";
import { parseTimeline } from "../../src/timeline/load.js";
import { SiteBuildError } from "../../src/problems/problem.js";

const FILE = "content/_data/timeline.yml";

function problems(yaml: string): string[] {
  try {
    parseTimeline(yaml, FILE);
  } catch (e) {
    if (e instanceof SiteBuildError)
      return e.problems.map((p) => `${p.file}:${p.line} ${p.message}`);
    throw e;
  }
  return [];
}

describe("timeline data", () => {
  it("accepts months, days, spans and plans, and remembers each entry's line", () => {
    const entries = parseTimeline(
      "- date: 2024-03\n  end: 2024-04\n  title: Span\n- date: 2024-02-29\n  title: Leap day\n  status: planned\n",
      FILE,
    );
    expect(entries.map((e) => [e.date, e.end, e.title, e.status, e.source.line])).toEqual([
      ["2024-03", "2024-04", "Span", undefined, 1],
      ["2024-02-29", undefined, "Leap day", "planned", 4],
    ]);
  });

  it("names the file, line, entry and field of a missing title", () => {
    expect(
      problems("- date: 2024-03\n  title: Fine\n- date: 2024-04\n  description: no title\n"),
    ).toEqual([`${FILE}:3 milestone 2: "title" is missing`]);
  });

  it("rejects impossible and malformed dates", () => {
    expect(problems("- date: 2024-13\n  title: Bad month\n")).toEqual([
      `${FILE}:1 milestone 1 ("Bad month"): "date": "2024-13" is not a real date; write YYYY-MM (2024-03) or YYYY-MM-DD (2024-03-12)`,
    ]);
    expect(problems("- date: 2023-02-29\n  title: Not a leap year\n")[0]).toContain(
      '"2023-02-29" is not a real date',
    );
    expect(problems("- date: March 2024\n  title: Words\n")[0]).toContain(
      '"March 2024" is not a real date',
    );
  });

  it("rejects an end before its start", () => {
    expect(problems("- date: 2024-04\n  end: 2024-03\n  title: Backwards\n")).toEqual([
      `${FILE}:2 milestone 1 ("Backwards"): "end": the end date must be after the start date`,
    ]);
  });

  it("rejects unknown fields and statuses, all at once", () => {
    expect(
      problems(
        "- date: 2024-04\n  title: A\n  colour: red\n- date: 2024-05\n  title: B\n  status: done\n",
      ).sort(),
    ).toEqual([
      `${FILE}:3 milestone 1 ("A"): unknown field "colour"`,
      `${FILE}:6 milestone 2 ("B"): "status": the only status is "planned"`,
    ]);
  });

  it("reports YAML syntax errors at their line", () => {
    expect(problems("- date: 2024-04\n  title: A\n  title: B\n")[0]).toMatch(
      /:3 the timeline is not valid YAML/,
    );
  });
});
