// The rules on actual dates (api.md: "Actual finish before actual start, or either in the future:
// 422 invalid_actuals"), as {path, message} problems for the error's details. Dates are plan dates
// (YYYY-MM-DD), so they compare as text. `today` is the caller's: the service's clock in UTC. And
// the dates a status change fills in.

export interface ActualsProblem {
  path: "actualStart" | "actualFinish" | "on";
  message: string;
}

/** The problems of an item's actual dates as they would be stored (after a PATCH is merged). */
export function actualsProblems(
  actuals: { actualStart: string | null; actualFinish: string | null },
  today: string,
): ActualsProblem[] {
  const problems: ActualsProblem[] = [];
  const { actualStart, actualFinish } = actuals;
  if (actualStart !== null && actualStart > today) {
    problems.push({ path: "actualStart", message: "The actual start cannot be in the future." });
  }
  if (actualFinish !== null && actualFinish > today) {
    problems.push({ path: "actualFinish", message: "The actual finish cannot be in the future." });
  }
  if (actualStart !== null && actualFinish !== null && actualFinish < actualStart) {
    problems.push({ path: "actualFinish", message: "The actual finish cannot be before the actual start." });
  }
  return problems;
}

/** The problem of a time entry's day: hours cannot be logged ahead. */
export function timeEntryDayProblems(on: string, today: string): ActualsProblem[] {
  return on > today ? [{ path: "on", message: "Hours cannot be logged for a day in the future." }] : [];
}

type Status = "planned" | "in_progress" | "done" | "at_risk" | "cut";

export interface StoredActuals {
  kind: "feature" | "milestone";
  status: Status;
  actualStart: string | null;
  actualFinish: string | null;
}

/**
 * The actual dates an item gets when its status changes (issue #18: "filled when the status moves
 * to in progress / done, editable"); a value the same PATCH gives always wins.
 * - To in progress: a feature's actual start becomes today when it has none; a finish is cleared
 *   (reopened work is not finished).
 * - To done: the actual finish becomes today when it has none (a milestone's too: the day it was
 *   reached, which calibration reads). The start is left as it is: work that skipped "in progress"
 *   has no known start until someone enters it, and accuracy leaves it out rather than count a
 *   one-day feature.
 * - Back from done to planned or at risk: the finish is cleared.
 * Answers only the fields to change.
 */
export function actualsAfterStatusChange(
  before: StoredActuals,
  patch: { status?: Status; actualStart?: string | null; actualFinish?: string | null },
  today: string,
): { actualStart?: string | null; actualFinish?: string | null } {
  const to = patch.status;
  if (to === undefined || to === before.status) return {};
  const out: { actualStart?: string | null; actualFinish?: string | null } = {};
  if (to === "in_progress" && before.kind === "feature" && before.actualStart === null)
    out.actualStart = today;
  if (to === "done" && before.actualFinish === null) out.actualFinish = today;
  if (before.status === "done" && to !== "done" && to !== "cut" && before.actualFinish !== null) {
    out.actualFinish = null;
  }
  if ("actualStart" in patch) delete out.actualStart;
  if ("actualFinish" in patch) delete out.actualFinish;
  return out;
}
