"use client";

import { memo, useId } from "react";
import type { Dependency } from "@/lib/validation/timeline";
import { arrowPath, lagText } from "@/lib/planning/timeline-arrows";
import { ROW_HEIGHT, type TimelineLayout } from "@/lib/planning/timeline-layout";
import { CRITICAL_COLOUR } from "./item-status";
import type { VisibleWindow } from "./layout";

export interface ArrowInput {
  dependency: Dependency;
  critical: boolean;
  pending: boolean;
}

/** The links touching the rows in view, as one SVG layer over the lanes (pointer events pass through). */
export const DependencyArrows = memo(function DependencyArrows({
  arrows,
  layout,
  win,
  preview,
}: {
  arrows: ArrowInput[];
  layout: TimelineLayout;
  win: VisibleWindow;
  /** Keyboard linking: a dashed line from the source to the item in focus. */
  preview: { fromId: string; toId: string } | null;
}) {
  const uid = useId().replace(/:/g, "");
  const top = win.firstRow * ROW_HEIGHT;
  const height = Math.max(1, (win.lastRow - win.firstRow + 1) * ROW_HEIGHT);
  const width = Math.max(1, win.x1 - win.x0);
  const previewFrom = preview && layout.placed.get(preview.fromId);
  const previewTo = preview && layout.placed.get(preview.toId);
  return (
    <svg
      aria-hidden="true"
      className="pointer-events-none absolute overflow-visible"
      style={{ left: win.x0, top, width, height }}
      viewBox={`${win.x0} ${top} ${width} ${height}`}
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
        const { d, labelX, labelY } = arrowPath(from, to);
        return (
          <g key={dependency.id}>
            <path
              d={d}
              fill="none"
              stroke={critical ? CRITICAL_COLOUR : "#7d7f86"}
              strokeWidth={critical ? 2.25 : 1.25}
              strokeDasharray={pending ? "4 3" : undefined}
              markerEnd={`url(#${uid}-${critical ? "c" : "a"})`}
            />
            {dependency.lagDays !== 0 && (
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
                {lagText(dependency.lagDays)}
              </text>
            )}
          </g>
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
