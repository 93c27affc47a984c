// The timeline's geometry, shared by the page (components/timeline) and the pictures drawn on the
// server (lib/exports/timeline): a time scale (days to pixels) and the rows items are packed into.
// Pure functions of the board, memoised by the page per board version and zoom, so scrolling and
// dragging never recompute them.

import { horizonEnd, toDayNumber } from "./calendar";
import type { Item, Workstream } from "../validation/timeline";

export const ROW_HEIGHT = 40;
export const BAR_HEIGHT = 28;
export const MILESTONE_BOX = 28;
export const AXIS_ROW_HEIGHT = 26;
export const AXIS_HEIGHT = AXIS_ROW_HEIGHT * 2;
/** The row under the time axis that holds the phase bands. */
export const PHASE_ROW_HEIGHT = 30;
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
  /** Width of the drawn range in pixels (the range plus a tail for labels). */
  width: number;
}

/** A scale over the dates start..end (both included), with `tail` pixels after the last day. */
export function rangeScale(start: string, end: string, pxPerDay: number, tail = TAIL_PX): TimeScale {
  const startDay = toDayNumber(start);
  const endDay = toDayNumber(end);
  return { start, end, startDay, endDay, pxPerDay, width: (endDay - startDay + 1) * pxPerDay + tail };
}

/** The scale of a roadmap's whole horizon. */
export function makeScale(startDate: string, horizonMonths: number, pxPerDay: number): TimeScale {
  return rangeScale(startDate, horizonEnd(startDate, horizonMonths), pxPerDay);
}

/** The left edge of a day. */
export function xOfDay(scale: TimeScale, day: number): number {
  return (day - scale.startDay) * scale.pxPerDay;
}

export function xOfDate(scale: TimeScale, iso: string): number {
  return xOfDay(scale, toDayNumber(iso));
}

/** The right edge of a date: where a span that ends that day ends. */
export function xAfterDate(scale: TimeScale, iso: string): number {
  return xOfDay(scale, toDayNumber(iso) + 1);
}

/** The day under a pixel, clamped to the range. */
export function dayAtX(scale: TimeScale, x: number): number {
  const day = scale.startDay + Math.floor(x / scale.pxPerDay);
  return Math.min(scale.endDay, Math.max(scale.startDay, day));
}

/** The middle of today's column, or null when today lies outside the scale. */
export function todayX(scale: TimeScale, today: string | null): number | null {
  if (!today) return null;
  const day = toDayNumber(today);
  return day >= scale.startDay && day <= scale.endDay ? xOfDay(scale, day) + scale.pxPerDay / 2 : null;
}

// --- rows ---------------------------------------------------------------------------------------

/** What the layout needs of an item: the page passes whole items, the pictures their own. */
export type LayoutItem = Pick<Item, "id" | "kind" | "title" | "startDate" | "endDate" | "workstreamId">;
export type LayoutLane = Pick<Workstream, "id" | "name" | "position">;

export interface PlacedItem<T extends LayoutItem = Item> {
  item: T;
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

export interface LaneBlock<L extends LayoutLane = Workstream> {
  /** null: the items that have no lane. */
  id: string | null;
  name: string;
  lane: L | null;
  firstRow: number;
  rowCount: number;
  itemCount: number;
}

export interface TimelineLayout<T extends LayoutItem = Item, L extends LayoutLane = Workstream> {
  lanes: LaneBlock<L>[];
  /** For every row: its lane and its items ordered by x. */
  rows: Array<{ laneIndex: number; items: PlacedItem<T>[] }>;
  placed: Map<string, PlacedItem<T>>;
  height: number;
}

/** A cheap width estimate for a title at 13px, capped; good enough to keep labels from overlapping. */
export function labelWidth(title: string): number {
  return Math.min(220, Math.round(title.length * 6.9) + 10);
}

/** A milestone's box: centred on its day. */
export function milestoneBox(scale: TimeScale, date: string): { x: number; width: number } {
  const centre = xOfDate(scale, date) + scale.pxPerDay / 2;
  return { x: centre - MILESTONE_BOX / 2, width: MILESTONE_BOX };
}

/** A feature's bar: from its first day to the end of its last, at least 6 pixels wide. */
export function barBox(scale: TimeScale, start: string, end: string): { x: number; width: number } {
  const startDay = toDayNumber(start);
  const endDay = Math.max(startDay, toDayNumber(end));
  return { x: xOfDay(scale, startDay), width: Math.max(6, (endDay - startDay + 1) * scale.pxPerDay) };
}

function footprint<T extends LayoutItem>(
  item: T,
  scale: TimeScale,
  label: string,
): Omit<PlacedItem<T>, "row" | "laneIndex"> {
  if (item.kind === "milestone") {
    const { x, width } = milestoneBox(scale, item.startDate);
    return { item, x, width, extentEnd: x + width + 4 + labelWidth(label) + 18, labelOutside: true };
  }
  const { x, width } = barBox(scale, item.startDate, item.endDate);
  const text = labelWidth(label) + 30;
  // A bar holds its title when it fits, or when it is long enough (160px) for a truncated title to
  // read well; shorter bars show the title after them.
  const labelOutside = width < Math.min(text, 160);
  // The link connector sits just past the end of every bar, the outside title after it.
  return { item, x, width, extentEnd: labelOutside ? x + width + 20 + text : x + width + 18, labelOutside };
}

function samePlace<T extends LayoutItem>(
  old: PlacedItem<T> | undefined,
  print: Omit<PlacedItem<T>, "row" | "laneIndex">,
  row: number,
  laneIndex: number,
): PlacedItem<T> | undefined {
  const same =
    old &&
    old.item === print.item &&
    old.row === row &&
    old.laneIndex === laneIndex &&
    old.x === print.x &&
    old.width === print.width &&
    old.extentEnd === print.extentEnd &&
    old.labelOutside === print.labelOutside;
  return same ? old : undefined;
}

/**
 * Lanes in position order (then the items without a lane), each packed greedily: items sorted by
 * their left edge go into the first sub-row whose last footprint ends before them, so overlapping
 * items stack instead of hiding each other. `labelOf` is the text written beside an item (its title
 * on the page; a picture may add a forecast or slack to it), whose room packing keeps free.
 * `previous`: an earlier layout whose entries are kept where nothing about them changed (same item
 * object, same place), so that a page drawing them memoised redraws only what moved.
 */
export function layoutTimeline<T extends LayoutItem, L extends LayoutLane>(
  workstreams: readonly L[],
  items: readonly T[],
  scale: TimeScale,
  labelOf: (item: T) => string = (item) => item.title,
  previous?: TimelineLayout<T, L> | null,
): TimelineLayout<T, L> {
  const ordered = [...workstreams].sort((a, b) => a.position - b.position || a.name.localeCompare(b.name));
  const laneIndex = new Map(ordered.map((w, i) => [w.id, i]));
  const buckets: T[][] = ordered.map(() => []);
  const loose: T[] = [];
  for (const item of items) {
    const index = item.workstreamId ? laneIndex.get(item.workstreamId) : undefined;
    if (index === undefined) loose.push(item);
    else buckets[index].push(item);
  }
  const blocks: Array<{ lane: L | null; items: T[] }> = ordered.map((lane, i) => ({
    lane,
    items: buckets[i],
  }));
  if (loose.length > 0) blocks.push({ lane: null, items: loose });

  const lanes: LaneBlock<L>[] = [];
  const rows: TimelineLayout<T, L>["rows"] = [];
  const placed = new Map<string, PlacedItem<T>>();
  for (const [index, block] of blocks.entries()) {
    const firstRow = rows.length;
    const prints = block.items
      .map((item) => footprint(item, scale, labelOf(item)))
      .sort((a, b) => a.x - b.x || a.item.title.localeCompare(b.item.title));
    const rowEnds: number[] = [];
    const subRows: PlacedItem<T>[][] = [];
    for (const print of prints) {
      let sub = rowEnds.findIndex((end) => end + PACK_GAP <= print.x);
      if (sub === -1) {
        sub = rowEnds.length;
        rowEnds.push(0);
        subRows.push([]);
      }
      rowEnds[sub] = print.extentEnd;
      const entry = samePlace(previous?.placed.get(print.item.id), print, firstRow + sub, index) ?? {
        ...print,
        row: firstRow + sub,
        laneIndex: index,
      };
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
