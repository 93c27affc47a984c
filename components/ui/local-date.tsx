"use client";

import { formatDate, type DateStyle } from "@/lib/client/format";
import { useDateFormat } from "@/lib/client/locale";

/** A timestamp or plan date in the reader's locale, inside a machine-readable <time>. */
export function LocalDate({
  value,
  style = "medium",
  className,
}: {
  value: string;
  style?: DateStyle;
  className?: string;
}) {
  const ctx = useDateFormat();
  return (
    <time dateTime={value} className={className}>
      {formatDate(value, style, ctx)}
    </time>
  );
}
