// When a member's digest is due and which span it covers: from their settings (daily or weekly,
// time zone, send hour) and the clock. Pure, so the hourly job and its tests share one answer.
import type { DigestFrequency } from "@/lib/validation/delivery-kinds";

export interface DigestPeriod {
  /** Names the period ("daily:2027-03-10", "weekly:2027-03-08"): one digest each, ever. */
  key: string;
  /** The span it tells about: the send time of the previous period up to this one's. */
  from: Date;
  until: Date;
}

const DAY_MS = 86_400_000;

/** The wall-clock date, hour and weekday of an instant in a time zone (weekday 1 = Monday). */
function localParts(now: Date, timeZone: string) {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-US", {
      timeZone,
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
      hourCycle: "h23",
    })
      .formatToParts(now)
      .map((p) => [p.type, p.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday) + 1;
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    weekday,
  };
}

/**
 * The period whose digest is due at `now`, or null: due in the member's send hour (their time
 * zone) every day, or on Mondays for a weekly one. It covers the whole period before that hour,
 * so consecutive digests neither overlap nor leave a gap.
 */
export function dueDigestPeriod(
  now: Date,
  settings: { frequency: DigestFrequency; timeZone: string; hour: number },
): DigestPeriod | null {
  if (settings.frequency === "off") return null;
  const local = localParts(now, settings.timeZone);
  if (local.hour !== settings.hour) return null;
  if (settings.frequency === "weekly" && local.weekday !== 1) return null;
  // The send hour's start: now, less the minutes past the local hour (whole minutes: zones differ
  // from UTC by whole minutes), less the seconds past the minute.
  const until = new Date(now.getTime() - local.minute * 60_000 - (now.getTime() % 60_000));
  const days = settings.frequency === "daily" ? 1 : 7;
  return {
    key: `${settings.frequency}:${local.date}`,
    from: new Date(until.getTime() - days * DAY_MS),
    until,
  };
}
