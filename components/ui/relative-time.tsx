"use client";

import { formatDate } from "@/lib/client/format";
import { useDateFormat } from "@/lib/client/locale";
import { relativeTimeText, useNow } from "@/lib/client/relative-time";

/** "2 minutes ago" in a <time>, with the full date and time as its tooltip. */
export function RelativeTime({ value, className }: { value: string; className?: string }) {
  const ctx = useDateFormat();
  const now = useNow();
  const full = formatDate(value, "dateTime", ctx);
  return (
    <time dateTime={value} title={full} className={className}>
      {now === null ? full : relativeTimeText(value, now, ctx)}
    </time>
  );
}
