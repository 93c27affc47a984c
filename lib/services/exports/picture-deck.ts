import type { Database } from "@/db/types";
import { buildDeckFile } from "@/lib/exports/timeline/deck";
import type { PictureInput } from "@/lib/exports/timeline/picture-model";
import type { ExecutiveDashboard } from "@/lib/validation/communication";
import { loadCadence } from "@/lib/services/reviews/cadence";
import { sinceLastReview } from "@/lib/services/dashboards/since-review";
import { DASHBOARD_FORECAST } from "@/lib/services/dashboards/build";
import { pictureFonts } from "./picture-fonts";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";

/**
 * The deck of an audience. Its figures are the executive dashboard's (key milestones with P80 and
 * on-time probability, top risks, staffing gaps), "since the last review" is the audience's own
 * review's diff, and the next review comes from the cadence: nothing is computed a second way.
 */
export async function deckFile(
  db: Database,
  roadmap: RoadmapRow,
  input: PictureInput,
  dashboard: ExecutiveDashboard,
  now: Date,
): Promise<Buffer> {
  const [since, cadence] = await Promise.all([
    input.audience === "executive"
      ? dashboard.sinceLastReview
      : sinceLastReview(db, roadmap, input.audience, now),
    loadCadence(db, roadmap.id, now),
  ]);
  return buildDeckFile(
    {
      input,
      roadmapId: roadmap.id,
      dashboard,
      sinceLastReview: since,
      nextReview: cadence.upcoming.find((u) => u.audience === input.audience) ?? null,
      forecast: DASHBOARD_FORECAST,
    },
    pictureFonts().shaper,
  );
}
