import { and, asc, countDistinct, desc, eq, gte, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { feedbackResponses, feedbackRounds, reviews } from "@/db/schema";
import type { Audience } from "@/lib/validation/communication-kinds";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import { readSnapshotDocument } from "@/lib/services/snapshots/queries";

/** The latest review with an audience: by the day it was held, then by when it was recorded. */
export async function latestReview(
  db: Database,
  roadmapId: string,
  audience: Audience,
): Promise<{ id: string; heldOn: string; snapshotId: string } | null> {
  const [row] = await db
    .select({ id: reviews.id, heldOn: reviews.heldOn, snapshotId: reviews.snapshotId })
    .from(reviews)
    .where(and(eq(reviews.roadmapId, roadmapId), eq(reviews.audience, audience)))
    .orderBy(desc(reviews.heldOn), desc(reviews.createdAt))
    .limit(1);
  return row ?? null;
}

export async function loadSnapshotDocument(db: Database, snapshotId: string): Promise<RoadmapDocument> {
  // reviews.snapshot_id is a foreign key that cascades: the review's snapshot always exists.
  return (await readSnapshotDocument(db, snapshotId))!;
}

/**
 * Feedback rounds still taking answers on `today` (UTC): not closed early and closing today or
 * later, soonest first, each with how many people answered.
 */
export function openFeedbackRounds(db: Database, roadmapId: string, today: string) {
  return db
    .select({
      id: feedbackRounds.id,
      question: feedbackRounds.question,
      audience: feedbackRounds.audience,
      closesOn: feedbackRounds.closesOn,
      respondentCount: countDistinct(feedbackResponses.userId),
    })
    .from(feedbackRounds)
    .leftJoin(feedbackResponses, eq(feedbackResponses.roundId, feedbackRounds.id))
    .where(
      and(
        eq(feedbackRounds.roadmapId, roadmapId),
        isNull(feedbackRounds.closedAt),
        gte(feedbackRounds.closesOn, today),
      ),
    )
    .groupBy(feedbackRounds.id)
    .orderBy(asc(feedbackRounds.closesOn), asc(feedbackRounds.createdAt));
}
