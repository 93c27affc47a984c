// Dependency arrows on the timeline: where a finish-to-start link leaves its predecessor, how it
// reaches its successor, and where its lag is written. Shared by the page and the pictures.

import { MILESTONE_BOX, ROW_HEIGHT, type LayoutItem, type PlacedItem } from "./timeline-layout";

/** Half the diagonal of a milestone's diamond: where its left and right tips are. */
export const DIAMOND_HALF = 11;

type Point = { x: number; y: number };

/** Finish of the predecessor (right edge of its bar, or the diamond's right tip). */
function exitPoint(p: PlacedItem<LayoutItem>): Point {
  const y = p.row * ROW_HEIGHT + ROW_HEIGHT / 2;
  if (p.item.kind === "milestone") return { x: p.x + MILESTONE_BOX / 2 + DIAMOND_HALF, y };
  return { x: p.x + p.width, y };
}

/** Start of the successor (left edge of its bar, or the diamond's left tip). */
function entryPoint(p: PlacedItem<LayoutItem>): Point {
  const y = p.row * ROW_HEIGHT + ROW_HEIGHT / 2;
  if (p.item.kind === "milestone") return { x: p.x + MILESTONE_BOX / 2 - DIAMOND_HALF, y };
  return { x: p.x, y };
}

export interface ArrowPath {
  /** SVG path data, with rounded elbows. */
  d: string;
  /** The same route as straight segments (corners unrounded), for drawings without curves. */
  points: Array<[number, number]>;
  labelX: number;
  labelY: number;
}

/**
 * A finish-to-start elbow: out to the right, down or up to the successor's row, in from the left.
 * When the successor starts before the predecessor ends, the line runs back along the gap
 * between rows so that it never crosses either bar.
 */
export function arrowPath(from: PlacedItem<LayoutItem>, to: PlacedItem<LayoutItem>): ArrowPath {
  const a = exitPoint(from);
  const b = entryPoint(to);
  const out = a.x + 8;
  if (b.x - 12 >= out) {
    if (a.y === b.y) {
      return {
        d: `M${a.x},${a.y} H${b.x - 1}`,
        points: [
          [a.x, a.y],
          [b.x - 1, b.y],
        ],
        labelX: (a.x + b.x) / 2,
        labelY: a.y - 5,
      };
    }
    const r = Math.min(6, Math.abs(b.y - a.y) / 2);
    const dir = b.y > a.y ? 1 : -1;
    return {
      d: `M${a.x},${a.y} H${out - r} Q${out},${a.y} ${out},${a.y + dir * r} V${b.y - dir * r} Q${out},${b.y} ${out + r},${b.y} H${b.x - 1}`,
      points: [
        [a.x, a.y],
        [out, a.y],
        [out, b.y],
        [b.x - 1, b.y],
      ],
      labelX: out + 4,
      labelY: (a.y + b.y) / 2,
    };
  }
  const down = to.row >= from.row;
  const gapY = down ? from.row * ROW_HEIGHT + ROW_HEIGHT - 1 : from.row * ROW_HEIGHT + 1;
  const back = b.x - 10;
  return {
    d: `M${a.x},${a.y} H${out} V${gapY} H${back} V${b.y} H${b.x - 1}`,
    points: [
      [a.x, a.y],
      [out, a.y],
      [out, gapY],
      [back, gapY],
      [back, b.y],
      [b.x - 1, b.y],
    ],
    labelX: (out + back) / 2,
    labelY: gapY - 3,
  };
}

/** A lag as the timeline writes it: +3d, or −2d for a lead. */
export function lagText(lag: number): string {
  return lag > 0 ? `+${lag}d` : `−${Math.abs(lag)}d`;
}
