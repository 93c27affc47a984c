import { and, eq, isNull, lt } from "drizzle-orm";
import type { Database } from "@/db/types";
import { feedbackRounds, roadmaps } from "@/db/schema";
import { addDays } from "@/lib/planning/civil-date";
import { queueRoundsClosingTomorrow } from "@/lib/services/mail/feedback-round-mail";
import { utcDate } from "@/lib/services/reviews/cadence";
import { announceRoundClosed } from "./closed";

/**
 * A round whose last day has passed reads as closed already (roundStatus); this makes it so in
 * the data and tells everyone, as closing it by hand does: closedAt is the end of its last day
 * (UTC), nobody closed it. Each round is locked and checked again, so two runs close it once.
 */
export async function closeExpiredRounds(db: Database, now: Date): Promise<number> {
  const expired = await db
    .select({ id: feedbackRounds.id, roadmapId: feedbackRounds.roadmapId })
    .from(feedbackRounds)
    .innerJoin(roadmaps, eq(roadmaps.id, feedbackRounds.roadmapId))
    .where(
      and(
        isNull(feedbackRounds.closedAt),
        lt(feedbackRounds.closesOn, utcDate(now)),
        isNull(roadmaps.deletedAt),
      ),
    );
  let closed = 0;
  for (const { id, roadmapId } of expired) {
    closed += await db.transaction(async (tx) => {
      // The roadmap's lock first, as every writer of it takes it (kernel/roadmap-access.ts).
      const [roadmap] = await tx.select().from(roadmaps).where(eq(roadmaps.id, roadmapId)).for("update");
      const [round] = await tx.select().from(feedbackRounds).where(eq(feedbackRounds.id, id)).for("update");
      if (!roadmap || !round || round.closedAt) return 0;
      const [written] = await tx
        .update(feedbackRounds)
        .set({
          closedAt: new Date(`${addDays(round.closesOn, 1)}T00:00:00Z`),
          version: round.version + 1,
          updatedAt: now,
        })
        .where(and(eq(feedbackRounds.id, id), eq(feedbackRounds.version, round.version)))
        .returning();
      await announceRoundClosed(tx, null, roadmap, written);
      return 1;
    });
  }
  return closed;
}

/** The hourly feedback-round job (once across instances): rounds past their day close, rounds closing tomorrow remind. */
export async function runFeedbackRoundSchedule(
  db: Database,
  now: Date = new Date(),
): Promise<{ closed: number; reminded: number }> {
  const closed = await closeExpiredRounds(db, now);
  const reminded = await queueRoundsClosingTomorrow(db, now);
  return { closed, reminded };
}
