"use client";

import type { Ref } from "react";
import { cx } from "@/components/ui/cx";
import { PlusIcon } from "@/components/ui/icons";
import type { DateText } from "@/lib/client/dates";
import { fromDayNumber } from "@/lib/planning/calendar";
import {
  AXIS_HEIGHT,
  PHASE_ROW_HEIGHT,
  ROW_HEIGHT,
  xOfDay,
  type LaneBlock,
  type TimeScale,
} from "@/lib/planning/timeline-layout";
import type { Phase } from "@/lib/validation/phases";
import { PhaseBands } from "./phase-bands";
import { TimeAxis } from "./time-axis";

/** The top-left corner over the lane names: "Lanes", and "Phases" beside the phase bands. */
export function CanvasCorner({ withPhases }: { withPhases: boolean }) {
  return (
    <div className="sticky top-0 left-0 z-30 flex flex-col justify-end border-r border-b border-line-strong bg-surface text-xs font-medium text-muted">
      <span className="px-3 pb-1.5">Lanes</span>
      {withPhases && (
        <span className="flex items-center border-t border-line px-3" style={{ height: PHASE_ROW_HEIGHT }}>
          Phases
        </span>
      )}
    </div>
  );
}

/** The sticky header over the lanes: the time axis, and the phases as bands under it. */
export function CanvasAxis({
  roadmapId,
  scale,
  phases,
  dt,
  today,
  laneWidth,
}: {
  roadmapId: string;
  scale: TimeScale;
  phases: Phase[];
  dt: DateText;
  today: string | null;
  laneWidth: number;
}) {
  return (
    <div className="sticky top-0 z-20 border-b border-line-strong bg-surface">
      <div style={{ height: AXIS_HEIGHT }}>
        <TimeAxis scale={scale} dt={dt} today={today} stickyLeft={laneWidth} />
      </div>
      {phases.length > 0 && <PhaseBands roadmapId={roadmapId} phases={phases} scale={scale} dt={dt} />}
    </div>
  );
}

/** Alternate shading per lane, with a hint in a lane that has no items yet. */
export function LaneStripes({
  lanes,
  laneWidth,
  canEdit,
}: {
  lanes: { block: LaneBlock; index: number }[];
  laneWidth: number;
  canEdit: boolean;
}) {
  return lanes.map(({ block, index }) => (
    <div
      key={block.id ?? "no-lane"}
      aria-hidden="true"
      className={cx("absolute inset-x-0 border-b border-line", index % 2 === 1 && "bg-[#1b1b18]/[0.018]")}
      style={{ top: block.firstRow * ROW_HEIGHT, height: block.rowCount * ROW_HEIGHT }}
    >
      {block.itemCount === 0 && (
        <p
          className="sticky flex h-10 w-max items-center px-3 text-[13px] whitespace-nowrap text-muted"
          style={{ left: laneWidth }}
        >
          {canEdit
            ? "No items in this lane yet: double-click a date here, or use + beside the lane name."
            : "No items in this lane yet."}
        </p>
      )}
    </div>
  ));
}

/** The + that follows the mouse over empty cells: adds an item to that lane on that day. */
export function HoverAddButton({
  cell,
  lane,
  scale,
  dt,
  onAdd,
}: {
  cell: { row: number; day: number };
  lane: LaneBlock | undefined;
  scale: TimeScale;
  dt: DateText;
  onAdd: (laneId: string | null, date: string) => void;
}) {
  const date = fromDayNumber(cell.day);
  return (
    <button
      type="button"
      tabIndex={-1}
      data-hover-add=""
      onClick={() => onAdd(lane?.id ?? null, date)}
      className="absolute flex size-6 items-center justify-center rounded-full border border-accent-600 bg-surface text-accent-700 opacity-80 shadow-xs hover:opacity-100"
      style={{ left: xOfDay(scale, cell.day) - 12 + scale.pxPerDay / 2, top: cell.row * ROW_HEIGHT + 8 }}
    >
      <PlusIcon className="size-3.5" />
      <span className="sr-only">
        Add an item to {lane?.name ?? "this lane"} on {dt.date(date)}
      </span>
    </button>
  );
}

/** What a drag draws without re-rendering: the link being drawn and the badge with the new dates. */
export function DragOverlays({
  linkLineRef,
  badgeRef,
}: {
  linkLineRef: Ref<SVGLineElement>;
  badgeRef: Ref<HTMLDivElement>;
}) {
  return (
    <>
      <svg
        aria-hidden="true"
        className="pointer-events-none absolute top-0 left-0 overflow-visible"
        width="1"
        height="1"
      >
        <line
          ref={linkLineRef}
          style={{ display: "none" }}
          stroke="#0f7567"
          strokeWidth="2"
          strokeDasharray="5 4"
        />
      </svg>
      <div
        ref={badgeRef}
        hidden
        aria-hidden="true"
        className="pointer-events-none absolute top-0 left-0 z-30 rounded bg-ink px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-white shadow-popover"
      />
    </>
  );
}
