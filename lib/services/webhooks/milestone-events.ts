import type { Database } from "@/db/types";
import { milestoneAlerts, type RecordedMilestone } from "@/lib/planning/milestone-alerts";
import type { ForecastMethod } from "@/lib/validation/learning";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { queueWebhookEvent, roadmapEvent } from "./events";

/**
 * The method whose records speak to webhooks: every roadmap has a PERT forecast (history needs
 * history), and one method's view keeps one milestone from being announced twice.
 */
export const ALERTING_METHOD: ForecastMethod = "pert";

const percent = (p: number | null) => (p === null ? "unknown" : `${Math.round(p * 100)}%`);

/**
 * In the transaction that stores a forecast record: `milestone.at_risk` for each key milestone that
 * became at risk or missed, and `milestone.p80_moved` for each whose P80 moved, against the record
 * before it (lib/planning/milestone-alerts.ts).
 */
export async function queueMilestoneAlerts(
  tx: Database,
  roadmap: RoadmapRow,
  previous: { on: string; milestones: readonly RecordedMilestone[] } | null,
  current: readonly RecordedMilestone[],
  today: string,
): Promise<void> {
  for (const alert of milestoneAlerts(previous, current, today)) {
    const m = alert.milestone;
    const milestone = {
      itemId: m.milestoneId,
      targetDate: m.targetDate,
      p50: m.p50,
      p80: m.p80,
      onTimeProbability: m.onTimeProbability,
    };
    const event =
      alert.kind === "milestone.at_risk"
        ? roadmapEvent(
            alert.kind,
            roadmap,
            alert.state === "missed"
              ? `${m.title} missed its target of ${m.targetDate}`
              : `${m.title} is at risk: ${percent(m.onTimeProbability)} chance of ${m.targetDate}`,
            { ...milestone, state: alert.state, previousOnTimeProbability: alert.previousOnTimeProbability },
          )
        : roadmapEvent(
            alert.kind,
            roadmap,
            `${m.title}: P80 moved ${alert.days > 0 ? "later" : "earlier"} from ${alert.fromP80} to ${m.p80}`,
            { ...milestone, fromP80: alert.fromP80, days: alert.days },
          );
    await queueWebhookEvent(tx, roadmap.teamId, event);
  }
}
