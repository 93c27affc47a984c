// The timeline page's viewport and keyboard navigation over the shared layout
// (lib/planning/timeline-layout.ts, which the server's pictures draw from too): which rows and
// items are in view for a scroll position, and which item an arrow key moves to.

import {
  AXIS_HEIGHT,
  ROW_HEIGHT,
  type LaneBlock,
  type PlacedItem,
  type TimelineLayout,
} from "@/lib/planning/timeline-layout";

/** The rows and pixels in view, with some overscan so that a small scroll shows drawn content. */
export interface VisibleWindow {
  firstRow: number;
  lastRow: number;
  x0: number;
  x1: number;
}

/**
 * What to draw for a scroll position, rounded out to chunks of rows and pixels: scrolling within a
 * chunk gives the same span, so the canvas re-renders only when a chunk boundary is crossed.
 */
export interface ViewSpan {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const ROW_CHUNK = 8;
const PX_CHUNK = 256;
const OVERSCAN_ROWS = 6;
const OVERSCAN_PX = 400;

export function viewSpan(
  view: { scrollLeft: number; scrollTop: number; width: number; height: number },
  laneWidth: number,
): ViewSpan {
  const bodyHeight = Math.max(0, view.height - AXIS_HEIGHT);
  const bodyWidth = Math.max(0, view.width - laneWidth);
  return {
    top: Math.max(0, Math.floor((view.scrollTop / ROW_HEIGHT - OVERSCAN_ROWS) / ROW_CHUNK) * ROW_CHUNK),
    bottom: Math.ceil(((view.scrollTop + bodyHeight) / ROW_HEIGHT + OVERSCAN_ROWS) / ROW_CHUNK) * ROW_CHUNK,
    left: Math.floor((view.scrollLeft - OVERSCAN_PX) / PX_CHUNK) * PX_CHUNK,
    right: Math.ceil((view.scrollLeft + bodyWidth + OVERSCAN_PX) / PX_CHUNK) * PX_CHUNK,
  };
}

export function sameSpan(a: ViewSpan, b: ViewSpan): boolean {
  return a.top === b.top && a.bottom === b.bottom && a.left === b.left && a.right === b.right;
}

export function visibleWindow(layout: TimelineLayout, span: ViewSpan): VisibleWindow {
  return {
    firstRow: span.top,
    lastRow: Math.min(layout.rows.length - 1, span.bottom),
    x0: span.left,
    x1: span.right,
  };
}

/** Items of the rows in view whose footprint meets the visible time window. */
export function visibleItems(layout: TimelineLayout, win: VisibleWindow): PlacedItem[] {
  const out: PlacedItem[] = [];
  for (let r = win.firstRow; r <= win.lastRow; r++) {
    const row = layout.rows[r];
    if (!row) continue;
    for (const p of row.items) {
      if (p.x > win.x1) break;
      if (p.extentEnd >= win.x0) out.push(p);
    }
  }
  return out;
}

/** The lane whose rows contain `row`. */
export function laneAtRow(layout: TimelineLayout, row: number): LaneBlock | undefined {
  const entry = layout.rows[row];
  return entry ? layout.lanes[entry.laneIndex] : undefined;
}

export type Direction = "left" | "right" | "up" | "down" | "home" | "end";

/**
 * Keyboard neighbours: left/right walk the items of a row in time order, up/down jump to the
 * nearest item (by centre) in the next row that has items, home/end to the row's ends.
 */
export function neighbour(layout: TimelineLayout, fromId: string, direction: Direction): string | null {
  const from = layout.placed.get(fromId);
  if (!from) return null;
  const row = layout.rows[from.row].items;
  const index = row.indexOf(from);
  switch (direction) {
    case "left":
      return row[index - 1]?.item.id ?? null;
    case "right":
      return row[index + 1]?.item.id ?? null;
    case "home":
      return row[0]?.item.id ?? null;
    case "end":
      return row.at(-1)?.item.id ?? null;
    default: {
      const step = direction === "down" ? 1 : -1;
      const centre = from.x + from.width / 2;
      for (let r = from.row + step; r >= 0 && r < layout.rows.length; r += step) {
        const items = layout.rows[r].items;
        if (items.length === 0) continue;
        let best = items[0];
        for (const p of items) {
          if (Math.abs(p.x + p.width / 2 - centre) < Math.abs(best.x + best.width / 2 - centre)) best = p;
        }
        return best.item.id;
      }
      return null;
    }
  }
}

/** The first item in reading order (top row first, then left to right). */
export function firstItemId(layout: TimelineLayout): string | null {
  for (const row of layout.rows) if (row.items.length > 0) return row.items[0].item.id;
  return null;
}
