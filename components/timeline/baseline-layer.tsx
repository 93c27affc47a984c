"use client";

import { memo } from "react";
import { cx } from "@/components/ui/cx";
import {
  BAR_HEIGHT,
  ROW_HEIGHT,
  barBox,
  milestoneBox,
  type PlacedItem,
  type TimeScale,
} from "@/lib/planning/timeline-layout";
import { slipDays, type Baseline, type DoneMark } from "@/lib/planning/timeline-actuals";

/** A baseline the timeline draws: the snapshot's dates per item and its label. */
export interface DrawnBaseline {
  dates: Baseline;
  label: string;
}

/** The baseline's ink: a neutral grey that reads on the lane stripes (5.9:1 on white). */
export const BASELINE_COLOUR = "#5f6470";

/**
 * "Done late" or "Done early" on done work, in words as well as colour. The words are drawn by CSS,
 * not text of the bar: its accessible name says the same, and a bar's visible text must be part of it.
 */
export function DoneMarkBadge({ mark, className }: { mark: DoneMark; className?: string }) {
  return (
    <span
      aria-hidden="true"
      data-done-badge={mark}
      data-words={mark === "late" ? "Done late" : "Done early"}
      className={cx(
        "pointer-events-none inline-flex rounded-full px-1.5 text-[10px] leading-4 font-semibold whitespace-nowrap text-white shadow-xs ring-2 ring-white before:content-[attr(data-words)]",
        mark === "late" ? "bg-danger-700" : "bg-success-800",
        className,
      )}
    />
  );
}

/**
 * The baseline under each item in view: a thin line at the dates the chosen snapshot had, just
 * below the bar (a short tick for a milestone), with the slip at its end when the finish moved.
 * Decoration only: each item's accessible name and tooltip say the same in words.
 */
export const BaselineLayer = memo(function BaselineLayer({
  groups,
  baseline,
  scale,
}: {
  groups: Map<number, PlacedItem[]>;
  baseline: Baseline;
  scale: TimeScale;
}) {
  const lines = [];
  for (const items of groups.values()) {
    for (const p of items) {
      const base = baseline.get(p.item.id);
      if (!base || p.item.status === "cut") continue;
      const milestone = p.item.kind === "milestone";
      const box = milestone
        ? milestoneBox(scale, base.startDate)
        : barBox(scale, base.startDate, base.endDate);
      const slip = slipDays(p.item, base);
      const top = p.row * ROW_HEIGHT + (ROW_HEIGHT + BAR_HEIGHT) / 2 + 1;
      lines.push(
        <div
          key={p.item.id}
          data-baseline={p.item.id}
          className="absolute flex items-center"
          style={{ left: milestone ? box.x + box.width / 2 - 5 : box.x, top, height: 4 }}
        >
          <span
            className="block h-[3px] rounded-full"
            style={{ width: milestone ? 10 : box.width, background: BASELINE_COLOUR }}
          />
          {slip !== 0 && (
            <span
              className={cx(
                "ml-1 text-[10px] leading-none font-semibold tabular-nums",
                slip > 0 ? "text-danger-700" : "text-success-800",
              )}
            >
              {slip > 0 ? `+${slip}d` : `${slip}d`}
            </span>
          )}
        </div>,
      );
    }
  }
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0" data-baselines="">
      {lines}
    </div>
  );
});
