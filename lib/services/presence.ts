import { and, eq, gt, inArray, lt, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { presence, users } from "@/db/schema";
import { publish, roadmapTopic } from "@/lib/server/live/publish";
import type { Actor } from "./actor";
import { notFound } from "./errors";
import { accessRoadmap } from "./roadmap-access";

/** A connection not heard of for this long (its instance died) no longer counts as present. */
export const PRESENCE_TTL_MS = 45_000;

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
    .where(
      and(
        eq(presence.roadmapId, roadmapId),
        gt(presence.seenAt, sql`now() - make_interval(secs => ${PRESENCE_TTL_MS / 1000})`),
      ),
    )
    .orderBy(presence.connectedAt, presence.connectionId);
}

export async function listPresence(db: Database, actor: Actor, roadmapId: string) {
  await accessRoadmap(db, actor, roadmapId, "viewer");
  return presentUsers(db, roadmapId);
}

/** An event stream opened: the actor is present until it closes. Access was checked by the caller. */
export async function joinRoadmap(db: Database, actor: Actor, roadmapId: string, connectionId: string) {
  await db.insert(presence).values({ connectionId, roadmapId, userId: actor.userId });
  await announce(db, roadmapId);
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
  await accessRoadmap(db, actor, roadmapId, "viewer");
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
