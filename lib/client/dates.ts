"use client";

import { useMemo, useSyncExternalStore } from "react";
import { useDateFormat } from "@/lib/client/locale";
import { makeDateText, type DateText } from "@/lib/planning/date-text";

export type { DateText };

/** Date text in the reader's locale (the server's guess until hydration, then the browser's). */
export function useDateText(): DateText {
  const { locale } = useDateFormat();
  return useMemo(() => makeDateText(locale), [locale]);
}

function localToday(): string {
  const now = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function subscribeToDayChange(notify: () => void) {
  const timer = setInterval(notify, 60_000);
  return () => clearInterval(timer);
}

/** Today in the reader's own calendar; null during the server render (no guessing a time zone there). */
export function useToday(): string | null {
  return useSyncExternalStore(subscribeToDayChange, localToday, () => null);
}
