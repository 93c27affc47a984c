"use client";

import { memo, useId } from "react";
import type { Dependency } from "@/lib/validation/timeline";
import { arrowPath, lagText } from "@/lib/planning/timeline-arrows";
import { ROW_HEIGHT, type PlacedItem, type TimelineLayout } from "@/lib/planning/timeline-layout";
import { CRITICAL_COLOUR } from "./item-status";
import type { VisibleWindow } from "./layout";

export interface ArrowInput {
  dependency: Dependency;
  critical: boolean;
  pending: boolean;
}

/**
 * One link. Memoised: scrolling changes which links are drawn, not the links themselves, so one
 * already drawn is left alone (its ends are the layout's entries, new only when they move).
 */
const Arrow = memo(function Arrow({
  from,
  to,
  lagDays,
  critical,
  pending,
  marker,
}: {
  from: PlacedItem;
  to: PlacedItem;
  lagDays: number;
  critical: boolean;
  pending: boolean;
  marker: string;
}) {
  const { d, labelX, labelY } = arrowPath(from, to);
  return (
    <g>
      <path
        d={d}
        fill="none"
        stroke={critical ? CRITICAL_COLOUR : "#7d7f86"}
        strokeWidth={critical ? 2.25 : 1.25}
        strokeDasharray={pending ? "4 3" : undefined}
        markerEnd={`url(#${marker}-${critical ? "c" : "a"})`}
      />
      {lagDays !== 0 && (
        <text
          x={labelX}
          y={labelY}
          fontSize="11"
          fontWeight="600"
          fill={critical ? CRITICAL_COLOUR : "#3b3d42"}
          stroke="#fff"
          strokeWidth="3"
          paintOrder="stroke"
          dominantBaseline="middle"
        >
          {lagText(lagDays)}
        </text>
      )}
    </g>
  );
});

/**
 * The links touching the rows in view, as one SVG layer over the lanes (pointer events pass
 * through). The layer is clipped to the window drawn (the rows in view and their overscan): a link
 * to an item thousands of rows away is drawn to the window's edge, not across the whole roadmap (on
 * a 10,000-item roadmap hundreds of paths tens of thousands of pixels long, repainted at every
 * scroll step). A canvas instead was slower here: without a GPU, its layer is composited every frame.
 */
export const DependencyArrows = memo(function DependencyArrows({
  arrows,
  layout,
  win,
  bodyWidth,
  preview,
}: {
  arrows: ArrowInput[];
  layout: TimelineLayout;
  win: VisibleWindow;
  /** The lanes' width in pixels: the layer stays inside it. */
  bodyWidth: number;
  /** Keyboard linking: a dashed line from the source to the item in focus. */
  preview: { fromId: string; toId: string } | null;
}) {
  const uid = useId().replace(/:/g, "");
  const top = win.firstRow * ROW_HEIGHT;
  const height = Math.max(1, (win.lastRow - win.firstRow + 1) * ROW_HEIGHT);
  // Inside the body: a layer reaching past its right end would widen what the canvas scrolls over,
  // and scrolled there, the sticky lane names and time axis would be left behind.
  const left = Math.max(0, win.x0);
  const width = Math.max(1, Math.min(bodyWidth, win.x1) - left);
  const previewFrom = preview && layout.placed.get(preview.fromId);
  const previewTo = preview && layout.placed.get(preview.toId);
  return (
    <svg
      aria-hidden="true"
      className="pointer-events-none absolute overflow-hidden"
      style={{ left, top, width, height }}
      viewBox={`${left} ${top} ${width} ${height}`}
    >
      <defs>
        <marker
          id={`${uid}-a`}
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L8,4 L0,8 Z" fill="#5d5f66" />
        </marker>
        <marker
          id={`${uid}-c`}
          viewBox="0 0 8 8"
          refX="7"
          refY="4"
          markerWidth="7"
          markerHeight="7"
          orient="auto"
        >
          <path d="M0,0 L8,4 L0,8 Z" fill={CRITICAL_COLOUR} />
        </marker>
      </defs>
      {arrows.map(({ dependency, critical, pending }) => {
        const from = layout.placed.get(dependency.fromId);
        const to = layout.placed.get(dependency.toId);
        if (!from || !to) return null;
        return (
          <Arrow
            key={dependency.id}
            from={from}
            to={to}
            lagDays={dependency.lagDays}
            critical={critical}
            pending={pending}
            marker={uid}
          />
        );
      })}
      {previewFrom && previewTo && previewFrom !== previewTo && (
        <path
          d={arrowPath(previewFrom, previewTo).d}
          fill="none"
          stroke="#0f7567"
          strokeWidth={2}
          strokeDasharray="5 4"
          markerEnd={`url(#${uid}-a)`}
        />
      )}
    </svg>
  );
});
