// Progress per workstream for the product dashboard.
//
// The rule: every item counts towards its lane's status counts (cut ones as "cut"). Progress is the
// share of the lane's work that is done, over the items that are not cut: a feature with an
// estimate weighs its PERT mean hours (o + 4m + p) / 6, as in the capacity figures; an item without
// one (a milestone, an unestimated feature) weighs one hour, so it counts without outweighing
// estimated work. A lane with nothing to weigh has progress 0. Items in no lane (or a lane not
// given) are shown as "No lane" after the lanes, only when there are such items.

import { countStatus, emptyCounts, type ItemStatus, type StatusCounts } from "./dashboard-milestones";

export interface ProgressItem {
  workstreamId: string | null;
  status: ItemStatus;
  estimate: { optimisticHours: number; likelyHours: number; pessimisticHours: number } | null;
}

export interface WorkstreamProgress extends StatusCounts {
  /** null: "No lane". */
  id: string | null;
  name: string;
  /** 0-1. */
  progress: number;
}

export const NO_LANE = "No lane";

function weightOf(item: ProgressItem): number {
  if (!item.estimate) return 1;
  const { optimisticHours: o, likelyHours: m, pessimisticHours: p } = item.estimate;
  return (o + 4 * m + p) / 6;
}

export function workstreamProgress(
  lanes: readonly { id: string; name: string }[],
  items: readonly ProgressItem[],
): WorkstreamProgress[] {
  const rows = lanes.map((lane) => ({
    id: lane.id as string | null,
    name: lane.name,
    counts: emptyCounts(),
    total: 0,
    done: 0,
  }));
  const laneRow = new Map(rows.map((row) => [row.id, row]));
  const noLane = { id: null, name: NO_LANE, counts: emptyCounts(), total: 0, done: 0 };
  let anyWithoutLane = false;
  for (const item of items) {
    let row = item.workstreamId === null ? undefined : laneRow.get(item.workstreamId);
    if (!row) {
      row = noLane;
      anyWithoutLane = true;
    }
    countStatus(row.counts, item.status);
    if (item.status === "cut") continue;
    const weight = weightOf(item);
    row.total += weight;
    if (item.status === "done") row.done += weight;
  }
  if (anyWithoutLane) rows.push(noLane);
  return rows.map((row) => ({
    id: row.id,
    name: row.name,
    ...row.counts,
    progress: row.total > 0 ? Math.round((row.done / row.total) * 1000) / 1000 : 0,
  }));
}
