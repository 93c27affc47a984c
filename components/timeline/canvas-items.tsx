"use client";

import type { DateText } from "@/lib/client/dates";
import type { PlacedItem, TimelineLayout } from "@/lib/planning/timeline-layout";
import type { DrawnBaseline } from "./baseline-layer";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import { actualsMarks, withActuals } from "./actuals-text";
import { describeItem, withEditors, withRisks } from "./describe";
import { withNewMark, type Comparison } from "./ghost-layout";
import { TimelineItem, flagsOf, type Editor, type ScheduleEntry } from "./timeline-item";

/**
 * The items drawn, one group per lane (so a screen reader hears the lane), each bar or milestone
 * with its full description as its accessible name: dates, slack, verdicts, risks, who is editing.
 */
export function CanvasItems({
  groups,
  layout,
  scheduleMap,
  feedback,
  risksByItem,
  editorsByItem,
  comparison,
  showCritical,
  canEdit,
  dt,
  tabStop,
  activeId,
  linkingFrom,
  baseline,
  today,
}: {
  groups: Map<number, PlacedItem[]>;
  layout: TimelineLayout;
  scheduleMap: Map<string, ScheduleEntry>;
  feedback: Record<string, FeedbackSummary>;
  risksByItem: Map<string, string[]>;
  editorsByItem: Map<string, Editor[]>;
  comparison: Comparison | null | undefined;
  showCritical: boolean;
  canEdit: boolean;
  dt: DateText;
  /** The item the keyboard enters the timeline on. */
  tabStop: string | null;
  activeId: string | null;
  linkingFrom: string | null;
  /** The chosen snapshot's dates per item and its label (null: no baseline drawn). */
  baseline: DrawnBaseline | null;
  today: string | null;
}) {
  return [...groups.entries()].map(([laneIndex, items]) => (
    <div key={laneIndex} role="group" aria-label={`Lane ${layout.lanes[laneIndex]?.name ?? ""}`}>
      {items.map((p) => {
        const id = p.item.id;
        const entry = scheduleMap.get(id);
        const editors = editorsByItem.get(id);
        const marks = actualsMarks(p.item, baseline?.dates ?? null, today);
        const label = withActuals(
          withNewMark(
            withEditors(
              withRisks(describeItem(p.item, entry, dt, feedback[id]), risksByItem.get(id)),
              editors,
            ),
            id,
            comparison,
          ),
          p.item,
          marks,
          baseline?.label ?? null,
          dt,
        );
        return (
          <TimelineItem
            key={id}
            placed={p}
            {...flagsOf(entry, showCritical)}
            label={label}
            editors={editors}
            risky={risksByItem.has(id)}
            feedback={feedback[id]}
            progress={marks.progress}
            doneMark={marks.mark}
            active={id === tabStop}
            canEdit={canEdit}
            linkRole={linkingFrom === id ? "source" : linkingFrom && id === activeId ? "target" : null}
          />
        );
      })}
    </div>
  ));
}
