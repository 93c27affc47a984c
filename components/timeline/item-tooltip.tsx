"use client";

import { useLayoutEffect, useRef, useState, type ReactNode } from "react";
import { pluralize } from "@/lib/client/format";
import type { Item } from "@/lib/validation/timeline";
import type { DateText } from "@/lib/client/dates";
import { issueText, itemDates, kindLabel } from "./describe";
import { CRITICAL_COLOUR, STATUS_INFO, StatusGlyph, WarningGlyph } from "./item-status";
import type { ScheduleEntry } from "./timeline-item";
import { slipText, type ItemActualsMarks } from "./actuals-text";
import type { DrawnBaseline } from "./baseline-layer";

function Row({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex justify-between gap-3">
      <dt className="shrink-0 whitespace-nowrap text-muted">{label}</dt>
      <dd className="text-right tabular-nums">{children}</dd>
    </div>
  );
}

/**
 * The details of an item under the pointer or keyboard focus. Fixed to the viewport next to the
 * item, so it is never clipped by the scrolling canvas; it stays while hovered and Escape hides it.
 */
export function ItemTooltip({
  id,
  item,
  entry,
  anchor,
  dt,
  ownerName,
  marks,
  baseline,
  onPointerEnter,
  onPointerLeave,
}: {
  id: string;
  item: Item;
  entry: ScheduleEntry | undefined;
  anchor: DOMRect;
  dt: DateText;
  ownerName: string | null;
  /** Progress, slip and done mark (issue #18), and the baseline they are measured against. */
  marks: ItemActualsMarks;
  baseline: DrawnBaseline | null;
  onPointerEnter: () => void;
  onPointerLeave: () => void;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const [position, setPosition] = useState<{ left: number; top: number } | null>(null);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const { width, height } = el.getBoundingClientRect();
    const margin = 8;
    const below = anchor.bottom + margin + height <= window.innerHeight;
    const top = below ? anchor.bottom + margin : Math.max(margin, anchor.top - margin - height);
    const left = Math.min(Math.max(margin, anchor.left), window.innerWidth - width - margin);
    setPosition({ left, top });
  }, [anchor]);

  const issue = issueText(item, entry, dt);
  const estimate = item.estimate;
  return (
    <div
      ref={ref}
      id={id}
      role="tooltip"
      onPointerEnter={onPointerEnter}
      onPointerLeave={onPointerLeave}
      style={{ left: position?.left ?? -9999, top: position?.top ?? -9999 }}
      className="fixed z-50 w-80 max-w-[calc(100vw-1rem)] rounded-lg border border-line bg-surface p-3 text-[13px] leading-5 text-ink shadow-popover"
    >
      <p className="text-xs font-medium text-muted">{kindLabel(item)}</p>
      <p className="font-semibold break-words">{item.title}</p>
      <p className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1 text-ink-soft">
        <span className="inline-flex items-center gap-1">
          <StatusGlyph status={item.status} className="size-3" />
          {STATUS_INFO[item.status].label}
        </span>
        {entry?.critical && (
          <span className="inline-flex items-center gap-1 font-medium" style={{ color: CRITICAL_COLOUR }}>
            <span
              aria-hidden="true"
              className="inline-block h-[3px] w-3 rounded"
              style={{ background: CRITICAL_COLOUR }}
            />
            Critical path
          </span>
        )}
      </p>
      <dl className="mt-2 flex flex-col gap-0.5 border-t border-line pt-2">
        <Row label={item.kind === "milestone" ? "Date" : "Planned"}>{itemDates(item, dt)}</Row>
        {entry && (
          <>
            <Row label="Early start – finish">{dt.range(entry.earlyStart, entry.earlyFinish)}</Row>
            <Row label="Late start – finish">{dt.range(entry.lateStart, entry.lateFinish)}</Row>
            <Row label="Total slack">{pluralize(entry.totalSlackDays, "working day")}</Row>
            <Row label="Duration">
              {item.kind === "milestone" ? "a point in time" : pluralize(entry.durationDays, "working day")}
            </Row>
          </>
        )}
        {item.kind === "feature" && (
          <Row label="Estimate">
            {estimate
              ? `${estimate.optimisticHours}–${estimate.likelyHours}–${estimate.pessimisticHours} h`
              : "not estimated"}
          </Row>
        )}
        {ownerName && <Row label="Owner">{ownerName}</Row>}
        <ActualsRows item={item} marks={marks} dt={dt} />
        {baseline && marks.baseEnd && <Row label="Baseline finish">{dt.date(marks.baseEnd)}</Row>}
      </dl>
      {baseline && item.status !== "cut" && (
        <p
          data-slip={marks.slip ?? undefined}
          className={marks.slip && marks.slip > 0 ? "mt-1 font-medium text-danger-700" : "mt-1 text-ink-soft"}
        >
          {slipText(marks, baseline.label)}.
        </p>
      )}
      {estimate && item.kind === "feature" && (
        <p className="mt-1 text-xs text-muted">Optimistic – likely – pessimistic hours</p>
      )}
      {item.kind === "milestone" && item.outcome && (
        <p className="mt-2 border-t border-line pt-2 text-ink-soft">
          <span className="font-medium text-ink">Outcome: </span>
          {item.outcome}
        </p>
      )}
      {issue && (
        <p className="mt-2 flex gap-1.5 rounded-md bg-danger-50 px-2 py-1.5 text-danger-700">
          <WarningGlyph className="mt-0.5 size-3.5 shrink-0" />
          {issue}
        </p>
      )}
      {!entry && item.status === "cut" && (
        <p className="mt-2 text-muted">Cut items are left out of the schedule.</p>
      )}
    </div>
  );
}

/** Actual dates, remaining hours and progress, where the item has them. */
function ActualsRows({ item, marks, dt }: { item: Item; marks: ItemActualsMarks; dt: DateText }) {
  return (
    <>
      {item.actualStart && <Row label="Actual start">{dt.date(item.actualStart)}</Row>}
      {item.actualFinish && (
        <Row label="Actual finish">
          {dt.date(item.actualFinish)}
          {marks.mark && ` (done ${marks.mark})`}
        </Row>
      )}
      {item.remainingHours !== null && item.status !== "done" && (
        <Row label="Remaining">{item.remainingHours} h</Row>
      )}
      {item.kind === "feature" && marks.progress > 0 && marks.progress < 1 && (
        <Row label="Progress">{Math.round(marks.progress * 100)}%</Row>
      )}
    </>
  );
}
