// What the canvas draws for a window in view: the items meeting it, grouped by lane, and the
// dependency arrows touching its rows. Pure, over the shared layout.

import type { PlacedItem, TimelineLayout } from "@/lib/planning/timeline-layout";
import type { Dependency } from "@/lib/validation/timeline";
import type { ArrowInput } from "./dependency-arrows";
import { visibleItems, type VisibleWindow } from "./layout";

/**
 * The items in view, plus those that must stay drawn wherever they are (the keyboard's tab stop,
 * the item a link starts from), grouped by lane in reading order.
 */
export function itemsByLane(
  layout: TimelineLayout,
  win: VisibleWindow,
  alwaysDrawn: (string | null)[],
): Map<number, PlacedItem[]> {
  const shown = visibleItems(layout, win);
  for (const id of alwaysDrawn) {
    const p = id ? layout.placed.get(id) : undefined;
    if (p && !shown.includes(p)) shown.push(p);
  }
  shown.sort((a, b) => a.row - b.row || a.x - b.x);
  const groups = new Map<number, PlacedItem[]>();
  for (const p of shown) {
    const list = groups.get(p.laneIndex) ?? [];
    list.push(p);
    groups.set(p.laneIndex, list);
  }
  return groups;
}

/** For each row, the links with an end in it; built once per layout and list of links. */
const rowIndexes = new WeakMap<TimelineLayout, { dependencies: Dependency[]; rows: Dependency[][] }>();

function linksByRow(dependencies: Dependency[], layout: TimelineLayout): Dependency[][] {
  const cached = rowIndexes.get(layout);
  if (cached?.dependencies === dependencies) return cached.rows;
  const rows: Dependency[][] = layout.rows.map(() => []);
  for (const dependency of dependencies) {
    const from = layout.placed.get(dependency.fromId);
    const to = layout.placed.get(dependency.toId);
    if (!from || !to) continue;
    rows[from.row].push(dependency);
    if (to.row !== from.row) rows[to.row].push(dependency);
  }
  rowIndexes.set(layout, { dependencies, rows });
  return rows;
}

/**
 * The links with an end in the rows in view and a span meeting the pixels in view. Looked up by row,
 * so a scroll step costs the links in view, not all of a 10,000-item roadmap's.
 */
export function arrowsInView(
  dependencies: Dependency[],
  layout: TimelineLayout,
  win: VisibleWindow,
  isCritical: (dependency: Dependency) => boolean,
): ArrowInput[] {
  const byRow = linksByRow(dependencies, layout);
  const out: ArrowInput[] = [];
  const seen = new Set<string>();
  for (let r = Math.max(0, win.firstRow); r <= win.lastRow && r < byRow.length; r++) {
    for (const dependency of byRow[r]) {
      if (seen.has(dependency.id)) continue;
      seen.add(dependency.id);
      const from = layout.placed.get(dependency.fromId)!;
      const to = layout.placed.get(dependency.toId)!;
      const left = Math.min(from.x, to.x);
      const right = Math.max(from.x + from.width, to.x + to.width);
      if (right < win.x0 || left > win.x1) continue;
      out.push({ dependency, critical: isCritical(dependency), pending: dependency.id.startsWith("pending-") });
    }
  }
  return out;
}
