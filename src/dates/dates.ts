// Review dates as tech-docs owners know them: `last_reviewed_on` plus `review_in` ("6 months",
// "1 year", "2 weeks"). Calendar arithmetic, so 12 March + 6 months is 12 September, and a month
// after 31 January is the last day of February.
import { daysInMonth, MONTHS } from "./calendar.js";

export type Unit = "day" | "week" | "month" | "year";
export interface Period {
  amount: number;
  unit: Unit;
}

const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  six: 6,
  twelve: 12,
};
const PERIOD = /^\s*(\d+|a|an|one|two|three|four|six|twelve)\s+(day|week|month|year)s?\s*$/i;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function parsePeriod(text: string): Period | undefined {
  const m = PERIOD.exec(text);
  if (!m) return undefined;
  const amount = /^\d+$/.test(m[1]!) ? Number(m[1]) : WORD_NUMBERS[m[1]!.toLowerCase()]!;
  return amount > 0 ? { amount, unit: m[2]!.toLowerCase() as Unit } : undefined;
}

const ELEVENTY_DATE_WORDS = new Set([
  "Last Modified",
  "Created",
  "git Last Modified",
  "git Created",
]);

/** Whether Eleventy can read a page's `date` (it stops the whole build when it cannot). */
export function isEleventyDate(value: unknown): boolean {
  if (value instanceof Date) return !Number.isNaN(value.getTime());
  if (typeof value !== "string") return false;
  if (ELEVENTY_DATE_WORDS.has(value)) return true;
  return toIsoDate(value.slice(0, 10)) !== undefined && !Number.isNaN(Date.parse(value));
}

/** A date from frontmatter (YAML may give a Date or a string) as YYYY-MM-DD, if it is real. */
export function toIsoDate(value: unknown): string | undefined {
  const text =
    value instanceof Date
      ? value.toISOString().slice(0, 10)
      : typeof value === "string"
        ? value.trim()
        : "";
  const m = ISO_DATE.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(y, mo) ? text : undefined;
}

export function addPeriod(isoDate: string, { amount, unit }: Period): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  if (unit === "day" || unit === "week") {
    const date = new Date(Date.UTC(y, m - 1, d + amount * (unit === "week" ? 7 : 1)));
    return date.toISOString().slice(0, 10);
  }
  const months = m - 1 + amount * (unit === "year" ? 12 : 1);
  const year = y + Math.floor(months / 12);
  const month = (months % 12) + 1;
  const day = Math.min(d, daysInMonth(year, month));
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** "12 March 2026", as GOV.UK writes dates. */
export function formatDate(isoDate: string): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
