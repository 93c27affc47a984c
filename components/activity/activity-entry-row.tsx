"use client";

import type { DateText } from "@/lib/client/dates";
import { UserAvatar } from "@/components/ui/avatar";
import { RelativeTime } from "@/components/ui/relative-time";
import type { ActivityEntry } from "@/lib/validation/collaboration";
import type { NameBook } from "./activity-names";
import { ActivitySentence } from "./activity-sentence";
import { describeActivity } from "./describe-activity";
import { FieldChangeList } from "./field-change-list";

/** One change: who, what (a sentence, then field by field), when. */
export function ActivityEntryRow({
  entry,
  names,
  dt,
}: {
  entry: ActivityEntry;
  names: NameBook;
  dt: DateText;
}) {
  const actor = entry.actor?.name ?? "A former member";
  const { sentence, fields, excerpt } = describeActivity(entry, names, dt);
  return (
    <li className="flex gap-3 py-3" data-activity-id={entry.id}>
      <UserAvatar name={actor} className="mt-0.5 size-7 text-[11px]" />
      <div className="min-w-0 flex-1">
        <p className="text-sm leading-6 break-words text-ink-soft">
          <span className="font-semibold text-ink">{actor}</span> <ActivitySentence segments={sentence} />
          <span className="sr-only">, </span>
          <RelativeTime value={entry.at} className="ml-2 text-xs whitespace-nowrap text-muted" />
        </p>
        <FieldChangeList fields={fields} />
        {excerpt && (
          <blockquote className="mt-1.5 border-l-2 border-line-strong pl-2.5 text-[13px] leading-5 break-words text-muted">
            {excerpt}
          </blockquote>
        )}
      </div>
    </li>
  );
}
