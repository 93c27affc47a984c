// The rules on actual dates (api.md: "Actual finish before actual start, or either in the future:
// 422 invalid_actuals"), as {path, message} problems for the error's details. Dates are plan dates
// (YYYY-MM-DD), so they compare as text. `today` is the caller's: the service's clock in UTC.

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
