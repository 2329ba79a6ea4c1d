// A page's review: when it was last reviewed, when it is due, and who owns it. Bad values are
// reported at the field, like every other frontmatter mistake.
import type { Problem } from "../problems/problem.js";
import { addPeriod, parsePeriod, toIsoDate } from "../dates/dates.js";

export interface PageReview {
  lastReviewed: string;
  reviewBy: string;
  owner?: string;
}

export interface ReviewFields {
  last_reviewed_on?: unknown;
  review_in?: unknown;
  owner_slack?: unknown;
}

export function pageReview(
  fields: ReviewFields,
  defaultOwner: string | undefined,
  at: { file: string; lineOf(field: string): number | undefined },
): { review?: PageReview; problems: Omit<Problem, "severity">[] } {
  const problems: Omit<Problem, "severity">[] = [];
  const problem = (field: string, message: string, hint: string) =>
    problems.push({ file: at.file, line: at.lineOf(field), kind: "frontmatter", message, hint });
  const { last_reviewed_on: reviewed, review_in: reviewIn, owner_slack: owner } = fields;
  if (reviewed === undefined && reviewIn === undefined) return { problems };

  const lastReviewed = toIsoDate(reviewed);
  if (reviewed === undefined)
    problem(
      "review_in",
      '"review_in" needs "last_reviewed_on"',
      "add last_reviewed_on: YYYY-MM-DD, the date the page was last reviewed",
    );
  else if (!lastReviewed)
    problem(
      "last_reviewed_on",
      `"last_reviewed_on": "${String(reviewed)}" is not a real date`,
      "write it as YYYY-MM-DD, for example 2026-03-12",
    );
  const period = typeof reviewIn === "string" ? parsePeriod(reviewIn) : undefined;
  if (reviewIn === undefined)
    problem(
      "last_reviewed_on",
      '"last_reviewed_on" needs "review_in"',
      'add review_in: how long until the next review, for example "6 months"',
    );
  else if (!period)
    problem(
      "review_in",
      `"review_in": "${String(reviewIn)}" is not a period`,
      'write a number and a unit: "2 weeks", "6 months", "1 year"',
    );
  if (owner !== undefined && (typeof owner !== "string" || !/^[#@]\S+$/.test(owner))) {
    problem(
      "owner_slack",
      `"owner_slack": "${String(owner)}" is not a Slack channel or user`,
      "write it as #channel or @person",
    );
  }
  if (!lastReviewed || !period || problems.length) return { problems };
  return {
    review: {
      lastReviewed,
      reviewBy: addPeriod(lastReviewed, period),
      owner: typeof owner === "string" ? owner : defaultOwner,
    },
    problems,
  };
}
