"use client";

import { memo, useLayoutEffect, useRef, type CSSProperties } from "react";
import { cx } from "@/components/ui/cx";
import { VerdictBadge } from "@/components/comments/verdict-badge";
import { RiskGlyph } from "@/components/risks/risk-flag";
import { initials } from "@/components/ui/avatar";
import { FlagIcon } from "@/components/ui/icons";
import type { Schedule } from "@/lib/client/timeline";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import { CRITICAL_COLOUR, STATUS_INFO, StatusGlyph, VIOLATION_COLOUR, WarningGlyph } from "./item-status";
import { BAR_HEIGHT, MILESTONE_BOX, ROW_HEIGHT, type PlacedItem } from "@/lib/planning/timeline-layout";
import type { DoneMark } from "@/lib/planning/timeline-actuals";
import { PROGRESS_FILLS } from "@/lib/planning/timeline-style";
import { DoneMarkBadge } from "./baseline-layer";

export type ScheduleEntry = Schedule["items"][number];

export interface ItemFlags {
  critical: boolean;
  violation: boolean;
}

export function flagsOf(entry: ScheduleEntry | undefined, showCritical: boolean): ItemFlags {
  return {
    critical: showCritical && !!entry?.critical,
    violation: !!entry && (entry.targetMissed || entry.plannedTargetMissed || entry.plannedStartViolation),
  };
}

export interface TimelineItemProps {
  placed: PlacedItem;
  critical: boolean;
  violation: boolean;
  /** The accessible name: title, kind, dates, status, critical and violation state. */
  label: string;
  active: boolean;
  canEdit: boolean;
  linkRole: "source" | "target" | null;
  /** Other people editing this item now (their names are in the label too). */
  editors?: readonly Editor[];
  /** Comments and feasibility verdicts on the item (also in the label). */
  feedback?: FeedbackSummary;
  /** Linked to a high risk without a contingency plan (the risks are named in the label). */
  risky?: boolean;
  /** Share of the work done, 0-1: the bar's fill (said in the label). */
  progress?: number;
  /** Done work that finished late or early (said in the label). */
  doneMark?: DoneMark | null;
}

export interface Editor {
  userId: string;
  name: string;
  colour: string;
}

/** Small initials of whoever else is editing the item, in their presence colour. */
function EditorMarks({ editors, className }: { editors: readonly Editor[]; className?: string }) {
  return (
    <span aria-hidden="true" className={cx("pointer-events-none flex -space-x-1", className)}>
      {editors.slice(0, 2).map((e) => (
        // The initials are drawn by CSS: they are not part of the bar's text, whose accessible
        // name already says who is editing.
        <span
          key={e.userId}
          title={`${e.name} is editing this`}
          data-initials={initials(e.name)}
          className="inline-flex size-[18px] items-center justify-center rounded-full text-[9px] leading-none font-semibold text-white ring-2 ring-white before:content-[attr(data-initials)]"
          style={{ backgroundColor: e.colour }}
        />
      ))}
    </span>
  );
}

function ringShadow(flags: ItemFlags, linkRole: TimelineItemProps["linkRole"]): string | undefined {
  const parts: string[] = [];
  if (flags.critical) parts.push(`inset 0 -3px 0 ${CRITICAL_COLOUR}`);
  if (flags.violation) parts.push(`0 0 0 2px #fff, 0 0 0 4px ${VIOLATION_COLOUR}`);
  else if (linkRole) parts.push("0 0 0 2px #fff, 0 0 0 4px #0f7567");
  return parts.length ? parts.join(", ") : undefined;
}

/**
 * One feature bar or milestone diamond: a button (Enter opens it), positioned in body pixels.
 * Drags are handled by the canvas (event delegation); while one runs the canvas moves this element
 * with a transform, and the layout effect below clears that once the new position is rendered.
 */
export const TimelineItem = memo(function TimelineItem({
  placed,
  critical,
  violation,
  label,
  active,
  canEdit,
  linkRole,
  editors,
  feedback,
  risky = false,
  progress = 0,
  doneMark = null,
}: TimelineItemProps) {
  const ref = useRef<HTMLButtonElement>(null);
  const flags: ItemFlags = { critical, violation };
  const { item, x, width, row, labelOutside } = placed;
  const milestone = item.kind === "milestone";

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    el.style.transform = "";
    el.style.width = `${width}px`;
    el.style.left = `${x}px`;
  }, [x, width, item.version, item.startDate, item.endDate]);

  const status = STATUS_INFO[item.status];
  const common = {
    ref,
    type: "button" as const,
    "data-item-id": item.id,
    "data-x": x,
    "data-width": width,
    tabIndex: active ? 0 : -1,
    "aria-label": label,
    "data-done-mark": doneMark ?? undefined,
  };

  if (milestone) {
    const style: CSSProperties = {
      left: x,
      top: row * ROW_HEIGHT + (ROW_HEIGHT - MILESTONE_BOX) / 2,
      width: MILESTONE_BOX,
      height: MILESTONE_BOX,
    };
    const diamondShadow = ringShadow({ ...flags, critical: false }, linkRole);
    return (
      <button
        {...common}
        style={style}
        className={cx(
          "absolute flex items-center justify-center rounded-sm select-none",
          "data-[link-hover]:outline-2 data-[link-hover]:outline-offset-2 data-[link-hover]:outline-accent-600",
          canEdit ? "cursor-grab touch-none active:cursor-grabbing" : "cursor-pointer",
        )}
      >
        <span
          aria-hidden="true"
          className={cx(
            "block rotate-45 rounded-[2px] border-2",
            item.isKey ? "size-[19px] border-accent-900 bg-accent-800" : cx("size-3.5", status.diamond),
          )}
          style={{
            boxShadow: diamondShadow,
            ...(flags.critical && { borderColor: CRITICAL_COLOUR, borderWidth: 3 }),
          }}
        />
        <span
          aria-hidden="true"
          className={cx(
            "pointer-events-none absolute top-1/2 left-full ml-1 flex -translate-y-1/2 items-center gap-1 text-[13px] whitespace-nowrap",
            item.isKey ? "font-semibold text-ink" : "text-ink-soft",
            item.status === "cut" && "line-through",
          )}
        >
          {item.isKey && <FlagIcon className="size-3.5 text-accent-800" />}
          {flags.violation && <WarningGlyph />}
          {risky && <RiskGlyph className="size-3.5 shrink-0" data-risk-flag="" />}
          {item.status !== "planned" && <StatusGlyph status={item.status} className="size-3" />}
          {item.title}
          <VerdictBadge summary={feedback} />
          {doneMark && <DoneMarkBadge mark={doneMark} />}
          {editors?.length ? <EditorMarks editors={editors} className="ml-1" /> : null}
        </span>
      </button>
    );
  }

  const style: CSSProperties = {
    left: x,
    top: row * ROW_HEIGHT + (ROW_HEIGHT - BAR_HEIGHT) / 2,
    width,
    height: BAR_HEIGHT,
    boxShadow: ringShadow(flags, linkRole),
    ...(flags.critical && { borderColor: CRITICAL_COLOUR, borderWidth: 2 }),
  };
  const handles = canEdit && width >= 18;
  return (
    <button
      {...common}
      style={style}
      className={cx(
        "group absolute flex items-center rounded-md border text-left text-[13px] leading-none font-medium select-none",
        "data-[link-hover]:outline-2 data-[link-hover]:outline-offset-2 data-[link-hover]:outline-accent-600",
        status.bar,
        canEdit ? "cursor-grab touch-none active:cursor-grabbing" : "cursor-pointer",
      )}
    >
      {progress > 0 && (
        <span
          aria-hidden="true"
          data-progress={Math.round(progress * 100)}
          className="pointer-events-none absolute inset-y-0 left-0 rounded-l-md"
          style={{
            width: `${progress * 100}%`,
            background: PROGRESS_FILLS[item.status],
            ...(progress === 1 && { borderRadius: "inherit" }),
          }}
        />
      )}
      {handles && (
        <span
          data-handle="start"
          aria-hidden="true"
          className="absolute inset-y-0 left-0 w-2 cursor-ew-resize rounded-l-md hover:bg-black/10"
        />
      )}
      <span aria-hidden="true" className="relative flex min-w-0 items-center gap-1.5 overflow-hidden px-2">
        {flags.violation && <WarningGlyph className="size-3.5 shrink-0" />}
        <StatusGlyph status={item.status} className="size-3.5 shrink-0" />
        {!labelOutside && <span className="truncate">{item.title}</span>}
        {!labelOutside && <VerdictBadge summary={feedback} />}
      </span>
      {labelOutside && (
        <span
          aria-hidden="true"
          className={cx(
            "pointer-events-none absolute top-1/2 left-full -translate-y-1/2 text-[13px] font-medium whitespace-nowrap text-ink-soft",
            canEdit ? "ml-5" : "ml-2",
            item.status === "cut" && "line-through",
          )}
        >
          {item.title}
          <VerdictBadge summary={feedback} className="ml-1 align-middle" />
        </span>
      )}
      {handles && (
        <span
          data-handle="end"
          aria-hidden="true"
          className="absolute inset-y-0 right-0 w-2 cursor-ew-resize rounded-r-md hover:bg-black/10"
        />
      )}
      {risky && (
        <span
          aria-hidden="true"
          title="Linked to a high risk without a contingency plan"
          data-risk-flag=""
          className="pointer-events-none absolute -top-2.5 -left-2 flex rounded-full bg-white p-px shadow-xs"
        >
          <RiskGlyph className="size-4" />
        </span>
      )}
      {doneMark && <DoneMarkBadge mark={doneMark} className="absolute -top-2.5 right-5" />}
      {editors?.length ? <EditorMarks editors={editors} className="absolute -top-2.5 -right-1.5" /> : null}
      {canEdit && (
        <span
          data-handle="link"
          aria-hidden="true"
          title="Drag onto another item to link them"
          className="absolute top-1/2 left-full ml-0.5 size-3.5 -translate-y-1/2 cursor-crosshair rounded-full border-2 border-accent-700 bg-white opacity-0 transition-opacity group-hover:opacity-100 group-focus-visible:opacity-100"
        />
      )}
    </button>
  );
});
