"use client";

import { memo, useMemo, type CSSProperties } from "react";
import { cx } from "@/components/ui/cx";
import { dayOfWeek, fromDayNumber, monthSpans, quarterSpans, toDayNumber } from "@/lib/planning/calendar";
import type { DateText } from "./dates";
import { AXIS_ROW_HEIGHT, xOfDate, xOfDay, type TimeScale } from "./layout";

interface Span {
  key: string;
  x: number;
  width: number;
  label: string;
  title: string;
}

function useSpans(scale: TimeScale, dt: DateText) {
  return useMemo(() => {
    const quarters: Span[] = quarterSpans(scale.start, scale.end).map((q) => {
      const x = xOfDate(scale, q.start);
      const [year, quarter] = q.label.split("-");
      return {
        key: q.label,
        x,
        width: xOfDay(scale, toDayNumber(q.end) + 1) - x,
        label: `${quarter} ${year}`,
        title: `${quarter} ${year}: ${dt.range(q.start, q.end)}`,
      };
    });
    const months: Span[] = monthSpans(scale.start, scale.end).map((m) => {
      const x = xOfDate(scale, m.start);
      return {
        key: m.label,
        x,
        width: xOfDay(scale, toDayNumber(m.end) + 1) - x,
        label: scale.pxPerDay >= 8 ? dt.monthLong(m.start) : dt.monthShort(m.start),
        title: dt.monthLong(m.start),
      };
    });
    // Mondays, for week ticks when zoomed in to months.
    const mondays: number[] = [];
    if (scale.pxPerDay >= 8) {
      const first = scale.startDay + ((8 - dayOfWeek(scale.start)) % 7);
      for (let d = first; d <= scale.endDay; d += 7) mondays.push(d);
    }
    return { quarters, months, mondays };
  }, [scale, dt]);
}

/** Quarters over months, drawn across the whole horizon; the canvas keeps it stuck to the top. */
export const TimeAxis = memo(function TimeAxis({
  scale,
  dt,
  today,
  stickyLeft,
}: {
  scale: TimeScale;
  dt: DateText;
  today: string | null;
  /** Where the lane column ends: quarter labels stick just right of it. */
  stickyLeft: number;
}) {
  const { quarters, months, mondays } = useSpans(scale, dt);
  const todayDay = today ? toDayNumber(today) : null;
  const showToday = todayDay !== null && todayDay >= scale.startDay && todayDay <= scale.endDay;
  return (
    <div className="relative h-full select-none" style={{ width: scale.width }} aria-hidden="true">
      {quarters.map((q) => (
        <div
          key={q.key}
          title={q.title}
          className="absolute top-0 flex items-center border-l border-line-strong px-2 text-xs font-semibold text-ink"
          style={{ left: q.x, width: q.width, height: AXIS_ROW_HEIGHT }}
        >
          <span className="sticky truncate" style={{ left: stickyLeft + 8 }}>
            {q.label}
          </span>
        </div>
      ))}
      {months.map((m) => (
        <div
          key={m.key}
          title={m.title}
          className="absolute flex items-center overflow-hidden border-t border-l border-line px-1.5 text-xs text-ink-soft"
          style={{ left: m.x, width: m.width, top: AXIS_ROW_HEIGHT, height: AXIS_ROW_HEIGHT }}
        >
          <span className="truncate">{m.label}</span>
        </div>
      ))}
      {mondays.map((d) => (
        <span
          key={d}
          className="absolute bottom-0.5 text-[10px] leading-none text-muted tabular-nums"
          style={{ left: xOfDay(scale, d) + 2 }}
        >
          {Number(fromDayNumber(d).slice(8))}
        </span>
      ))}
      {showToday && (
        <span
          className="absolute bottom-0 z-10 -translate-x-1/2 rounded-t bg-danger-600 px-1 text-[10px] leading-3 font-semibold text-white"
          style={{ left: xOfDay(scale, todayDay) + scale.pxPerDay / 2 }}
        >
          Today
        </span>
      )}
    </div>
  );
});

/** Month and quarter lines (and weekends when zoomed in) behind the lanes. */
export const TimeGrid = memo(function TimeGrid({ scale, height }: { scale: TimeScale; height: number }) {
  const lines = useMemo(() => {
    const out: Array<{ x: number; strong: boolean }> = [];
    const quarterStarts = new Set(quarterSpans(scale.start, scale.end).map((q) => q.start));
    for (const m of monthSpans(scale.start, scale.end)) {
      out.push({ x: xOfDate(scale, m.start), strong: quarterStarts.has(m.start) });
    }
    return out;
  }, [scale]);
  const ppd = scale.pxPerDay;
  const weekends: CSSProperties | undefined =
    ppd >= 8
      ? {
          backgroundImage: `repeating-linear-gradient(90deg, transparent 0, transparent ${5 * ppd}px, rgb(24 24 27 / 0.035) ${5 * ppd}px, rgb(24 24 27 / 0.035) ${7 * ppd}px)`,
          backgroundPositionX: ((8 - dayOfWeek(scale.start)) % 7) * ppd,
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
