import type { Database } from "@/db/types";
import { sinceReview } from "@/lib/planning/dashboard-review";
import { diffDocuments } from "@/lib/planning/roadmap-diff";
import type { Audience, ExecutiveDashboard } from "@/lib/validation/communication";
import { latestReview, loadSnapshotDocument } from "./queries";
import { promiseCache } from "@/lib/services/kernel/promise-cache";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadRoadmapDocument } from "@/lib/services/roadmaps/document";

type SinceReview = ReturnType<typeof sinceReview>;

/**
 * Diffs by (roadmap, its change sequence number, review). Loading the live document and diffing it
 * against the review's snapshot is most of an executive dashboard's work; the snapshot never
 * changes and every roadmap change moves seq, so a repeated read of an unchanged roadmap answers
 * from memory. (A skill renamed or a member's email changed in the team, which are not roadmap
 * changes, shows in the "changed" count from the roadmap's next change on.)
 */
const cache = promiseCache<SinceReview>(20);

/**
 * What changed since the roadmap's latest review with an audience (the executive dashboard's, and
 * each audience's deck), or null when none was held.
 */
export async function sinceLastReview(
  db: Database,
  roadmap: RoadmapRow,
  audience: Audience,
  now: Date,
): Promise<ExecutiveDashboard["sinceLastReview"]> {
  const review = await latestReview(db, roadmap.id, audience);
  if (!review) return null;
  const changes = await cache.get(`${roadmap.id}:${roadmap.seq}:${review.id}`, async () => {
    const [before, after] = await Promise.all([
      loadSnapshotDocument(db, review.snapshotId),
      loadRoadmapDocument(db, roadmap, now),
    ]);
    return sinceReview(diffDocuments(before, after));
  });
  return { reviewId: review.id, heldOn: review.heldOn, ...changes };
}

/** What changed since the roadmap's latest executive review, or null when none was held. */
export function sinceLastExecutiveReview(db: Database, roadmap: RoadmapRow, now: Date) {
  return sinceLastReview(db, roadmap, "executive", now);
}
