import { and, eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { feedbackResponses, items } from "@/db/schema";
import { tallyFeedback } from "@/lib/collaboration/feedback-results";
import type {
  FeedbackResponse,
  FeedbackResponseInput,
  FeedbackResults,
} from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import {
  accessRound,
  loadRoundItems,
  presentRound,
  roundClosed,
  roundStatus,
  toFeedbackResponse,
  type RoundRow,
} from "./rounds";
import { loadPeople } from "@/lib/services/teams/people";
import { recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";

const unratable = (message: string) =>
  new AppError("invalid_reference", message, { details: [{ path: "itemId", message }] });

/** A rated item must be a milestone or feature the round asks about (its snapshot's, not cut) that still exists. */
async function checkRatedItem(tx: Database, round: RoundRow, itemId: string) {
  const asked = await loadRoundItems(tx, round);
  if (!asked.some((i) => i.id === itemId)) {
    throw unratable(
      "This round does not ask about that item: rate one of the round's milestones or features.",
    );
  }
  const [stored] = await tx
    .select({ id: items.id })
    .from(items)
    .where(and(eq(items.id, itemId), eq(items.roadmapId, round.roadmapId)))
    .limit(1);
  if (!stored) throw unratable("That item no longer exists, so it cannot be rated.");
}

/**
 * Rates an item of the round (or the roadmap overall) for the caller. One response per person and
 * item: answering again replaces the earlier one. The round row is locked and checked open in the
 * same transaction as the write, so a response racing a close either lands before it or fails.
 */
export async function respondToFeedbackRound(
  db: Database,
  actor: Actor,
  roundId: string,
  input: FeedbackResponseInput,
  now: Date = new Date(),
): Promise<{ response: FeedbackResponse; created: boolean }> {
  const itemId = input.itemId ?? null;
  const text = input.text?.trim() || null;
  return db.transaction(async (tx) => {
    const { round, roadmap } = await accessRound(tx, actor, roundId, "comment.write", { lock: true });
    if (roundStatus(round, now) === "closed") throw roundClosed();
    if (itemId !== null) await checkRatedItem(tx, round, itemId);
    const [row] = await tx
      .insert(feedbackResponses)
      .values({ roundId: round.id, userId: actor.userId, itemId, rating: input.rating, text })
      .onConflictDoUpdate({
        target: [feedbackResponses.roundId, feedbackResponses.userId, feedbackResponses.itemId],
        set: {
          rating: input.rating,
          text,
          version: sql`${feedbackResponses.version} + 1`,
          updatedAt: sql`now()`,
        },
      })
      .returning();
    const created = row.version === 1;
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "feedback_response",
      entityId: row.id,
      action: created ? "created" : "updated",
      version: row.version,
      changes: { roundId: round.id, itemId, rating: row.rating },
    });
    return { response: toFeedbackResponse(row, await loadPeople(tx, [actor.userId])), created };
  });
}

/** Counts, means, distributions and comments of a round, overall and per item (lowest average first). */
export async function getFeedbackResults(
  db: Database,
  actor: Actor,
  roundId: string,
  now: Date = new Date(),
): Promise<FeedbackResults> {
  const { round: row } = await accessRound(db, actor, roundId, "team.read");
  const [round, asked, responses] = await Promise.all([
    presentRound(db, row, now),
    loadRoundItems(db, row),
    db.select().from(feedbackResponses).where(eq(feedbackResponses.roundId, row.id)),
  ]);
  const people = await loadPeople(
    db,
    responses.map((r) => r.userId),
  );
  const tally = tallyFeedback(
    responses.map((r) => ({
      id: r.id,
      itemId: r.itemId,
      rating: r.rating,
      text: r.text,
      authorId: r.userId,
      updatedAt: r.updatedAt,
    })),
    asked,
    people,
  );
  return { round, ...tally };
}
