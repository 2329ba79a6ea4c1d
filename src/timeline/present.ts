// Turns milestones into what readers see: newest first, labels and datetimes derived from the
// stored date, planned milestones marked, and a warning for plans whose date has passed.
import { slug } from "github-slugger";
import type { Problem } from "../problems/problem.js";
import { daysInMonth, MONTHS } from "../dates/calendar.js";
import type { LocatedMilestone } from "./load.js";

export interface PresentedMilestone extends LocatedMilestone {
  id: string;
  /** Value for <time datetime>: the start, as YYYY-MM or YYYY-MM-DD. */
  datetime: string;
  /** moment format that prints the visible label from `datetime` (MoJ's `date` filter). */
  labelFormat: string;
  label: string;
  planned: boolean;
  /** A plan whose date has passed with no update: shown as such, never as news. */
  overdue: boolean;
}

export function presentTimeline(
  milestones: LocatedMilestone[],
  today: string,
): PresentedMilestone[] {
  const ids = new Map<string, number>();
  return [...milestones]
    .sort((a, b) => b.date.localeCompare(a.date)) // stable: same-date entries keep file order
    .map((m) => {
      // Starts with a letter, so it is also a plain CSS selector.
      const base = `milestone-${slug(`${m.date} ${m.title}`)}`.slice(0, 80).replace(/-+$/, "");
      const n = ids.get(base) ?? 0;
      ids.set(base, n + 1);
      const labelFormat = formatFor(m.date, m.end);
      return {
        ...m,
        id: n ? `${base}-${n}` : base,
        datetime: m.date,
        labelFormat,
        label: formatLabel(m.date, m.end),
        planned: m.status === "planned",
        overdue: isOverdue(m, today),
      };
    });
}

/** moment format for a date, with a span's end written as literal text: "March to April 2024". */
export function formatFor(date: string, end?: string): string {
  const hasDay = date.length === 10;
  const own = hasDay ? "D MMMM YYYY" : "MMMM YYYY";
  if (!end) return own;
  const sameYear = end.slice(0, 4) === date.slice(0, 4);
  const endText = formatLabel(end);
  if (sameYear && !hasDay && end.length === 7) return `MMMM [to ${endText}]`;
  return `${own} [to ${endText}]`;
}

/** The same label in plain TypeScript, for the feed and for messages. */
export function formatLabel(date: string, end?: string): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number?];
  const own = `${d ? `${d} ` : ""}${MONTHS[m - 1]} ${y}`;
  if (!end) return own;
  const sameYearMonths =
    end.length === 7 && date.length === 7 && end.slice(0, 4) === date.slice(0, 4);
  return sameYearMonths
    ? `${MONTHS[m - 1]} to ${formatLabel(end)}`
    : `${own} to ${formatLabel(end)}`;
}

/** Last day a milestone covers, as YYYY-MM-DD. */
export function lastDay(m: { date: string; end?: string }): string {
  const last = m.end ?? m.date;
  if (last.length === 10) return last;
  const [y, mo] = last.split("-").map(Number) as [number, number];
  return `${last}-${String(daysInMonth(y, mo)).padStart(2, "0")}`;
}

function isOverdue(m: LocatedMilestone, today: string): boolean {
  return m.status === "planned" && lastDay(m) < today;
}

/** What readers see of a plan whose date has passed. */
export function overdueText(m: { date: string; end?: string }): string {
  return `Planned for ${formatLabel(m.date, m.end)}, no update since.`;
}

const OVERDUE_HINT =
  "if it happened, remove `status: planned` and reword it; if not, update its date";

/** Plans whose date has passed, one problem each (for `npm run review`). */
export function overduePlans(milestones: LocatedMilestone[], today: string): Problem[] {
  return milestones
    .filter((m) => isOverdue(m, today))
    .map((m) => ({
      file: m.source.file,
      line: m.source.line,
      kind: "timeline-plan-passed",
      severity: "warning" as const,
      message: `planned milestone "${m.title}" (${formatLabel(m.date, m.end)}) is now in the past`,
      hint: OVERDUE_HINT,
    }));
}

/** The build's one line about them: owners act on the list `npm run review` prints. */
export function overduePlansSummary(
  milestones: LocatedMilestone[],
  today: string,
): Problem | undefined {
  const overdue = overduePlans(milestones, today);
  if (overdue.length <= 1) return overdue[0];
  return {
    file: overdue[0]!.file,
    line: overdue[0]!.line,
    kind: "timeline-plan-passed",
    severity: "warning",
    message: `${overdue.length} planned milestones have passed their date with no update; \`npm run review\` lists them`,
    hint: OVERDUE_HINT,
  };
}
