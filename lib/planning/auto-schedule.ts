// Auto-scheduling: move features to the earliest start their dependencies allow, keeping each
// feature's length in working days and every link's lag. One pass in dependency order over the
// CPM network, so a chain of selected features closes up in one run and a second run moves nothing.

import { fromWorkIndex, horizonEnd, toWorkIndex } from "./calendar";
import { buildCpmNetwork, type CpmLink } from "./cpm";
import { plannedDurationDays, type ItemKind } from "./schedule";

export interface AutoScheduleItem {
  id: string;
  kind: ItemKind;
  startDate: string;
  endDate: string;
  status: "planned" | "in_progress" | "done" | "at_risk" | "cut";
}

export interface AutoScheduleInput {
  projectStart: string;
  horizonMonths: number;
  items: readonly AutoScheduleItem[];
  dependencies: readonly CpmLink[];
  /** The features to pull to their earliest start; null: every feature. */
  selected: ReadonlySet<string> | null;
  /** Also push later any feature that the moves (or the plan as it is) would leave starting too early. */
  followSuccessors: boolean;
}

export interface AutoScheduleMove {
  id: string;
  fromStart: string;
  toStart: string;
  fromEnd: string;
  toEnd: string;
}

export interface AutoScheduleResult {
  moved: AutoScheduleMove[];
  /** Features that should move but may not: started or done, or they would leave the horizon. */
  skipped: { id: string; reason: string }[];
}

/** Work already started or finished keeps its dates; milestones are commitments and never move. */
function isMovable(item: AutoScheduleItem): boolean {
  return item.kind === "feature" && (item.status === "planned" || item.status === "at_risk");
}

/**
 * Throws CycleError when the links form a loop. Cut items and their links are left out, as in the
 * schedule. Offsets are working-day indexes; a feature occupies [start, start + duration); a
 * milestone on date d ends at index(d) + 1 (its successors start the next working day), or later
 * when its predecessors finish later, as the CPM has it.
 */
export function autoSchedule(input: AutoScheduleInput): AutoScheduleResult {
  const items = input.items.filter((i) => i.status !== "cut");
  const ids = items.map((i) => i.id);
  const present = new Set(ids);
  const links = input.dependencies.filter((d) => present.has(d.fromId) && present.has(d.toId));
  const network = buildCpmNetwork(ids, links);
  const { order, succStart, succTo, succLag } = network;

  const origin = toWorkIndex(input.projectStart);
  const lastDay = toWorkIndex(horizonEnd(input.projectStart, input.horizonMonths));
  const n = items.length;
  const start = new Int32Array(n);
  const end = new Int32Array(n);
  const duration = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    duration[i] = plannedDurationDays(items[i]);
    start[i] = toWorkIndex(items[i].startDate);
    end[i] = items[i].kind === "milestone" ? start[i] + 1 : start[i] + duration[i];
  }
  // The earliest start each item's predecessors allow, filled in as the pass reaches them.
  const earliest = new Int32Array(n).fill(origin);

  const moved: AutoScheduleMove[] = [];
  const skipped: AutoScheduleResult["skipped"] = [];
  for (let k = 0; k < n; k++) {
    const v = order[k];
    const item = items[v];
    const selected = input.selected === null ? item.kind === "feature" : input.selected.has(item.id);
    const tooEarly = start[v] < earliest[v];
    const wanted = selected ? earliest[v] !== start[v] : input.followSuccessors && tooEarly;
    if (wanted) {
      const target = earliest[v];
      if (!isMovable(item)) {
        if (selected || tooEarly)
          skipped.push({
            id: item.id,
            reason:
              item.kind === "milestone"
                ? "Milestones keep their dates; move the work before them instead."
                : `It is ${item.status === "done" ? "done" : "in progress"}, so its dates stay as they are.`,
          });
      } else if (target + duration[v] - 1 > lastDay) {
        skipped.push({ id: item.id, reason: "Its earliest start would take it past the roadmap's horizon." });
      } else {
        moved.push({
          id: item.id,
          fromStart: item.startDate,
          fromEnd: item.endDate,
          toStart: fromWorkIndex(target),
          toEnd: fromWorkIndex(target + duration[v] - 1),
        });
        start[v] = target;
        end[v] = target + duration[v];
      }
    }
    // A milestone is reached once its predecessors finish, and not before its own date.
    if (item.kind === "milestone" && earliest[v] > end[v]) end[v] = earliest[v];
    for (let s = succStart[v]; s < succStart[v + 1]; s++) {
      const next = end[v] + succLag[s];
      if (next > earliest[succTo[s]]) earliest[succTo[s]] = next;
    }
  }
  return { moved, skipped };
}
