// Words for scenarios and their comparison with the live roadmap: pure, so that they are unit-tested
// and the list, the banner and the compare page say the same things.

import { diffFieldLabel, diffValue, plural } from "@/components/reviews/review-text";
import type { BadgeTone } from "@/components/ui/badge";
import { toDayNumber } from "@/lib/planning/calendar";
import type { ApplyScenarioResult, Scenario, ScenarioConflict } from "@/lib/client/scenarios";

/** Calendar days from the live date to the scenario's (null when either side has none). */
export function daysBetween(from: string | null | undefined, to: string | null | undefined): number | null {
  if (!from || !to) return null;
  return toDayNumber(to) - toDayNumber(from);
}

export interface GapChange {
  label: string;
  tone: BadgeTone;
}

/** How a skill's staffing gap moves: "closes", "−120 h", "+40 h", "opens", "unchanged". */
export function gapChange(baseGapHours: number, scenarioGapHours: number): GapChange {
  const base = Math.round(baseGapHours);
  const scenario = Math.round(scenarioGapHours);
  if (base > 0 && scenario <= 0) return { label: "closes", tone: "success" };
  if (base <= 0 && scenario > 0) return { label: "opens", tone: "danger" };
  if (base === scenario) return { label: "unchanged", tone: "neutral" };
  const diff = scenario - base;
  return {
    label: `${diff > 0 ? "+" : "\u2212"}${Math.abs(diff).toLocaleString()} h`,
    tone: diff < 0 ? "success" : "warning",
  };
}

export function hours(n: number): string {
  return `${Math.round(Math.max(0, n)).toLocaleString()} h`;
}

const CONFLICT_ENTITY: Record<ScenarioConflict["entity"], string> = {
  item: "Item",
  dependency: "Dependency",
  workstream: "Lane",
  phase: "Phase",
  risk: "Risk",
  staffing: "Staffing",
  roadmap: "Roadmap",
};

export function conflictThing(conflict: ScenarioConflict): string {
  return `${CONFLICT_ENTITY[conflict.entity]} “${conflict.title}”`;
}

/**
 * A conflicting field's value as a person reads it. Removals and loops come as words ("removed",
 * "changed"); a whole staffing plan is too long to show, so it reads as "its own changes".
 */
export function conflictValue(
  conflict: ScenarioConflict,
  side: "base" | "scenario",
  date: (iso: string) => string = (iso) => iso,
): string {
  const value = conflict[side];
  if (typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value)) return date(value);
  if (conflict.field === "workstreamId") return value ? "another lane" : "no lane";
  if (typeof value === "string" && (conflict.field === "removed" || conflict.field === "cycle")) return value;
  if (conflict.entity === "staffing") return "its own changes";
  if (typeof value === "object" && value !== null && !("optimisticHours" in value)) return "changed";
  return diffValue(conflict.field, value, () => "an item");
}

const CONFLICT_FIELD: Record<string, string> = {
  startDate: "Start",
  endDate: "End",
  workstreamId: "Lane",
  position: "Order",
  horizonMonths: "Horizon",
  lagDays: "Lag",
  rows: "Staffing rows",
  removed: "Removed on one side",
  cycle: "Dependency loop",
};

export function conflictField(conflict: ScenarioConflict): string {
  return CONFLICT_FIELD[conflict.field] ?? diffFieldLabel(conflict.field);
}

/** "Applied: 3 updated, 1 added, 2 dependency changes." */
export function appliedSummary({ applied }: Pick<ApplyScenarioResult, "applied">): string {
  const parts = [
    applied.updated ? `${applied.updated} updated` : "",
    applied.added ? `${applied.added} added` : "",
    applied.removed ? `${applied.removed} removed` : "",
    applied.dependencies ? plural(applied.dependencies, "dependency change") : "",
  ].filter(Boolean);
  return parts.length ? `${parts.join(", ")}.` : "nothing needed to change.";
}

/** Why the scenario can no longer be applied or discarded, or null while it is open. */
export function closedReason(status: Scenario["status"]): string | null {
  if (status === "applied") return "This scenario was applied to the live roadmap; it is kept for reference.";
  if (status === "discarded") return "This scenario was discarded; it is kept for reference.";
  return null;
}
