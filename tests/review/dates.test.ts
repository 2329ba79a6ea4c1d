import { describe, expect, it } from "vitest";
import { addPeriod, formatDate, parsePeriod, toIsoDate } from "../../src/dates/dates.js";

describe("review periods", () => {
  it("accept the phrases tech-docs pages use", () => {
    expect(parsePeriod("6 months")).toEqual({ amount: 6, unit: "month" });
    expect(parsePeriod("1 year")).toEqual({ amount: 1, unit: "year" });
    expect(parsePeriod("2 weeks")).toEqual({ amount: 2, unit: "week" });
    expect(parsePeriod("1 month")).toEqual({ amount: 1, unit: "month" });
    expect(parsePeriod("a year")).toEqual({ amount: 1, unit: "year" });
    expect(parsePeriod(" 3 Days ")).toEqual({ amount: 3, unit: "day" });
    for (const bad of ["soon", "6", "months", "0 months", "-1 month", "1 fortnight"])
      expect(parsePeriod(bad)).toBeUndefined();
  });
});

describe("review date arithmetic", () => {
  it("adds calendar months and years", () => {
    expect(addPeriod("2026-03-12", { amount: 6, unit: "month" })).toBe("2026-09-12");
    expect(addPeriod("2026-11-15", { amount: 3, unit: "month" })).toBe("2027-02-15");
    expect(addPeriod("2026-03-12", { amount: 1, unit: "year" })).toBe("2027-03-12");
  });

  it("clamps to the end of shorter months, minding leap years", () => {
    expect(addPeriod("2026-01-31", { amount: 1, unit: "month" })).toBe("2026-02-28");
    expect(addPeriod("2028-01-31", { amount: 1, unit: "month" })).toBe("2028-02-29");
    expect(addPeriod("2026-08-31", { amount: 1, unit: "month" })).toBe("2026-09-30");
    expect(addPeriod("2028-02-29", { amount: 1, unit: "year" })).toBe("2029-02-28");
    expect(addPeriod("2028-02-29", { amount: 4, unit: "year" })).toBe("2032-02-29");
  });

  it("adds days and weeks across month and year ends", () => {
    expect(addPeriod("2026-12-25", { amount: 2, unit: "week" })).toBe("2027-01-08");
    expect(addPeriod("2028-02-28", { amount: 1, unit: "day" })).toBe("2028-02-29");
  });

  it("reads dates from YAML strings or dates, and rejects impossible ones", () => {
    expect(toIsoDate("2026-03-12")).toBe("2026-03-12");
    expect(toIsoDate(new Date(Date.UTC(2026, 2, 12)))).toBe("2026-03-12");
    expect(toIsoDate("2026-02-29")).toBeUndefined();
    expect(toIsoDate("2028-02-29")).toBe("2028-02-29");
    expect(toIsoDate("12/03/2026")).toBeUndefined();
  });

  it("writes dates the GOV.UK way", () => {
    expect(formatDate("2026-09-12")).toBe("12 September 2026");
  });
});
