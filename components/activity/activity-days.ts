import type { DateFormatContext } from "@/lib/client/format";
import type { ActivityEntry } from "@/lib/validation/collaboration";

export interface ActivityDay {
  /** YYYY-MM-DD in the reader's time zone. */
  key: string;
  entries: ActivityEntry[];
}

const keyFormatters = new Map<string, Intl.DateTimeFormat>();

/** The calendar day of a timestamp in the reader's time zone (or the context's), as YYYY-MM-DD. */
export function dayKey(at: string | number, ctx: DateFormatContext): string {
  const zone = ctx.timeZone ?? "";
  let f = keyFormatters.get(zone);
  if (!f) {
    // en-CA writes dates as YYYY-MM-DD.
    f = new Intl.DateTimeFormat("en-CA", {
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      ...(ctx.timeZone && { timeZone: ctx.timeZone }),
    });
    keyFormatters.set(zone, f);
  }
  return f.format(new Date(at));
}

/** Entries (newest first) in runs of one day each, newest day first. */
export function groupByDay(entries: ActivityEntry[], ctx: DateFormatContext): ActivityDay[] {
  const days: ActivityDay[] = [];
  for (const entry of entries) {
    const key = dayKey(entry.at, ctx);
    const last = days.at(-1);
    if (last?.key === key) last.entries.push(entry);
    else days.push({ key, entries: [entry] });
  }
  return days;
}

/** "Today", "Yesterday", else "Monday, 23 Nov 2026"; without a clock (server render), the date. */
export function dayLabel(key: string, now: number | null, ctx: DateFormatContext): string {
  if (now !== null) {
    if (key === dayKey(now, ctx)) return "Today";
    if (key === dayKey(now - 86_400_000, ctx)) return "Yesterday";
  }
  const [y, m, d] = key.split("-").map(Number);
  return new Intl.DateTimeFormat(ctx.locale, {
    weekday: "long",
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(y, m - 1, d)));
}
