// Builders for the learning tests (#18): done features with known ratios, and forecast items.

import type { DoneFeature } from "@/lib/planning/actual-ratios";
import { addWorkingDays } from "@/lib/planning/calendar";
import type { HistoryForecastItem } from "@/lib/planning/history-sampler";

export const START = "2027-01-04"; // a Monday

let next = 0;

/**
 * A done feature planned over `plannedDays` working days from START, estimated o = m = p (so its
 * estimate stands for exactly its planned days), that took `ratio` x plannedDays working days.
 * plannedDays x ratio must be a whole number.
 */
export function doneFeature(
  ratio: number,
  extra: Partial<DoneFeature> & { plannedDays?: number } = {},
): DoneFeature {
  const { plannedDays = 10, ...rest } = extra;
  const actualDays = Math.round(plannedDays * ratio);
  if (Math.abs(actualDays - plannedDays * ratio) > 1e-9)
    throw new Error(`${plannedDays} x ${ratio} is not whole`);
  const id = `done-${++next}`;
  const hours = plannedDays * 8;
  return {
    id,
    roadmapId: "old-roadmap",
    title: `Done ${next}`,
    startDate: START,
    endDate: addWorkingDays(START, plannedDays - 1),
    estimate: { optimisticHours: hours, likelyHours: hours, pessimisticHours: hours },
    ownerId: null,
    skills: [],
    actualStart: START,
    actualFinish: addWorkingDays(START, actualDays - 1),
    loggedHours: null,
    ...rest,
  };
}

/** A planned feature over `days` working days from offset `from`, 8 h a day, o = m = p unless said. */
export function openFeature(
  id: string,
  days: number,
  extra: Partial<HistoryForecastItem> & { from?: number } = {},
): HistoryForecastItem {
  const { from = 0, ...rest } = extra;
  const startDate = addWorkingDays(START, from);
  const hours = days * 8;
  return {
    id,
    kind: "feature",
    title: id,
    isKey: false,
    startDate,
    endDate: addWorkingDays(startDate, days - 1),
    status: "planned",
    estimate: { optimisticHours: hours, likelyHours: hours, pessimisticHours: hours },
    ownerId: null,
    skills: [],
    remainingHours: null,
    ...rest,
  };
}
