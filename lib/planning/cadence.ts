// Review cadence: when each audience's roadmap review falls due, and whether one is overdue.
// A rule's due dates are counted from its anchor, never chained one from the previous, so a
// monthly rule anchored on the 31st is due on 02-28 (or 02-29) and then on 03-31 again.
// Everything is integer day arithmetic on YYYY-MM-DD strings, as in civil-date.

import { addMonths, fromDayNumber, toCivilDate, toDayNumber } from "./civil-date";
import { floorDiv } from "./integer-math";

export const REVIEW_AUDIENCES = ["executive", "engineering", "product"] as const;
export const REVIEW_FREQUENCIES = ["weekly", "fortnightly", "monthly", "quarterly"] as const;

export type ReviewAudience = (typeof REVIEW_AUDIENCES)[number];
export type ReviewFrequency = (typeof REVIEW_FREQUENCIES)[number];

export interface ReviewRule {
  audience: ReviewAudience;
  frequency: ReviewFrequency;
  /** The first due date, YYYY-MM-DD; no review is due before it. */
  anchorDate: string;
}

export interface ReviewStatus {
  /** The first due date on or after today that the last held review does not already cover. */
  nextDue: string;
  overdue: boolean;
  /** Days since the oldest due date still outstanding; 0 when not overdue. */
  daysOverdue: number;
  /** That oldest outstanding due date, or null when not overdue. */
  overdueSince: string | null;
}

type Step = { unit: "days" | "months"; size: number };

const STEPS: Record<ReviewFrequency, Step> = {
  weekly: { unit: "days", size: 7 },
  fortnightly: { unit: "days", size: 14 },
  monthly: { unit: "months", size: 1 },
  quarterly: { unit: "months", size: 3 },
};

function stepOf(rule: ReviewRule): Step {
  const step = Object.prototype.hasOwnProperty.call(STEPS, rule.frequency)
    ? STEPS[rule.frequency]
    : undefined;
  if (!step) throw new RangeError(`not a review frequency: ${JSON.stringify(rule.frequency)}`);
  return step;
}

/** The day number of the k-th due date (k = 0 is the anchor). */
function occurrence(anchor: string, anchorDay: number, step: Step, k: number): number {
  return step.unit === "days" ? anchorDay + k * step.size : toDayNumber(addMonths(anchor, k * step.size));
}

/** The index of the first due date on or after day number `day` (0 when day is on or before the anchor). */
function firstIndexOnOrAfter(anchor: string, anchorDay: number, step: Step, day: number): number {
  if (day <= anchorDay) return 0;
  if (step.unit === "days") return floorDiv(day - anchorDay + step.size - 1, step.size);
  // Months between the anchor's month and day's month give an index at most one step short.
  const a = toCivilDate(anchor);
  const d = toCivilDate(fromDayNumber(day));
  let k = Math.max(0, floorDiv(d.year * 12 + d.month - (a.year * 12 + a.month), step.size));
  while (occurrence(anchor, anchorDay, step, k) < day) k++;
  return k;
}

/** The index of the last due date on or before day number `day`, or -1 when day is before the anchor. */
function lastIndexOnOrBefore(anchor: string, anchorDay: number, step: Step, day: number): number {
  if (day < anchorDay) return -1;
  const k = firstIndexOnOrAfter(anchor, anchorDay, step, day);
  return occurrence(anchor, anchorDay, step, k) === day ? k : k - 1;
}

/**
 * Due dates of the rule in [from, until], both included, in order. With lastHeldOn, due dates on
 * or before it are left out: a review held late covers the due dates it caught up on.
 */
export function nextReviews(
  rule: ReviewRule,
  options: { from: string; until: string; lastHeldOn?: string | null },
): string[] {
  const step = stepOf(rule);
  const anchorDay = toDayNumber(rule.anchorDate);
  let start = toDayNumber(options.from);
  const end = toDayNumber(options.until);
  if (options.lastHeldOn != null) start = Math.max(start, toDayNumber(options.lastHeldOn) + 1);
  const out: string[] = [];
  for (let k = firstIndexOnOrAfter(rule.anchorDate, anchorDay, step, start); ; k++) {
    const day = occurrence(rule.anchorDate, anchorDay, step, k);
    if (day > end) break;
    out.push(fromDayNumber(day));
  }
  return out;
}

/**
 * Whether the rule's review is overdue on `today`: the last due date before today is after the
 * last held review (or none was held). A review due today is not yet overdue; it is nextDue.
 */
export function reviewStatus(
  rule: ReviewRule,
  options: { today: string; lastHeldOn?: string | null },
): ReviewStatus {
  const step = stepOf(rule);
  const anchor = rule.anchorDate;
  const anchorDay = toDayNumber(anchor);
  const today = toDayNumber(options.today);
  const heldDay = options.lastHeldOn == null ? null : toDayNumber(options.lastHeldOn);

  // The first due date the last held review does not cover.
  const firstOpen = heldDay === null ? 0 : firstIndexOnOrAfter(anchor, anchorDay, step, heldDay + 1);
  const lastPast = lastIndexOnOrBefore(anchor, anchorDay, step, today - 1);
  const overdue = lastPast >= firstOpen;
  const overdueSinceDay = overdue ? occurrence(anchor, anchorDay, step, firstOpen) : null;

  const nextIndex = Math.max(firstOpen, firstIndexOnOrAfter(anchor, anchorDay, step, today));
  return {
    nextDue: fromDayNumber(occurrence(anchor, anchorDay, step, nextIndex)),
    overdue,
    daysOverdue: overdueSinceDay === null ? 0 : today - overdueSinceDay,
    overdueSince: overdueSinceDay === null ? null : fromDayNumber(overdueSinceDay),
  };
}
