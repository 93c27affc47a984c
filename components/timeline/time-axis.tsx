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
  strong?: boolean;
}

/**
 * The two rows of the axis: quarters over months when zoomed out; months (with their quarter) over
 * weeks when zoomed in to months.
 */
function useRows(scale: TimeScale, dt: DateText): { top: Span[]; bottom: Span[] } {
  return useMemo(() => {
    const widthOf = (start: string, end: string) =>
      xOfDay(scale, toDayNumber(end) + 1) - xOfDate(scale, start);
    const quarterStarts = new Set<string>();
    const quarters: Span[] = quarterSpans(scale.start, scale.end).map((q) => {
      const [year, quarter] = q.label.split("-");
      quarterStarts.add(q.start);
      return {
        key: q.label,
        x: xOfDate(scale, q.start),
        width: widthOf(q.start, q.end),
        label: `${quarter} ${year}`,
        title: `${quarter} ${year}: ${dt.range(q.start, q.end)}`,
        strong: true,
      };
    });
    const zoomedIn = scale.pxPerDay >= 8;
    const months: Span[] = monthSpans(scale.start, scale.end).map((m) => ({
      key: m.label,
      x: xOfDate(scale, m.start),
      width: widthOf(m.start, m.end),
      label: zoomedIn
        ? `${dt.monthLong(m.start)} · Q${Math.ceil(Number(m.start.slice(5, 7)) / 3)}`
        : dt.monthShort(m.start),
      title: dt.monthLong(m.start),
      strong: zoomedIn && (quarterStarts.has(m.start) || m.start === scale.start),
    }));
    if (!zoomedIn) return { top: quarters, bottom: months };
    const weeks: Span[] = [];
    for (let d = scale.startDay; d <= scale.endDay;) {
      // Weeks run Monday to Sunday; the first may be partial.
      const next = d + ((8 - dayOfWeek(fromDayNumber(d))) % 7 || 7);
      const end = Math.min(next - 1, scale.endDay);
      const first = fromDayNumber(d);
      weeks.push({
        key: first,
        x: xOfDay(scale, d),
        width: (end - d + 1) * scale.pxPerDay,
        label: end - d >= 2 ? String(Number(first.slice(8))) : "",
        title: `Week of ${dt.date(first)}`,
      });
      d = next;
    }
    return { top: months, bottom: weeks };
  }, [scale, dt]);
}

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
  const { top, bottom } = useRows(scale, dt);
  const todayDay = today ? toDayNumber(today) : null;
  const showToday = todayDay !== null && todayDay >= scale.startDay && todayDay <= scale.endDay;
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
