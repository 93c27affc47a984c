"use client";

import { memo, useMemo, type CSSProperties } from "react";
import { cx } from "@/components/ui/cx";
import { axisRows, firstWeekendOffset, gridLines } from "@/lib/planning/timeline-axis";
import { AXIS_ROW_HEIGHT, todayX, type TimeScale } from "@/lib/planning/timeline-layout";
import type { DateText } from "@/lib/client/dates";

/** The time axis across the whole horizon; the canvas keeps it stuck to the top. */
export const TimeAxis = memo(function TimeAxis({
  scale,
  dt,
  today,
  stickyLeft,
}: {
  scale: TimeScale;
  dt: DateText;
  today: string | null;
  /** Where the lane column ends: labels of the top row stick just right of it. */
  stickyLeft: number;
}) {
  const { top, bottom } = useMemo(() => axisRows(scale, dt), [scale, dt]);
  const todayAt = todayX(scale, today);
  return (
    <div className="relative h-full select-none" style={{ width: scale.width }} aria-hidden="true">
      {top.map((q) => (
        <div
          key={q.key}
          title={q.title}
          className={cx(
            "absolute top-0 flex items-center border-l px-2 text-xs font-semibold text-ink",
            q.strong ? "border-line-strong" : "border-line",
          )}
          style={{ left: q.x, width: q.width, height: AXIS_ROW_HEIGHT }}
        >
          <span className="sticky truncate" style={{ left: stickyLeft + 8 }}>
            {q.label}
          </span>
        </div>
      ))}
      {bottom.map((m) => (
        <div
          key={m.key}
          title={m.title}
          className="absolute flex items-center overflow-hidden border-t border-l border-line px-1.5 text-xs text-ink-soft tabular-nums"
          style={{ left: m.x, width: m.width, top: AXIS_ROW_HEIGHT, height: AXIS_ROW_HEIGHT }}
        >
          <span className="truncate">{m.label}</span>
        </div>
      ))}
      {todayAt !== null && (
        <span
          className="absolute bottom-0 z-10 -translate-x-1/2 rounded-t bg-danger-600 px-1 text-[10px] leading-3 font-semibold text-white"
          style={{ left: todayAt }}
        >
          Today
        </span>
      )}
    </div>
  );
});

/** Month and quarter lines (and weekends when zoomed in) behind the lanes. */
export const TimeGrid = memo(function TimeGrid({ scale, height }: { scale: TimeScale; height: number }) {
  const lines = useMemo(() => gridLines(scale), [scale]);
  const ppd = scale.pxPerDay;
  const weekends: CSSProperties | undefined =
    ppd >= 8
      ? {
          backgroundImage: `repeating-linear-gradient(90deg, transparent 0, transparent ${5 * ppd}px, rgb(24 24 27 / 0.035) ${5 * ppd}px, rgb(24 24 27 / 0.035) ${7 * ppd}px)`,
          backgroundPositionX: firstWeekendOffset(scale) * ppd,
        }
      : undefined;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute top-0 left-0"
      style={{ width: scale.width, height, ...weekends }}
    >
      {lines.map((l) => (
        <div
          key={l.x}
          className={cx("absolute top-0 bottom-0 w-px", l.strong ? "bg-line-strong" : "bg-line")}
          style={{ left: l.x }}
        />
      ))}
    </div>
  );
});

/** Today's column, a red line through the body (none when today lies outside the range). */
export function TodayLine({ scale, today }: { scale: TimeScale; today: string | null }) {
  const x = todayX(scale, today);
  if (x === null) return null;
  return (
    <div
      aria-hidden="true"
      className="pointer-events-none absolute top-0 bottom-0 w-0.5 bg-danger-600/80"
      style={{ left: x - 1 }}
    />
  );
}
