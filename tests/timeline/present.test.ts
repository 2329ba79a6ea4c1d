import { describe, expect, it } from "vitest";
import moment from "moment";
import {
  formatFor,
  formatLabel,
  lastDay,
  overduePlans,
  overduePlansSummary,
  overdueText,
  presentTimeline,
} from "../../src/timeline/present.js";
import type { LocatedMilestone } from "../../src/timeline/load.js";

const m = (
  date: string,
  title: string,
  extra: Partial<LocatedMilestone> = {},
): LocatedMilestone => ({
  date,
  title,
  source: { file: "timeline.yml", line: 1 },
  ...extra,
});

describe("presenting milestones", () => {
  it("sorts newest first, keeping file order for the same date", () => {
    const out = presentTimeline(
      [m("2020-05", "old"), m("2024-04", "a"), m("2024-04", "b"), m("2022-01", "mid")],
      "2020-01-01",
    );
    expect(out.map((x) => x.title)).toEqual(["a", "b", "mid", "old"]);
  });

  it("labels months, days and spans", () => {
    expect(formatLabel("2024-03")).toBe("March 2024");
    expect(formatLabel("2024-03-07")).toBe("7 March 2024");
    expect(formatLabel("2024-03", "2024-04")).toBe("March to April 2024");
    expect(formatLabel("2024-12", "2025-01")).toBe("December 2024 to January 2025");
  });

  it("gives MoJ's date filter (moment) formats that print the same labels", () => {
    for (const [date, end] of [
      ["2024-03"],
      ["2024-03-07"],
      ["2024-03", "2024-04"],
      ["2024-12", "2025-01"],
    ] as [string, string?][]) {
      expect(moment(date).format(formatFor(date, end))).toBe(formatLabel(date, end));
    }
  });

  it("gives unique ids", () => {
    const ids = presentTimeline([m("2020-05", "Same"), m("2020-05", "Same")], "2020-01-01").map(
      (x) => x.id,
    );
    expect(new Set(ids).size).toBe(2);
  });
});

describe("plans whose date has passed", () => {
  it("are warned about after the end of their month, with file and line", () => {
    const plan = m("2025-03", "We will do it", {
      status: "planned",
      source: { file: "t.yml", line: 9 },
    });
    expect(lastDay(plan)).toBe("2025-03-31");
    expect(overduePlans([plan], "2025-03-31")).toEqual([]);
    const [warning] = overduePlans([plan, m("2020-01", "done")], "2025-04-01");
    expect(warning).toMatchObject({
      file: "t.yml",
      line: 9,
      severity: "warning",
      kind: "timeline-plan-passed",
    });
    expect(warning!.message).toBe(
      'planned milestone "We will do it" (March 2025) is now in the past',
    );
  });

  it("shows a plan whose date has passed as one with no update, and sums them up once", () => {
    const plans = [
      m("2024-11", "We will a", { status: "planned" }),
      m("2025-03", "We will b", { status: "planned" }),
      m("2027-01", "We will c", { status: "planned" }),
    ];
    const shown = presentTimeline(plans, "2026-11-23");
    expect(shown.map((x) => `${x.title}: ${x.overdue}`)).toEqual([
      "We will c: false",
      "We will b: true",
      "We will a: true",
    ]);
    expect(overdueText(shown[1]!)).toBe("Planned for March 2025, no update since.");
    expect(overduePlansSummary(plans, "2026-11-23")?.message).toBe(
      "2 planned milestones have passed their date with no update; `npm run review` lists them",
    );
  });
});
