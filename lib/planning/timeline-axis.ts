// The timeline's time axis, grid and phase bands as geometry: what the page draws in the browser and
// the pictures draw on the server, from one set of rules.

import { dayOfWeek, fromDayNumber, monthSpans, quarterSpans, toDayNumber } from "./calendar";
import type { DateText } from "./date-text";
import { xAfterDate, xOfDate, xOfDay, type TimeScale } from "./timeline-layout";

export interface AxisSpan {
  key: string;
  x: number;
  width: number;
  label: string;
  title: string;
  strong?: boolean;
}

/** Quarters over months, or (zoomed in) months over weeks. */
export type AxisDetail = "quarters" | "months";

/** The page shows months over weeks once a day is wide enough for week numbers to read. */
export function axisDetailOf(scale: TimeScale): AxisDetail {
  return scale.pxPerDay >= 8 ? "months" : "quarters";
}

function weekSpans(scale: TimeScale, dt: DateText): AxisSpan[] {
  const weeks: AxisSpan[] = [];
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
  return weeks;
}

/** The two rows of the axis over the scale's dates. */
export function axisRows(
  scale: TimeScale,
  dt: DateText,
  detail: AxisDetail = axisDetailOf(scale),
): { top: AxisSpan[]; bottom: AxisSpan[] } {
  const widthOf = (start: string, end: string) => xAfterDate(scale, end) - xOfDate(scale, start);
  const quarterStarts = new Set<string>();
  const quarters: AxisSpan[] = quarterSpans(scale.start, scale.end).map((q) => {
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
  const zoomedIn = detail === "months";
  const months: AxisSpan[] = monthSpans(scale.start, scale.end).map((m) => ({
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
  return { top: months, bottom: weekSpans(scale, dt) };
}

/** Month lines behind the lanes, strong where a quarter starts. */
export function gridLines(scale: TimeScale): Array<{ x: number; strong: boolean }> {
  const quarterStarts = new Set(quarterSpans(scale.start, scale.end).map((q) => q.start));
  return monthSpans(scale.start, scale.end).map((m) => ({
    x: xOfDate(scale, m.start),
    strong: quarterStarts.has(m.start),
  }));
}

/** Where the first weekend starts, in days from the scale's start (weekends shade when zoomed in). */
export function firstWeekendOffset(scale: TimeScale): number {
  return (8 - dayOfWeek(scale.start)) % 7;
}

/** A phase's band across its dates, at least 6 pixels wide. */
export function phaseBox(scale: TimeScale, phase: { startDate: string; endDate: string }) {
  const x = xOfDate(scale, phase.startDate);
  return { x, width: Math.max(6, xOfDay(scale, toDayNumber(phase.endDate) + 1) - x) };
}
