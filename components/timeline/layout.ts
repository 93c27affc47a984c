// The timeline's geometry: a time scale (days to pixels) and the rows items are packed into. Pure
// functions of the board, memoised by the caller per board version and zoom, so scrolling and
// dragging never recompute them.

import { addDays, fromDayNumber, horizonEnd, toDayNumber } from "@/lib/planning/calendar";
import type { Item, Workstream } from "@/lib/validation/timeline";

export const ROW_HEIGHT = 40;
export const BAR_HEIGHT = 28;
export const MILESTONE_BOX = 28;
export const AXIS_ROW_HEIGHT = 26;
export const AXIS_HEIGHT = AXIS_ROW_HEIGHT * 2;
/** Free pixels kept between two items packed into one row. */
const PACK_GAP = 6;
/** Room at the right of the last day, so that labels of late items stay readable. */
const TAIL_PX = 160;

export const ZOOMS = {
  quarter: { pxPerDay: 3, label: "Quarters" },
  month: { pxPerDay: 12, label: "Months" },
} as const;
export type Zoom = keyof typeof ZOOMS;

export interface TimeScale {
  start: string;
  end: string;
  startDay: number;
  endDay: number;
  pxPerDay: number;
  /** Width of the drawn range in pixels (the horizon plus a tail for labels). */
  width: number;
}

export function makeScale(startDate: string, horizonMonths: number, pxPerDay: number): TimeScale {
  const end = horizonEnd(startDate, horizonMonths);
  const startDay = toDayNumber(startDate);
  const endDay = toDayNumber(end);
  return {
    start: startDate,
    end,
    startDay,
    endDay,
    pxPerDay,
    width: (endDay - startDay + 1) * pxPerDay + TAIL_PX,
  };
}

/** The left edge of a day. */
export function xOfDay(scale: TimeScale, day: number): number {
  return (day - scale.startDay) * scale.pxPerDay;
}

export function xOfDate(scale: TimeScale, iso: string): number {
  return xOfDay(scale, toDayNumber(iso));
}

/** The day under a pixel, clamped to the horizon. */
export function dayAtX(scale: TimeScale, x: number): number {
  const day = scale.startDay + Math.floor(x / scale.pxPerDay);
  return Math.min(scale.endDay, Math.max(scale.startDay, day));
}

export function dateAtX(scale: TimeScale, x: number): string {
  return fromDayNumber(dayAtX(scale, x));
}

/** Shifts a date by whole days, for drags and keyboard moves. */
export function shiftDate(iso: string, days: number): string {
  return days === 0 ? iso : addDays(iso, days);
}

// --- rows ---------------------------------------------------------------------------------------

export interface PlacedItem {
  item: Item;
  /** Row index over the whole timeline (lanes stacked). */
  row: number;
  laneIndex: number;
  /** The bar (or the milestone's box), in body pixels. */
  x: number;
  width: number;
  /** Where the item's footprint (with its label) ends: what packing keeps apart. */
  extentEnd: number;
  /** A bar too short for its title shows the title after it. */
  labelOutside: boolean;
}

export interface LaneBlock {
  /** null: the items that have no lane. */
  id: string | null;
  name: string;
  lane: Workstream | null;
  firstRow: number;
  rowCount: number;
  itemCount: number;
}

export interface TimelineLayout {
  lanes: LaneBlock[];
  /** For every row: its lane and its items ordered by x. */
  rows: Array<{ laneIndex: number; items: PlacedItem[] }>;
  placed: Map<string, PlacedItem>;
  height: number;
}

/** A cheap width estimate for a title at 13px, capped; good enough to keep labels from overlapping. */
export function labelWidth(title: string): number {
  return Math.min(220, Math.round(title.length * 6.9) + 10);
}

function footprint(item: Item, scale: TimeScale): Omit<PlacedItem, "row" | "laneIndex"> {
  const startDay = toDayNumber(item.startDate);
  if (item.kind === "milestone") {
    const centre = xOfDay(scale, startDay) + scale.pxPerDay / 2;
    const x = centre - MILESTONE_BOX / 2;
    return {
      item,
      x,
      width: MILESTONE_BOX,
      extentEnd: x + MILESTONE_BOX + 4 + labelWidth(item.title) + 18,
      labelOutside: true,
    };
  }
  const endDay = Math.max(startDay, toDayNumber(item.endDate));
  const x = xOfDay(scale, startDay);
  const width = Math.max(6, (endDay - startDay + 1) * scale.pxPerDay);
  const text = labelWidth(item.title) + 30;
  // A bar holds its title when it fits, or when it is long enough (160px) for a truncated title to
  // read well; shorter bars show the title after them.
  const labelOutside = width < Math.min(text, 160);
  // The link connector sits just past the end of every bar, the outside title after it.
  return { item, x, width, extentEnd: labelOutside ? x + width + 20 + text : x + width + 18, labelOutside };
}

/**
 * Lanes in position order (then the items without a lane), each packed greedily: items sorted by
 * their left edge go into the first sub-row whose last footprint ends before them, so overlapping
 * items stack instead of hiding each other.
 */
export function layoutTimeline(
  workstreams: readonly Workstream[],
  items: readonly Item[],
  scale: TimeScale,
): TimelineLayout {
  const ordered = [...workstreams].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const laneIndex = new Map(ordered.map((w, i) => [w.id, i]));
  const buckets: Item[][] = ordered.map(() => []);
  const loose: Item[] = [];
  for (const item of items) {
    const index = item.workstreamId ? laneIndex.get(item.workstreamId) : undefined;
    if (index === undefined) loose.push(item);
    else buckets[index].push(item);
  }
  const blocks: Array<{ lane: Workstream | null; items: Item[] }> = ordered.map((lane, i) => ({
    lane,
    items: buckets[i],
  }));
  if (loose.length > 0) blocks.push({ lane: null, items: loose });

  const lanes: LaneBlock[] = [];
  const rows: TimelineLayout["rows"] = [];
  const placed = new Map<string, PlacedItem>();
  for (const [index, block] of blocks.entries()) {
    const firstRow = rows.length;
    const prints = block.items
      .map((item) => footprint(item, scale))
      .sort((a, b) => a.x - b.x || a.item.title.localeCompare(b.item.title));
    const rowEnds: number[] = [];
    const subRows: PlacedItem[][] = [];
    for (const print of prints) {
      let sub = rowEnds.findIndex((end) => end + PACK_GAP <= print.x);
      if (sub === -1) {
        sub = rowEnds.length;
        rowEnds.push(0);
        subRows.push([]);
      }
      rowEnds[sub] = print.extentEnd;
      const entry: PlacedItem = { ...print, row: firstRow + sub, laneIndex: index };
      subRows[sub].push(entry);
      placed.set(print.item.id, entry);
    }
    if (subRows.length === 0) subRows.push([]);
    for (const sub of subRows) rows.push({ laneIndex: index, items: sub });
    lanes.push({
      id: block.lane?.id ?? null,
      name: block.lane?.name ?? "No lane",
      lane: block.lane,
      firstRow,
      rowCount: subRows.length,
      itemCount: block.items.length,
    });
  }
  return { lanes, rows, placed, height: rows.length * ROW_HEIGHT };
}

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
