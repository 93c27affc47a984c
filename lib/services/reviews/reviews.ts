import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { reviews, snapshots } from "@/db/schema";
import { addDays } from "@/lib/planning/civil-date";
import {
  AUDIENCE_LABELS,
  type Audience,
  type CreateReviewInput,
  type Review,
} from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { utcDate } from "./cadence";
import { AppError } from "@/lib/services/kernel/errors";
import { loadPeople } from "@/lib/services/teams/people";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { recordReviewForecast } from "@/lib/services/forecast/records";
import { queueWebhookEvent, roadmapEvent } from "@/lib/services/webhooks/events";
import {
  snapshotMetaColumns,
  takeSnapshot,
  toSnapshot,
  type SnapshotMeta,
} from "@/lib/services/snapshots/take";

type ReviewRow = typeof reviews.$inferSelect;

/** "Executive review 2027-03-01": the label of the snapshot a review takes. */
export function reviewSnapshotLabel(audience: Audience, heldOn: string): string {
  return `${AUDIENCE_LABELS[audience]} review ${heldOn}`;
}

async function presentReviews(
  db: Database,
  rows: { review: ReviewRow; snapshot: SnapshotMeta }[],
): Promise<Review[]> {
  const people = await loadPeople(
    db,
    rows.flatMap((r) => [r.review.createdBy, r.snapshot.createdBy]),
  );
  return rows.map(({ review, snapshot }) => ({
    id: review.id,
    roadmapId: review.roadmapId,
    audience: review.audience,
    heldOn: review.heldOn,
    notes: review.notes,
    decisions: review.decisions,
    snapshot: toSnapshot(snapshot, people),
    createdBy: review.createdBy ? (people.get(review.createdBy) ?? null) : null,
    createdAt: review.createdAt.toISOString(),
  }));
}

/** Reviews held, latest heldOn first (then the latest recorded). */
export async function listReviews(db: Database, actor: Actor, roadmapId: string): Promise<Review[]> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  const rows = await db
    .select({ review: reviews, snapshot: snapshotMetaColumns })
    .from(reviews)
    .innerJoin(snapshots, eq(snapshots.id, reviews.snapshotId))
    .where(eq(reviews.roadmapId, roadmapId))
    .orderBy(desc(reviews.heldOn), desc(reviews.createdAt), desc(reviews.id));
  return presentReviews(db, rows);
}

/**
 * Records a review and freezes the roadmap as reviewed, in one transaction under the roadmap lock.
 * A review is recorded on or after the day it is held; tomorrow (UTC) is allowed so that someone
 * a time zone ahead can record today's review.
 */
export async function createReview(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreateReviewInput,
  now: Date = new Date(),
): Promise<Review> {
  const rows = await db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    const latest = addDays(utcDate(now), 1);
    if (input.heldOn > latest) {
      const message = `A review is recorded once held: heldOn must be on or before ${latest}.`;
      throw new AppError("invalid_request", message, { details: [{ path: "heldOn", message }] });
    }
    const snapshot = await takeSnapshot(tx, actor, roadmap, {
      label: reviewSnapshotLabel(input.audience, input.heldOn),
      kind: "review",
    });
    const [review] = await tx
      .insert(reviews)
      .values({
        roadmapId,
        audience: input.audience,
        heldOn: input.heldOn,
        notes: input.notes,
        decisions: input.decisions,
        snapshotId: snapshot.id,
        createdBy: actor.userId,
      })
      .returning();
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "review",
      entityId: review.id,
      action: "created",
      changes: { audience: review.audience, heldOn: review.heldOn },
    });
    await queueWebhookEvent(
      tx,
      roadmap.teamId,
      roadmapEvent("review.recorded", roadmap, `${review.audience} review of ${review.heldOn}`, {
        reviewId: review.id,
        audience: review.audience,
        heldOn: review.heldOn,
      }),
    );
    return [{ review, snapshot }];
  });
  // After the commit: the forecast at this review joins the confidence series (#18).
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  await recordReviewForecast(db, roadmap, rows[0].review.id, now);
  const [review] = await presentReviews(db, rows);
  return review;
}
