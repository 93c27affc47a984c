"use client";

import { useMemo } from "react";
import { useDateText, useToday } from "@/lib/client/dates";
import type { PlanItem } from "@/components/sharing/quarter-plan";
import { pluralize } from "@/lib/client/format";
import { horizonEnd } from "@/lib/planning/calendar";
import { axisRows, gridLines } from "@/lib/planning/timeline-axis";
import {
  AXIS_ROW_HEIGHT,
  BAR_HEIGHT,
  ROW_HEIGHT,
  layoutTimeline,
  rangeScale,
  todayX,
  type LayoutLane,
  type PlacedItem,
} from "@/lib/planning/timeline-layout";
import { STATUS_COLOURS } from "@/lib/planning/timeline-style";
import { SlideFrame } from "./slide-frame";

/**
 * The drawing's size before it is scaled to the slide: lanes' names, the horizon, room for the last
 * labels. Narrower than the slide, so that the layout's 13px text grows to about 17px on a 1280px
 * screen and more on a projector.
 */
const LANE_WIDTH = 150;
const BODY_WIDTH = 640;
const TAIL = 110;
const AXIS = AXIS_ROW_HEIGHT * 2;
const KEY_FILL = "#0d4b44";
const GRID = "#e5e4df";
const TODAY = "#c02828";

/** A title cut to the room a bar (or the space after a milestone) leaves, at the layout's 13px estimate. */
function fit(title: string, width: number): string {
  const chars = Math.floor(width / 6.9);
  if (title.length <= chars) return title;
  return chars < 4 ? "" : `${title.slice(0, chars - 1)}…`;
}

function Bar({ placed, y }: { placed: PlacedItem<PlanItem>; y: number }) {
  const { item } = placed;
  const colours = STATUS_COLOURS[item.status];
  const top = y + (ROW_HEIGHT - BAR_HEIGHT) / 2;
  const label = placed.labelOutside ? item.title : fit(item.title, placed.width - 16);
  return (
    <g>
      <rect
        x={placed.x}
        y={top}
        width={placed.width}
        height={BAR_HEIGHT}
        rx={5}
        fill={colours.fill}
        stroke={colours.stroke}
        strokeWidth={1.5}
        strokeDasharray={colours.dashed ? "4 3" : undefined}
      />
      <text
        x={placed.labelOutside ? placed.x + placed.width + 8 : placed.x + 8}
        y={top + BAR_HEIGHT / 2}
        dominantBaseline="central"
        fontSize={13}
        fill={placed.labelOutside ? "#3b3d42" : colours.text}
      >
        {label}
      </text>
    </g>
  );
}

function Milestone({ placed, y, forecast }: { placed: PlacedItem<PlanItem>; y: number; forecast?: string }) {
  const { item } = placed;
  const cx = placed.x + placed.width / 2;
  const cy = y + ROW_HEIGHT / 2;
  const half = item.isKey ? 10 : 7;
  const colours = STATUS_COLOURS[item.status];
  return (
    <g>
      <path
        d={`M${cx} ${cy - half}L${cx + half} ${cy}L${cx} ${cy + half}L${cx - half} ${cy}Z`}
        fill={item.isKey ? KEY_FILL : colours.fill}
        stroke={item.isKey ? KEY_FILL : colours.stroke}
        strokeWidth={2}
      />
      <text
        x={cx + half + 6}
        y={cy}
        dominantBaseline="central"
        fontSize={13}
        fontWeight={item.isKey ? 600 : 400}
        fill={item.isKey ? "#191a1c" : "#3b3d42"}
      >
        {item.title}
        {forecast && (
          <tspan fontWeight={400} fill="#5d5f66">
            {` · ${forecast}`}
          </tspan>
        )}
      </text>
    </g>
  );
}

/**
 * The whole horizon on one slide, laid out by the timeline's own rules (lib/planning/timeline-
 * layout.ts: the page and the exported pictures use them too): lanes, bars by status, milestones with
 * the key ones dark and bold, the quarter/month axis and today's line. One SVG scaled to the slide.
 */
export function TimelineSlide({
  title,
  roadmap,
  workstreams,
  items,
  keyMilestones,
}: {
  title: string;
  roadmap: { startDate: string; horizonMonths: number };
  workstreams: readonly LayoutLane[];
  items: readonly PlanItem[];
  /** The executive forecast: each key milestone's P80 is written beside it, as in the pictures. */
  keyMilestones: ReadonlyArray<{ id: string; p80: string | null }>;
}) {
  const dt = useDateText();
  const today = useToday();
  const forecasts = useMemo(
    () => new Map(keyMilestones.flatMap((m) => (m.p80 ? [[m.id, `P80 ${dt.date(m.p80)}`] as const] : []))),
    [keyMilestones, dt],
  );
  const drawing = useMemo(() => {
    const end = horizonEnd(roadmap.startDate, roadmap.horizonMonths);
    const days = Math.round((Date.parse(end) - Date.parse(roadmap.startDate)) / 86_400_000) + 1;
    const scale = rangeScale(roadmap.startDate, end, BODY_WIDTH / days, TAIL);
    return {
      scale,
      // The forecast is part of the label, so packing keeps room for it.
      layout: layoutTimeline(workstreams, items, scale, (item) =>
        forecasts.has(item.id) ? `${item.title} · ${forecasts.get(item.id)}` : item.title,
      ),
      axis: axisRows(scale, dt, "quarters"),
    };
  }, [roadmap.startDate, roadmap.horizonMonths, workstreams, items, dt, forecasts]);
  const { scale, layout, axis } = drawing;
  const width = LANE_WIDTH + scale.width;
  const height = AXIS + Math.max(layout.height, ROW_HEIGHT);
  const now = todayX(scale, today);
  const keyItems = items.filter((i) => i.kind === "milestone" && i.isKey);
  const features = items.filter((i) => i.kind === "feature").length;
  const summary = `Timeline, ${dt.range(scale.start, scale.end)}: ${pluralize(layout.lanes.length, "lane")}, ${pluralize(features, "feature")}, ${pluralize(items.length - features, "milestone")}.`;

  return (
    <SlideFrame eyebrow="The plan at a glance" title={title}>
      {items.length === 0 ? (
        <p className="text-2xl text-muted">Nothing is planned yet.</p>
      ) : (
        <figure className="flex flex-col gap-3">
          <svg
            viewBox={`0 0 ${width} ${height}`}
            role="img"
            aria-label={summary}
            className="h-auto max-h-[calc(100dvh-15rem)] w-full font-sans"
            preserveAspectRatio="xMinYMin meet"
          >
            {layout.lanes.map((lane, i) => (
              <g key={lane.id ?? "none"}>
                <rect
                  x={0}
                  y={AXIS + lane.firstRow * ROW_HEIGHT}
                  width={width}
                  height={lane.rowCount * ROW_HEIGHT}
                  fill={i % 2 ? "#ffffff" : "#f7f7f5"}
                />
                <text
                  x={12}
                  y={AXIS + lane.firstRow * ROW_HEIGHT + ROW_HEIGHT / 2}
                  dominantBaseline="central"
                  fontSize={14}
                  fontWeight={600}
                  fill="#191a1c"
                >
                  {fit(lane.name, LANE_WIDTH - 36)}
                </text>
              </g>
            ))}
            <g transform={`translate(${LANE_WIDTH} 0)`}>
              {gridLines(scale).map((line) => (
                <line
                  key={line.x}
                  x1={line.x}
                  x2={line.x}
                  y1={AXIS_ROW_HEIGHT}
                  y2={height}
                  stroke={line.strong ? "#cfcec8" : GRID}
                />
              ))}
              {[axis.top, axis.bottom].map((row, r) =>
                row.map((span) => (
                  <text
                    key={`${r}-${span.key}`}
                    x={span.x + 6}
                    y={r * AXIS_ROW_HEIGHT + AXIS_ROW_HEIGHT / 2}
                    dominantBaseline="central"
                    fontSize={r === 0 ? 14 : 12}
                    fontWeight={r === 0 ? 600 : 400}
                    fill={r === 0 ? "#191a1c" : "#5d5f66"}
                  >
                    {span.width > 24 ? span.label : ""}
                  </text>
                )),
              )}
              {layout.rows.map((row, r) =>
                row.items.map((placed) =>
                  placed.item.kind === "milestone" ? (
                    <Milestone
                      key={placed.item.id}
                      placed={placed}
                      y={AXIS + r * ROW_HEIGHT}
                      forecast={forecasts.get(placed.item.id)}
                    />
                  ) : (
                    <Bar key={placed.item.id} placed={placed} y={AXIS + r * ROW_HEIGHT} />
                  ),
                ),
              )}
              {now !== null && (
                <line x1={now} x2={now} y1={AXIS} y2={height} stroke={TODAY} strokeWidth={2} />
              )}
            </g>
            <line x1={0} x2={width} y1={AXIS} y2={AXIS} stroke="#cfcec8" />
          </svg>
          <figcaption className="flex flex-wrap items-center gap-x-6 gap-y-1 text-base text-muted">
            {keyItems.length > 0 && (
              <>
                <span aria-hidden="true" className="flex items-center gap-2">
                  <span className="inline-block size-3 rotate-45 bg-accent-800" />
                  Key milestone
                </span>
                <span className="sr-only">
                  Key milestones:{" "}
                  {keyItems
                    .map((m) =>
                      [m.title, dt.date(m.startDate), forecasts.get(m.id)].filter(Boolean).join(", "),
                    )
                    .join("; ")}
                  .
                </span>
              </>
            )}
            {now !== null && (
              <span aria-hidden="true" className="flex items-center gap-2">
                <span className="inline-block h-4 w-0.5" style={{ background: TODAY }} />
                Today
              </span>
            )}
          </figcaption>
        </figure>
      )}
    </SlideFrame>
  );
}
