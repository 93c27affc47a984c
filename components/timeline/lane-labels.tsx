"use client";

import { memo } from "react";
import { cx } from "@/components/ui/cx";
import { PlusIcon } from "@/components/ui/icons";
import { pluralize } from "@/lib/client/format";
import {
  AXIS_HEIGHT,
  ROW_HEIGHT,
  type LaneBlock,
  type TimelineLayout,
} from "@/lib/planning/timeline-layout";
import type { VisibleWindow } from "./layout";

function DotsIcon({ className }: { className?: string }) {
  return (
    <svg viewBox="0 0 24 24" aria-hidden="true" focusable="false" className={className} fill="currentColor">
      <circle cx="5.5" cy="12" r="1.7" />
      <circle cx="12" cy="12" r="1.7" />
      <circle cx="18.5" cy="12" r="1.7" />
    </svg>
  );
}

export function lanesInView(
  layout: TimelineLayout,
  win: VisibleWindow,
): Array<{ block: LaneBlock; index: number }> {
  const out: Array<{ block: LaneBlock; index: number }> = [];
  for (const [index, block] of layout.lanes.entries()) {
    const last = block.firstRow + block.rowCount - 1;
    if (last >= win.firstRow && block.firstRow <= win.lastRow) out.push({ block, index });
  }
  return out;
}

const iconButton =
  "flex size-7 shrink-0 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink";

/** The sticky left column: each lane's name, item count and (for editors) its buttons. */
export const LaneLabels = memo(function LaneLabels({
  layout,
  win,
  canEdit,
  compact,
  stickyTop = AXIS_HEIGHT,
  onAddItem,
  onLaneSettings,
}: {
  layout: TimelineLayout;
  win: VisibleWindow;
  canEdit: boolean;
  compact: boolean;
  /** The height of the sticky header above the lanes (the axis, and the phase row if any). */
  stickyTop?: number;
  onAddItem: (lane: LaneBlock) => void;
  onLaneSettings: (lane: LaneBlock) => void;
}) {
  return (
    <>
      {lanesInView(layout, win).map(({ block, index }) => (
        <div
          key={block.id ?? "no-lane"}
          className={cx("absolute inset-x-0 border-b border-line", index % 2 === 1 && "bg-[#fafaf8]")}
          style={{ top: block.firstRow * ROW_HEIGHT, height: block.rowCount * ROW_HEIGHT }}
        >
          <div
            className="sticky flex items-center gap-1 py-1.5 pr-1 pl-3"
            style={{ top: stickyTop, minHeight: ROW_HEIGHT }}
          >
            <div className="min-w-0 flex-1">
              <p
                className={cx(
                  "text-[13px] leading-5 font-semibold",
                  block.rowCount > 1 ? "line-clamp-2" : "truncate",
                  block.id ? "text-ink" : "text-muted italic",
                )}
                title={block.name}
              >
                {block.name}
              </p>
              {!compact && block.rowCount > 1 && (
                <p className="text-xs leading-4 text-muted">{pluralize(block.itemCount, "item")}</p>
              )}
            </div>
            {canEdit && (
              <>
                {(!compact || !block.lane) && (
                  <button type="button" className={iconButton} onClick={() => onAddItem(block)}>
                    <PlusIcon className="size-4" />
                    <span className="sr-only">
                      Add an item to {block.id ? `lane ${block.name}` : "no lane"}
                    </span>
                  </button>
                )}
                {block.lane && (
                  <button type="button" className={iconButton} onClick={() => onLaneSettings(block)}>
                    <DotsIcon className="size-4" />
                    <span className="sr-only">
                      Lane {block.name}:{" "}
                      {compact ? "add an item, rename, reorder or remove" : "rename, reorder or remove"}
                    </span>
                  </button>
                )}
              </>
            )}
          </div>
        </div>
      ))}
    </>
  );
});
