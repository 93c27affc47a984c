// The maths of dragging an item on the timeline: which days a drag of so many days gives it, kept
// inside the horizon, and where the dragged bar is drawn meanwhile. Pure: the timeline's pointer
// handling (components/timeline/use-item-drag.ts) and its page call it.

import { fromDayNumber, toDayNumber } from "./calendar";
import type { TimeScale } from "./timeline-layout";

/** What a pointer drag does: move an item, move one end of a bar, or draw a link from it. */
export type DragMode = "move" | "start" | "end" | "link";
export type BarDrag = Exclude<DragMode, "link">;

interface DatedItem {
  kind: "feature" | "milestone";
  startDate: string;
  endDate: string;
}

/** Limits a day delta so that the item stays inside the horizon and keeps at least one day. */
export function clampDragDelta(
  scale: Pick<TimeScale, "startDay" | "endDay">,
  item: DatedItem,
  mode: DragMode,
  delta: number,
): number {
  const start = toDayNumber(item.startDate);
  const end = toDayNumber(item.endDate);
  const [lo, hi] =
    mode === "start"
      ? [scale.startDay - start, end - start]
      : mode === "end"
        ? [start - end, scale.endDay - end]
        : [scale.startDay - start, scale.endDay - end];
  return Math.min(Math.max(delta, lo), hi);
}

/** The dates a drag of `delta` days gives the item; a milestone stays a single day. */
export function draggedDates(
  item: DatedItem,
  mode: DragMode,
  delta: number,
): { startDate: string; endDate: string } {
  const start = toDayNumber(item.startDate);
  const end = toDayNumber(item.endDate);
  const s = mode === "end" ? start : start + delta;
  const e = mode === "start" ? end : end + delta;
  return { startDate: fromDayNumber(s), endDate: fromDayNumber(item.kind === "milestone" ? s : e) };
}

/** The change a finished drag sends: only the end that moved, or both for a move. */
export function dragPatch(
  mode: BarDrag,
  dates: { startDate: string; endDate: string },
): { startDate?: string; endDate?: string } {
  if (mode === "start") return { startDate: dates.startDate };
  if (mode === "end") return { endDate: dates.endDate };
  return dates;
}

/**
 * Where the dragged bar is drawn while a drag of `px` pixels is under way: its shift to the right,
 * its width, and the left edge of the badge that shows the new dates (never left of the body).
 */
export function dragGeometry(
  bar: { x: number; width: number },
  mode: BarDrag,
  px: number,
): { shift: number; width: number; badgeX: number } {
  if (mode === "end") return { shift: 0, width: bar.width + px, badgeX: Math.max(0, bar.x + bar.width + px) };
  if (mode === "start") return { shift: px, width: bar.width - px, badgeX: Math.max(0, bar.x + px) };
  return { shift: px, width: bar.width, badgeX: Math.max(0, bar.x + px) };
}
