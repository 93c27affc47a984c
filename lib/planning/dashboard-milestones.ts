// Milestone roll-ups of the audience dashboards: counts per quarter and status, the key milestones
// in date order, and the next ones due. Pure; a milestone's date is its startDate (== endDate).

import { quarterOf } from "./calendar";

export type ItemStatus = "planned" | "in_progress" | "done" | "at_risk" | "cut";

export interface DashboardItem {
  id: string;
  title: string;
  kind: "feature" | "milestone";
  startDate: string;
  status: ItemStatus;
  isKey: boolean;
}

export interface StatusCounts {
  planned: number;
  inProgress: number;
  atRisk: number;
  done: number;
  cut: number;
}

const COUNT_OF: Record<ItemStatus, keyof StatusCounts> = {
  planned: "planned",
  in_progress: "inProgress",
  at_risk: "atRisk",
  done: "done",
  cut: "cut",
};

export const emptyCounts = (): StatusCounts => ({ planned: 0, inProgress: 0, atRisk: 0, done: 0, cut: 0 });

export function countStatus(counts: StatusCounts, status: ItemStatus): void {
  counts[COUNT_OF[status]]++;
}

const byDateThenTitle = (a: DashboardItem, b: DashboardItem) =>
  a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : a.title.localeCompare(b.title);

/**
 * Milestones (cut ones too, as their own count) per quarter of `quarters`, in that order; every
 * quarter appears, and milestones dated outside them are left out.
 */
export function milestonesByQuarter(
  items: readonly DashboardItem[],
  quarters: readonly string[],
): (StatusCounts & { quarter: string })[] {
  const rows = new Map(quarters.map((quarter) => [quarter, { quarter, ...emptyCounts() }]));
  for (const item of items) {
    if (item.kind !== "milestone") continue;
    const row = rows.get(quarterOf(item.startDate));
    if (row) countStatus(row, item.status);
  }
  return [...rows.values()];
}

/** Key milestones that are not cut, earliest first. */
export function keyMilestones<T extends DashboardItem>(items: readonly T[]): T[] {
  return items.filter((i) => i.kind === "milestone" && i.isKey && i.status !== "cut").sort(byDateThenTitle);
}

/** Milestones still to reach (not done or cut) dated today or later, the soonest `limit`. */
export function upcomingMilestones<T extends DashboardItem>(
  items: readonly T[],
  today: string,
  limit = 6,
): T[] {
  return items
    .filter(
      (i) => i.kind === "milestone" && i.status !== "done" && i.status !== "cut" && i.startDate >= today,
    )
    .sort(byDateThenTitle)
    .slice(0, limit);
}
