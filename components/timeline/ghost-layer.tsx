"use client";

import { memo } from "react";
import type { Comparison } from "./ghost-layout";
import { BAR_HEIGHT, MILESTONE_BOX, ROW_HEIGHT, type TimelineLayout } from "@/lib/planning/timeline-layout";
import type { VisibleWindow } from "./layout";

function inView(row: number, x: number, right: number, win: VisibleWindow) {
  return row >= win.firstRow && row <= win.lastRow && right >= win.x0 && x <= win.x1;
}

/**
 * Where items were at the snapshot, drawn behind the bars: a dashed, faint outline at a moved item's
 * old dates, and a removed item with its title struck through. Decoration only (the change report
 * says the same in words): hidden from assistive technology and from the pointer.
 */
export const GhostLayer = memo(function GhostLayer({
  comparison,
  win,
}: {
  comparison: Comparison;
  win: VisibleWindow;
}) {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0" data-ghosts="">
      {comparison.ghosts.map((g) => {
        if (!inView(g.row, g.x, g.x + g.width + 240, win)) return null;
        const removed = g.reason === "removed";
        if (g.kind === "milestone") {
          return (
            <div
              key={`${g.reason}-${g.id}`}
              data-ghost={g.reason}
              className="absolute flex items-center"
              style={{
                left: g.x,
                top: g.row * ROW_HEIGHT + (ROW_HEIGHT - MILESTONE_BOX) / 2,
                height: MILESTONE_BOX,
              }}
            >
              <span
                className="flex items-center justify-center"
                style={{ width: MILESTONE_BOX, height: MILESTONE_BOX }}
              >
                <span className="block size-3.5 rotate-45 rounded-[2px] border-2 border-dashed border-[#6b6b63] bg-[#6b6b63]/10" />
              </span>
              {removed && (
                <span className="ml-1 text-[13px] whitespace-nowrap text-muted line-through">{g.title}</span>
              )}
            </div>
          );
        }
        return (
          <div
            key={`${g.reason}-${g.id}`}
            data-ghost={g.reason}
            className="absolute flex items-center"
            style={{ left: g.x, top: g.row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2, height: BAR_HEIGHT }}
          >
            <span
              className="block h-full rounded-md border-2 border-dashed border-[#6b6b63]/70 bg-[#6b6b63]/[0.08]"
              style={{ width: g.width }}
            />
            {removed && (
              <span className="ml-2 text-[13px] whitespace-nowrap text-muted line-through">{g.title}</span>
            )}
          </div>
        );
      })}
    </div>
  );
});

/** A small "New" on every item added since the snapshot (its accessible name says so too). */
export const NewBadges = memo(function NewBadges({
  comparison,
  layout,
  win,
}: {
  comparison: Comparison;
  layout: TimelineLayout;
  win: VisibleWindow;
}) {
  return (
    <div aria-hidden="true" className="pointer-events-none absolute inset-0">
      {[...comparison.added].map((id) => {
        const p = layout.placed.get(id);
        if (!p || !inView(p.row, p.x, p.x + p.width, win)) return null;
        const milestone = p.item.kind === "milestone";
        return (
          <span
            key={id}
            data-new-badge=""
            className="absolute z-10 rounded-full bg-accent-700 px-1.5 text-[10px] leading-4 font-semibold text-white shadow-xs ring-2 ring-white"
            style={{
              left: milestone ? p.x - 6 : p.x + p.width - 26,
              top: p.row * ROW_HEIGHT + (milestone ? 0 : (ROW_HEIGHT - BAR_HEIGHT) / 2 - 8),
            }}
          >
            New
          </span>
        );
      })}
    </div>
  );
});
