"use client";

// The item parts of a change report: lists of added and removed items, the table of moved ones,
// and field-by-field changes.

import type { DateText } from "@/lib/client/dates";
import { cx } from "@/components/ui/cx";
import { ArrowRightIcon, FlagIcon } from "@/components/ui/icons";
import type { DiffItemRef, RoadmapDiff } from "@/lib/validation/communication";
import { dayShift, diffFieldLabel, diffValue } from "./review-text";

function ItemName({
  item,
  struck = false,
}: {
  item: Pick<DiffItemRef, "title" | "isKey" | "kind">;
  struck?: boolean;
}) {
  return (
    <span className="inline-flex min-w-0 items-center gap-1.5">
      {item.isKey && (
        <>
          <FlagIcon className="size-3.5 shrink-0 text-accent-800" />
          <span className="sr-only">Key {item.kind}:</span>
        </>
      )}
      <span className={cx("font-medium text-ink", struck && "text-muted line-through")}>{item.title}</span>
    </span>
  );
}

function dates(item: { kind: string; startDate: string; endDate: string }, dt: DateText): string {
  return item.kind === "milestone" ? dt.date(item.startDate) : dt.range(item.startDate, item.endDate);
}

/** "+14 days" for a plain move, "start +14 days, end +20 days" when the length changed too. */
function shiftText(m: RoadmapDiff["items"]["moved"][number]): string {
  if (m.kind === "milestone" || m.startDays === m.endDays) return dayShift(m.startDays);
  return `start ${dayShift(m.startDays)}, end ${dayShift(m.endDays)}`;
}

export function ItemList({ items, struck, dt }: { items: DiffItemRef[]; struck?: boolean; dt: DateText }) {
  return (
    <ul className="flex flex-col gap-1.5 text-sm">
      {items.map((item) => (
        <li key={item.id} className="flex flex-wrap items-baseline gap-x-2">
          {struck && <span className="sr-only">Removed:</span>}
          <ItemName item={item} struck={struck} />
          <span className="text-[13px] text-muted">
            {dates(item, dt)}
            {item.workstream && ` · ${item.workstream}`}
          </span>
        </li>
      ))}
    </ul>
  );
}

export function Moved({ moved, dt }: { moved: RoadmapDiff["items"]["moved"]; dt: DateText }) {
  return (
    <div className="relative overflow-x-auto">
      <table className="w-full text-[13px] sm:text-sm">
        <caption className="sr-only">Items whose dates changed, largest move first</caption>
        <thead>
          <tr className="border-b border-line text-left text-xs text-muted">
            <th scope="col" className="py-2 pr-3 font-medium">
              Item
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Was
            </th>
            <th scope="col" className="py-2 pr-3 font-medium">
              Now
            </th>
            <th scope="col" className="py-2 text-right font-medium">
              Moved
            </th>
          </tr>
        </thead>
        <tbody>
          {moved.map((m) => (
            <tr key={m.id} className="border-b border-line last:border-b-0" data-moved-item={m.title}>
              <th scope="row" className="py-2 pr-3 text-left font-normal">
                <ItemName item={m} />
              </th>
              <td className="py-2 pr-3 text-muted">
                {dates({ ...m, startDate: m.fromStart, endDate: m.fromEnd }, dt)}
              </td>
              <td className="py-2 pr-3 text-ink">{dates(m, dt)}</td>
              <td
                className={cx(
                  "py-2 text-right font-medium whitespace-nowrap tabular-nums",
                  m.startDays > 0 || m.endDays > 0 ? "text-warning-800" : "text-success-800",
                )}
              >
                {shiftText(m)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function FieldChanges({
  changed,
  itemTitle,
}: {
  changed: { id: string; title: string; fields: { field: string; from: unknown; to: unknown }[] }[];
  itemTitle: (id: string) => string;
}) {
  return (
    <ul className="flex flex-col gap-3 text-sm">
      {changed.map((c) => (
        <li key={c.id}>
          <p className="font-medium text-ink">{c.title}</p>
          <dl className="mt-1 grid grid-cols-[auto_minmax(0,1fr)] gap-x-3 gap-y-0.5 text-[13px]">
            {c.fields.map((f) => (
              <div key={f.field} className="contents">
                <dt className="text-muted">{diffFieldLabel(f.field)}</dt>
                <dd className="break-words text-ink">
                  <span className="text-muted">{diffValue(f.field, f.from, itemTitle)}</span>
                  <ArrowRightIcon className="mx-1.5 inline size-3.5 text-muted" aria-label="changed to" />
                  {diffValue(f.field, f.to, itemTitle)}
                </dd>
              </div>
            ))}
          </dl>
        </li>
      ))}
    </ul>
  );
}
