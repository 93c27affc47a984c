"use client";

import { useDateText } from "@/lib/client/dates";
import { FlagIcon } from "@/components/ui/icons";
import type { FeedbackRoundDetail } from "@/lib/client/feedback-rounds";

export type RoundItem = FeedbackRoundDetail["items"][number];

/** "Milestone · 16 Apr 2027 · Payments" with a key marker, under an item's title. */
export function ItemMeta({ item }: { item: RoundItem }) {
  const dt = useDateText();
  return (
    <span className="flex flex-wrap items-center gap-x-1.5 text-[13px] text-muted">
      <span>{item.kind === "milestone" ? "Milestone" : "Feature"}</span>
      <span aria-hidden="true">·</span>
      <span className="tabular-nums">
        {item.kind === "milestone" ? dt.date(item.endDate) : dt.range(item.startDate, item.endDate)}
      </span>
      {item.workstream && (
        <>
          <span aria-hidden="true">·</span>
          <span>{item.workstream}</span>
        </>
      )}
      {item.isKey && (
        <>
          <span aria-hidden="true">·</span>
          <span className="inline-flex items-center gap-1 font-medium text-accent-800">
            <FlagIcon className="size-3.5" />
            Key
          </span>
        </>
      )}
    </span>
  );
}
