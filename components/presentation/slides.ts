import {
  planByQuarter,
  quarterName,
  type PlanItem,
  type PlanQuarter,
} from "@/components/sharing/quarter-plan";
import type { ExecutiveDashboard } from "@/lib/validation/communication";

export type Slide =
  | { kind: "title"; title: string }
  | { kind: "timeline"; title: string }
  | { kind: "quarter"; title: string; quarter: PlanQuarter<PlanItem> }
  | { kind: "milestones"; title: string }
  | { kind: "risks"; title: string }
  | { kind: "changes"; title: string };

/**
 * The deck, in order: the title, the whole timeline, one slide per quarter of the horizon, the key milestones with
 * their confidence, the top risks, and what changed since the last executive review.
 */
export function buildSlides(
  roadmap: { title: string; startDate: string; horizonMonths: number },
  workstreams: ReadonlyArray<{ id: string; name: string }>,
  items: readonly PlanItem[],
  dashboard: Pick<ExecutiveDashboard, "sinceLastReview">,
): Slide[] {
  return [
    { kind: "title", title: roadmap.title },
    { kind: "timeline", title: "Timeline" },
    ...planByQuarter(roadmap, workstreams, items).map((quarter): Slide => ({
      kind: "quarter",
      title: quarterName(quarter.quarter),
      quarter,
    })),
    { kind: "milestones", title: "Key milestones" },
    { kind: "risks", title: "Top risks" },
    {
      kind: "changes",
      title: dashboard.sinceLastReview ? "What changed since the last review" : "Since the last review",
    },
  ];
}
