import type { Database } from "@/db/types";
import type { DeckData } from "@/lib/exports/timeline/deck";
import type { PictureInput } from "@/lib/exports/timeline/picture-model";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { loadCadence } from "@/lib/services/reviews/cadence";
import { sinceLastReview } from "@/lib/services/dashboards/since-review";
import { DASHBOARD_FORECAST } from "@/lib/services/dashboards/build";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";

/**
 * What the deck of an audience shows besides its timeline. Its figures are the executive dashboard's (key milestones with P80 and
 * on-time probability, top risks, staffing gaps), "since the last review" is the audience's own
 * review's diff, and the next review comes from the cadence: nothing is computed a second way.
 */
export async function deckData(
  db: Database,
  roadmap: RoadmapRow,
  input: Pick<PictureInput, "audience">,
  dashboard: ExecutiveDashboard,
  now: Date,
): Promise<Omit<DeckData, "input">> {
  const [since, cadence] = await Promise.all([
    input.audience === "executive"
      ? dashboard.sinceLastReview
      : sinceLastReview(db, roadmap, input.audience, now),
    loadCadence(db, roadmap.id, now),
  ]);
  return {
    roadmapId: roadmap.id,
    dashboard,
    sinceLastReview: since,
    nextReview: cadence.upcoming.find((u) => u.audience === input.audience) ?? null,
    forecast: DASHBOARD_FORECAST,
  };
}
