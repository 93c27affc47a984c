// An item's actuals as the timeline shows them (progress, slip since the baseline, done late or
// early) and the same in words for its accessible name and tooltip.

import { pluralize } from "@/lib/client/format";
import type { DateText } from "@/lib/client/dates";
import {
  doneMark,
  itemProgress,
  slipDays,
  type Baseline,
  type DoneMark,
} from "@/lib/planning/timeline-actuals";
import type { Item } from "@/lib/validation/timeline";

export interface ItemActualsMarks {
  /** 0-1. */
  progress: number;
  mark: DoneMark | null;
  /** Working days the finish moved since the baseline (later positive); null: not in it. */
  slip: number | null;
  baseEnd: string | null;
}

export function actualsMarks(item: Item, baseline: Baseline | null, today: string | null): ItemActualsMarks {
  const base = baseline?.get(item.id);
  return {
    progress: itemProgress(item, today ?? item.startDate),
    mark: doneMark(item, base),
    slip: base && item.status !== "cut" ? slipDays(item, base) : null,
    baseEnd: base?.endDate ?? null,
  };
}

/** "Slipped 3 working days since “Q1 review”", "on its baseline", or "added since". */
export function slipText(marks: ItemActualsMarks, baselineLabel: string | null): string | null {
  if (!baselineLabel) return null;
  const since = `“${baselineLabel}”`;
  if (marks.slip === null) return `Not in the baseline ${since}`;
  if (marks.slip > 0) return `Finish slipped ${pluralize(marks.slip, "working day")} since ${since}`;
  if (marks.slip < 0) return `Finish ${pluralize(-marks.slip, "working day")} earlier than in ${since}`;
  return `Finish as in ${since}`;
}

/** The sentences added to an item's accessible name. */
export function withActuals(
  label: string,
  item: Item,
  marks: ItemActualsMarks,
  baselineLabel: string | null,
  dt: DateText,
): string {
  const parts: string[] = [];
  if (marks.mark && item.actualFinish) parts.push(`Done ${marks.mark} on ${dt.date(item.actualFinish)}`);
  else if (item.kind === "feature" && marks.progress > 0 && marks.progress < 1)
    parts.push(`${Math.round(marks.progress * 100)}% done`);
  const slip = item.status === "cut" ? null : slipText(marks, baselineLabel);
  if (slip) parts.push(slip);
  return parts.length ? `${label} ${parts.join(". ")}.` : label;
}
