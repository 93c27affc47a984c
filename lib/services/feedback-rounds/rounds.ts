import { and, asc, desc, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { feedbackResponses, feedbackRounds, snapshots } from "@/db/schema";
import { excerptOf } from "@/lib/collaboration/excerpt";
import { roundItems } from "@/lib/collaboration/feedback-results";
import type { Person } from "@/lib/validation/collaboration";
import type { Role } from "@/lib/validation/common";
import type {
  CreateFeedbackRoundInput,
  DiffItemRef,
  FeedbackResponse,
  FeedbackRound,
  FeedbackRoundDetail,
} from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { can, type Permission } from "@/lib/validation/permissions";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { loadPeople } from "@/lib/services/teams/people";
import { accessRoadmap, recordRoadmapChange, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { readSnapshotDocument } from "@/lib/services/snapshots/queries";
import {
  snapshotMetaColumns,
  takeSnapshot,
  toSnapshot,
  type SnapshotMeta,
} from "@/lib/services/snapshots/take";
import { queueRoundOpenedMail } from "@/lib/services/mail/feedback-round-mail";
import { announceRoundClosed } from "./closed";

export type RoundRow = typeof feedbackRounds.$inferSelect;
export type ResponseRow = typeof feedbackResponses.$inferSelect;

/** How much of the question a round's snapshot label repeats. */
const LABEL_QUESTION_CHARS = 60;

const utcToday = (now: Date) => now.toISOString().slice(0, 10);

/** Closed once an editor closed it, or after its last day (closesOn, inclusive, UTC). */
export function roundStatus(round: Pick<RoundRow, "closedAt" | "closesOn">, now: Date): "open" | "closed" {
  return round.closedAt || utcToday(now) > round.closesOn ? "closed" : "open";
}

/** Rounds with their snapshots, response counts and people, as the API shows them, in the given order. */
async function presentRounds(db: Database, rows: RoundRow[], now: Date): Promise<FeedbackRound[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [snapshotRows, countRows] = await Promise.all([
    db
      .select(snapshotMetaColumns)
      .from(snapshots)
      .where(inArray(snapshots.id, [...new Set(rows.map((r) => r.snapshotId))])),
    db
      .select({
        roundId: feedbackResponses.roundId,
        responses: sql<number>`count(*)::int`,
        respondents: sql<number>`count(distinct ${feedbackResponses.userId})::int`,
      })
      .from(feedbackResponses)
      .where(inArray(feedbackResponses.roundId, ids))
      .groupBy(feedbackResponses.roundId),
  ]);
  const snapshotOf = new Map<string, SnapshotMeta>(snapshotRows.map((s) => [s.id, s]));
  const countsOf = new Map(countRows.map((c) => [c.roundId, c]));
  const people = await loadPeople(db, [
    ...rows.map((r) => r.createdBy),
    ...snapshotRows.map((s) => s.createdBy),
  ]);
  return rows.map((row) => ({
    id: row.id,
    roadmapId: row.roadmapId,
    question: row.question,
    audience: row.audience,
    closesOn: row.closesOn,
    status: roundStatus(row, now),
    closedAt: row.closedAt?.toISOString() ?? null,
    snapshot: toSnapshot(snapshotOf.get(row.snapshotId)!, people),
    createdBy: row.createdBy ? (people.get(row.createdBy) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    respondentCount: countsOf.get(row.id)?.respondents ?? 0,
    responseCount: countsOf.get(row.id)?.responses ?? 0,
  }));
}

export async function presentRound(db: Database, row: RoundRow, now: Date): Promise<FeedbackRound> {
  return (await presentRounds(db, [row], now))[0];
}

/**
 * A round and its roadmap, with the actor's role checked against the roadmap's team (another
 * team's round: 404). With `lock`, for writes: the roadmap lock first, then the round's row.
 */
export async function accessRound(
  db: Database,
  actor: Actor,
  roundId: string,
  permission: Permission,
  options: { lock?: boolean } = {},
): Promise<{ round: RoundRow; roadmap: RoadmapRow; role: Role }> {
  const [found] = await db
    .select({ roadmapId: feedbackRounds.roadmapId })
    .from(feedbackRounds)
    .where(eq(feedbackRounds.id, roundId))
    .limit(1);
  if (!found) throw notFound("feedback round");
  const { roadmap, role } = await accessRoadmap(db, actor, found.roadmapId, permission, {
    lock: options.lock,
  });
  const query = db.select().from(feedbackRounds).where(eq(feedbackRounds.id, roundId)).limit(1);
  const [round] = options.lock ? await query.for("update") : await query;
  if (!round) throw notFound("feedback round");
  return { round, roadmap, role };
}

/** The milestones and features the round asks about, from its snapshot. */
export async function loadRoundItems(
  db: Database,
  round: Pick<RoundRow, "snapshotId">,
): Promise<DiffItemRef[]> {
  const document = await readSnapshotDocument(db, round.snapshotId);
  return document ? roundItems(document) : [];
}

export function toFeedbackResponse(row: ResponseRow, people: Map<string, Person>): FeedbackResponse {
  return {
    id: row.id,
    roundId: row.roundId,
    itemId: row.itemId,
    rating: row.rating,
    text: row.text,
    author: people.get(row.userId) ?? null,
    version: row.version,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The caller's own responses to a round, oldest first. */
async function loadMyResponses(db: Database, actor: Actor, roundId: string): Promise<FeedbackResponse[]> {
  const rows = await db
    .select()
    .from(feedbackResponses)
    .where(and(eq(feedbackResponses.roundId, roundId), eq(feedbackResponses.userId, actor.userId)))
    .orderBy(asc(feedbackResponses.createdAt), asc(feedbackResponses.id));
  const people = await loadPeople(db, [actor.userId]);
  return rows.map((r) => toFeedbackResponse(r, people));
}

export const roundClosed = () =>
  new AppError(
    "feedback_round_closed",
    "This feedback round is closed: its responses are final. Ask an editor to open a new round.",
  );

/** The roadmap's rounds: open ones first, then closed; newest first within each. */
export async function listFeedbackRounds(
  db: Database,
  actor: Actor,
  roadmapId: string,
  now: Date = new Date(),
): Promise<FeedbackRound[]> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  const rows = await db
    .select()
    .from(feedbackRounds)
    .where(eq(feedbackRounds.roadmapId, roadmapId))
    .orderBy(desc(feedbackRounds.createdAt), desc(feedbackRounds.id));
  const rounds = await presentRounds(db, rows, now);
  // A stable sort keeps newest first within each status.
  return rounds.sort((a, b) => Number(a.status === "closed") - Number(b.status === "closed"));
}

/** Opens a round on the roadmap as it is now: the snapshot it asks about is taken in the same transaction. */
export async function createFeedbackRound(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreateFeedbackRoundInput,
  now: Date = new Date(),
): Promise<FeedbackRound> {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    if (input.closesOn < utcToday(now)) {
      const message = `closesOn must be today (${utcToday(now)}, UTC) or later.`;
      throw new AppError("invalid_request", `The request body is not valid: closesOn: ${message}`, {
        details: [{ path: "closesOn", message }],
      });
    }
    const snapshot = await takeSnapshot(tx, actor, roadmap, {
      label: `Feedback: ${excerptOf(input.question, LABEL_QUESTION_CHARS)}`,
      kind: "feedback",
    });
    const [row] = await tx
      .insert(feedbackRounds)
      .values({
        roadmapId,
        snapshotId: snapshot.id,
        question: input.question,
        audience: input.audience,
        closesOn: input.closesOn,
        createdBy: actor.userId,
      })
      .returning();
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "feedback_round",
      entityId: row.id,
      action: "created",
      version: row.version,
      changes: {
        question: row.question,
        audience: row.audience,
        closesOn: row.closesOn,
        snapshotId: snapshot.id,
      },
    });
    await queueRoundOpenedMail(tx, row);
    return presentRound(tx, row, now);
  });
}

/** A round, what it asks about, the caller's own answers, and whether the caller may answer now. */
export async function getFeedbackRound(
  db: Database,
  actor: Actor,
  roundId: string,
  now: Date = new Date(),
): Promise<FeedbackRoundDetail> {
  const { round: row, role } = await accessRound(db, actor, roundId, "team.read");
  const [round, items, myResponses] = await Promise.all([
    presentRound(db, row, now),
    loadRoundItems(db, row),
    loadMyResponses(db, actor, row.id),
  ]);
  return { round, items, myResponses, canRespond: can(role, "comment.write") && round.status === "open" };
}

/** Closes a round before its last day (editor); closing a closed round is a 422. */
export async function closeFeedbackRound(
  db: Database,
  actor: Actor,
  roundId: string,
  expectedVersion: number | undefined,
  now: Date = new Date(),
): Promise<FeedbackRound> {
  return db.transaction(async (tx) => {
    const { round, roadmap } = await accessRound(tx, actor, roundId, "roadmap.write", { lock: true });
    if (expectedVersion !== undefined && expectedVersion !== round.version) {
      throw versionMismatch("feedback round", await presentRound(tx, round, now));
    }
    if (roundStatus(round, now) === "closed") throw roundClosed();
    // The database's clock once the locks are held, not the transaction's start: a response that
    // won the lock race was written before this moment, and closedAt must say so.
    const closedAt = sql`clock_timestamp()`;
    const [written] = await tx
      .update(feedbackRounds)
      .set({ closedAt, closedBy: actor.userId, version: round.version + 1, updatedAt: closedAt })
      .where(and(eq(feedbackRounds.id, round.id), eq(feedbackRounds.version, round.version)))
      .returning();
    await announceRoundClosed(tx, actor, roadmap, written);
    return presentRound(tx, written, now);
  });
}
