import { useSyncExternalStore } from "react";
import { formatDate, type DateFormatContext } from "./format";

const TICK_MS = 30_000;

function subscribeToTicks(notify: () => void) {
  const timer = setInterval(notify, TICK_MS);
  return () => clearInterval(timer);
}

/** The clock, rounded to 30 s so the snapshot is stable between ticks. */
function roundedNow(): number {
  return Math.floor(Date.now() / TICK_MS) * TICK_MS;
}

/**
 * Now, re-read every 30 s; null during the server render and hydration, so that relative times
 * ("2 minutes ago") never make the server's HTML differ from the browser's first render.
 */
export function useNow(): number | null {
  return useSyncExternalStore(subscribeToTicks, roundedNow, () => null);
}

const relativeFormatters = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormatter(locale: string | undefined): Intl.RelativeTimeFormat {
  const key = locale ?? "";
  let f = relativeFormatters.get(key);
  if (!f) {
    f = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    relativeFormatters.set(key, f);
  }
  return f;
}

/** "just now", "4 minutes ago", "yesterday"; a date once it is more than a week old. */
export function relativeTimeText(iso: string, now: number, ctx: DateFormatContext): string {
  const at = new Date(iso).getTime();
  if (Number.isNaN(at)) return iso;
  const seconds = Math.round((at - now) / 1000);
  const abs = Math.abs(seconds);
  const f = relativeFormatter(ctx.locale);
  if (abs < 45) return "just now";
  if (abs < 45 * 60) return f.format(Math.round(seconds / 60), "minute");
  if (abs < 22 * 3600) return f.format(Math.round(seconds / 3600), "hour");
  if (abs < 7 * 86_400) return f.format(Math.round(seconds / 86_400), "day");
  return formatDate(iso, "medium", ctx);
}
