// The timeline's data format. One stored date per milestone: the visible label and the
// machine-readable <time datetime> are both derived from it, so they cannot disagree.
import { z } from "zod";
import { daysInMonth } from "../dates/calendar.js";

const DATE = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** A year-month (2024-03) or a full date (2024-03-12) that exists on the calendar. */
export const milestoneDate = z.string().refine(isRealDate, {
  error: (issue) =>
    `"${String(issue.input)}" is not a real date; write YYYY-MM (2024-03) or YYYY-MM-DD (2024-03-12)`,
});

export const milestoneSchema = z
  .strictObject({
    date: milestoneDate,
    /** Last month or day of a milestone that spans a period. */
    end: milestoneDate.optional(),
    title: z.string().trim().min(1, "must not be empty"),
    /** Markdown. */
    description: z.string().optional(),
    /** A plan rather than something that has happened. */
    status: z.literal("planned", { error: 'the only status is "planned"' }).optional(),
  })
  .refine((m) => !m.end || compareDates(m.end, m.date) > 0, {
    error: "the end date must be after the start date",
    path: ["end"],
  });

export const timelineSchema = z.array(milestoneSchema);
export type Milestone = z.output<typeof milestoneSchema>;

export function isRealDate(value: string): boolean {
  const m = DATE.exec(value);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] ? Number(m[3]) : 1];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= daysInMonth(year, month);
}

/** Compares two stored dates; a year-month stands for its whole month. */
export function compareDates(a: string, b: string): number {
  return a.localeCompare(b);
}
