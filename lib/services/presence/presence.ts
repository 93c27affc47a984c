import { and, eq, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { presence, users } from "@/db/schema";
import { publish, roadmapTopic } from "@/lib/services/kernel/live-events";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound } from "@/lib/services/kernel/errors";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";

/** A connection not heard of for this long (its instance died) no longer counts as present. */
export const PRESENCE_TTL_MS = 45_000;
/** A connection heard of within the TTL: present, and holding one of its user's stream slots. */
const fresh = sql`${presence.seenAt} > now() - make_interval(secs => ${PRESENCE_TTL_MS / 1000})`;

export interface PresentUser {
  userId: string;
  name: string;
  email: string;
  connectionId: string;
  itemId: string | null;
}

const announce = (db: Database, roadmapId: string) =>
  publish(db, { topic: roadmapTopic(roadmapId), kind: "presence" });

/** Who has the roadmap open now, in the order they arrived. */
export async function presentUsers(db: Database, roadmapId: string): Promise<PresentUser[]> {
  return db
    .select({
      userId: presence.userId,
      name: users.name,
      email: users.email,
      connectionId: presence.connectionId,
      itemId: presence.itemId,
    })
    .from(presence)
    .innerJoin(users, eq(users.id, presence.userId))
    .where(and(eq(presence.roadmapId, roadmapId), fresh))
    .orderBy(presence.connectedAt, presence.connectionId);
}

export async function listPresence(db: Database, actor: Actor, roadmapId: string) {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  return presentUsers(db, roadmapId);
}

/** Open event streams one user may hold at once, across all instances (CAIRN_LIMIT_STREAMS_PER_USER). */
export function maxStreamsPerUser(): number {
  const override = Number(process.env.CAIRN_LIMIT_STREAMS_PER_USER);
  return Number.isInteger(override) && override > 0 ? override : 20;
}

/**
 * An event stream is opening: its presence row is also its slot, counted against the user's limit
 * before the stream starts. The rows are shared by every instance, so the limit holds across them,
 * and rows of an instance that died stop counting once they go stale. A per-user advisory lock makes
 * count-then-insert atomic: sixty requests at once still admit only as many as the limit allows.
 * Access was checked by the caller.
 */
export async function claimStreamSlot(db: Database, actor: Actor, roadmapId: string, connectionId: string) {
  const max = maxStreamsPerUser();
  await db.transaction(async (tx) => {
    await tx.execute(
      sql`select pg_advisory_xact_lock(hashtextextended(${`cairn.streams:${actor.userId}`}, 0))`,
    );
    const [{ open }] = await tx
      .select({ open: sql<number>`count(*)::int` })
      .from(presence)
      .where(and(eq(presence.userId, actor.userId), fresh));
    if (open >= max) {
      throw new AppError(
        "rate_limited",
        `You already have ${max} live streams open (roadmap pages or scripts watching roadmaps), the most one account may have at once. Close some of them and try again.`,
        // A slot frees as soon as one of them closes; a stream of a dead server expires in one TTL.
        { retryAfterSeconds: 15 },
      );
    }
    await tx.insert(presence).values({ connectionId, roadmapId, userId: actor.userId });
  });
}

/** An event stream is open: tell the roadmap's other pages who arrived. */
export function announceArrival(db: Database, roadmapId: string) {
  return announce(db, roadmapId);
}

export async function leaveRoadmap(db: Database, roadmapId: string, connectionId: string) {
  await db.delete(presence).where(eq(presence.connectionId, connectionId));
  await announce(db, roadmapId);
}

/** Says which item an open page is editing. Only the connection's own user may change it. */
export async function setEditingItem(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: { connectionId: string; itemId: string | null },
) {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  const updated = await db
    .update(presence)
    .set({ itemId: input.itemId, seenAt: new Date() })
    .where(
      and(
        eq(presence.connectionId, input.connectionId),
        eq(presence.roadmapId, roadmapId),
        eq(presence.userId, actor.userId),
      ),
    )
    .returning({ connectionId: presence.connectionId });
  if (updated.length === 0) throw notFound("connection");
  await announce(db, roadmapId);
}

/** The heartbeat of this instance's open streams; also forgets connections long dead. */
export async function touchConnections(db: Database, connectionIds: string[]) {
  if (connectionIds.length) {
    await db
      .update(presence)
      .set({ seenAt: new Date() })
      .where(inArray(presence.connectionId, connectionIds));
  }
  await db.delete(presence).where(lt(presence.seenAt, sql`now() - interval '10 minutes'`));
}
