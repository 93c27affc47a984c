"use client";

import { useMemo, useState } from "react";
import { layoutTimeline, type TimeScale, type TimelineLayout } from "@/lib/planning/timeline-layout";
import type { Item, Workstream } from "@/lib/validation/timeline";

/** Remembers the last layout it made, for the next one to reuse; never causes a render. */
class LayoutMemory {
  private last: TimelineLayout | null = null;

  next(workstreams: readonly Workstream[], items: readonly Item[], scale: TimeScale): TimelineLayout {
    this.last = layoutTimeline(workstreams, items, scale, undefined, this.last);
    return this.last;
  }
}

/**
 * The timeline's layout, worked out once per change of the items shown (the board's, or those a
 * filter keeps), the lanes or the scale. Each new layout
 * keeps the entries of the last one where nothing moved, so after a drag on a 10,000-item roadmap
 * only the moved item (and whatever its move repacked) has new props and redraws.
 */
export function useTimelineLayout(
  workstreams: readonly Workstream[],
  items: readonly Item[],
  scale: TimeScale,
): TimelineLayout {
  const [memory] = useState(() => new LayoutMemory());
  return useMemo(() => memory.next(workstreams, items, scale), [memory, workstreams, items, scale]);
}
