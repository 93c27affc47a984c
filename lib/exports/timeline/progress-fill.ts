// A bar's progress fill in a picture (issue #18), as the page draws it: the bar's own fill, then
// the share done (lib/planning/timeline-actuals.ts itemProgress) in PROGRESS_FILLS over it from
// the left edge; the bar's outline and title are drawn on top by the caller.

import { BAR_HEIGHT } from "@/lib/planning/timeline-layout";
import { PROGRESS_FILLS, STATUS_COLOURS } from "@/lib/planning/timeline-style";
import type { PlacedItem } from "@/lib/planning/timeline-layout";
import type { PictureItem } from "./picture-model";
import type { Prim } from "./primitives";

/** The fill rectangles under a bar clipped to [x0, x0 + w], or none when nothing is done. */
export function progressRects(p: PlacedItem<PictureItem>, x0: number, y: number, w: number): Prim[] {
  const done = Math.min(w, p.x + p.width * p.item.progress - x0);
  if (done <= 1) return [];
  const h = BAR_HEIGHT;
  return [
    { t: "rect", x: x0, y, w, h, radius: Math.min(6, w / 2), fill: STATUS_COLOURS[p.item.status].fill },
    { t: "rect", x: x0, y, w: done, h, radius: Math.min(6, done / 2), fill: PROGRESS_FILLS[p.item.status] },
  ];
}
