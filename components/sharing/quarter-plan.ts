import { horizonEnd, quarterSpans } from "@/lib/planning/calendar";
import type { ItemStatus } from "@/components/timeline/item-status";

/** The fields of a milestone or feature that a read-only plan shows. */
export interface PlanItem {
  id: string;
  title: string;
  kind: "feature" | "milestone";
  isKey: boolean;
  startDate: string;
  endDate: string;
  status: ItemStatus;
  workstreamId: string | null;
}

export interface PlanLane<T extends PlanItem> {
  id: string | null;
  name: string;
  items: T[];
}

export interface PlanQuarter<T extends PlanItem> {
  /** "2027-Q1" */
  quarter: string;
  start: string;
  end: string;
  lanes: PlanLane<T>[];
  milestones: number;
  features: number;
}

/** "2027-Q1" as people say it: "Q1 2027". */
export function quarterName(quarter: string): string {
  const [year, q] = quarter.split("-");
  return `${q} ${year}`;
}

/**
 * The plan as quarters over the roadmap's horizon, each with its lanes (in board order; items
 * without a lane last) and the items that fall in it: a milestone in its date's quarter, a feature in
 * every quarter it overlaps. Cut items are left out. Within a lane: milestones first, then by date.
 */
export function planByQuarter<T extends PlanItem>(
  roadmap: { startDate: string; horizonMonths: number },
  workstreams: ReadonlyArray<{ id: string; name: string }>,
  items: readonly T[],
): PlanQuarter<T>[] {
  const live = items.filter((i) => i.status !== "cut");
  const laneOrder: PlanLane<T>[] = [
    ...workstreams.map((w) => ({ id: w.id, name: w.name, items: [] })),
    { id: null, name: "No lane", items: [] },
  ];
  const known = new Set(workstreams.map((w) => w.id));
  return quarterSpans(roadmap.startDate, horizonEnd(roadmap.startDate, roadmap.horizonMonths)).map((span) => {
    const inQuarter = live.filter((i) => i.startDate <= span.end && i.endDate >= span.start);
    const lanes = laneOrder
      .map((lane) => ({
        ...lane,
        items: inQuarter
          .filter((i) => (i.workstreamId && known.has(i.workstreamId) ? i.workstreamId : null) === lane.id)
          .sort(
            (a, b) =>
              Number(b.kind === "milestone") - Number(a.kind === "milestone") ||
              a.startDate.localeCompare(b.startDate) ||
              a.title.localeCompare(b.title),
          ),
      }))
      .filter((lane) => lane.items.length > 0);
    return {
      quarter: span.label,
      start: span.start,
      end: span.end,
      lanes,
      milestones: inQuarter.filter((i) => i.kind === "milestone").length,
      features: inQuarter.filter((i) => i.kind === "feature").length,
    };
  });
}
