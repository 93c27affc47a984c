// Where the timeline draws a comparison with a snapshot: a ghost of every moved item's old position
// in the item's own row, a ghost of every removed item in its lane, and which items are new. Pure,
// from the diff's item lists and the timeline's layout (layout.ts), so it is unit-tested.

import {
  barBox,
  labelWidth,
  milestoneBox,
  type TimeScale,
  type TimelineLayout,
} from "@/lib/planning/timeline-layout";
import type { DiffItemRef, RoadmapDiff } from "@/lib/validation/communication";

export interface Ghost {
  id: string;
  title: string;
  kind: DiffItemRef["kind"];
  /** "moved": the old position of an item still here; "removed": an item gone (title struck). */
  reason: "moved" | "removed";
  row: number;
  x: number;
  width: number;
}

export interface Comparison {
  ghosts: Ghost[];
  /** Items added since the snapshot: marked "New" on the timeline and in their accessible names. */
  added: ReadonlySet<string>;
  /** The snapshot's label, for "New since “…”". */
  label: string;
}

function box(kind: DiffItemRef["kind"], start: string, end: string, scale: TimeScale) {
  return kind === "milestone" ? milestoneBox(scale, start) : barBox(scale, start, end);
}

/**
 * The row for a removed item: in the lane of the same name (or the items without a lane), the
 * first of the lane's rows where nothing sits over the ghost and its title, else the lane's first.
 */
function rowForRemoved(
  layout: TimelineLayout,
  lane: string | null,
  x: number,
  extentEnd: number,
): number | null {
  const block =
    layout.lanes.find((l) => (lane === null ? l.id === null : l.id !== null && l.name === lane)) ??
    layout.lanes.find((l) => l.id === null) ??
    layout.lanes.at(-1);
  if (!block) return null;
  for (let row = block.firstRow; row < block.firstRow + block.rowCount; row++) {
    const free = layout.rows[row].items.every((p) => p.extentEnd < x || p.x > extentEnd);
    if (free) return row;
  }
  return block.firstRow;
}

/** The ghosts and new items of a diff against now, placed on the current layout. */
export function comparisonOf(
  items: Pick<RoadmapDiff["items"], "moved" | "removed" | "added">,
  layout: TimelineLayout,
  scale: TimeScale,
  label: string,
): Comparison {
  const ghosts: Ghost[] = [];
  for (const m of items.moved) {
    const placed = layout.placed.get(m.id);
    if (!placed) continue;
    ghosts.push({
      id: m.id,
      title: m.title,
      kind: m.kind,
      reason: "moved",
      row: placed.row,
      ...box(m.kind, m.fromStart, m.fromEnd, scale),
    });
  }
  for (const r of items.removed) {
    // A cut item is still drawn (struck through) at its place: no ghost needed.
    if (layout.placed.has(r.id)) continue;
    const { x, width } = box(r.kind, r.startDate, r.endDate, scale);
    const row = rowForRemoved(layout, r.workstream, x, x + width + labelWidth(r.title) + 12);
    if (row !== null)
      ghosts.push({ id: r.id, title: r.title, kind: r.kind, reason: "removed", row, x, width });
  }
  return { ghosts, added: new Set(items.added.map((a) => a.id)), label };
}

/** The item's accessible name, plus "New since …" when it was added after the snapshot. */
export function withNewMark(
  label: string,
  itemId: string,
  comparison: Comparison | null | undefined,
): string {
  return comparison?.added.has(itemId) ? `${label} New since “${comparison.label}”.` : label;
}
