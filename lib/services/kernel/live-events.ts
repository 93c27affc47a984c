// The live-event publisher: services announce changes through PostgreSQL NOTIFY inside their
// transaction; lib/server/live listens (hub.ts) and forwards them to open streams.
import { sql } from "drizzle-orm";
import type { Database } from "@/db/types";

/** The one NOTIFY channel every app instance listens on; messages name their topic. */
export const LIVE_CHANNEL = "cairn_live";

/** What travels through NOTIFY: small (ids and versions, never documents; the limit is 8,000 bytes). */
export type LiveMessage =
  | {
      topic: `roadmap:${string}`;
      kind: "change";
      seq: number;
      type: string;
      entity: string;
      id: string;
      version: number | null;
      actorId: string | null;
      itemId: string | null;
      at: string;
    }
  | { topic: `roadmap:${string}`; kind: "presence" }
  | { topic: `user:${string}`; kind: "notification" }
  /**
   * An identity of this user stopped being valid: one token (`tokenId`), every session issued
   * under a session version below `sessionVersion`, or its membership of a team (`teamId`: the
   * streams of that team's roadmaps). Open streams of that identity close at once.
   */
  | { topic: `user:${string}`; kind: "revoked"; tokenId?: string; sessionVersion?: number; teamId?: string }
  /** The roadmap was deleted: its streams close. */
  | { topic: `roadmap:${string}`; kind: "deleted" };

export const roadmapTopic = (roadmapId: string) => `roadmap:${roadmapId}` as const;
export const userTopic = (userId: string) => `user:${userId}` as const;

/**
 * Publishes a message to every instance's subscribers. Inside a transaction PostgreSQL delivers it
 * at commit, and not at all on rollback, so nobody hears of a change that did not happen.
 */
export async function publish(db: Database, message: LiveMessage): Promise<void> {
  await db.execute(sql`select pg_notify(${LIVE_CHANNEL}, ${JSON.stringify(message)})`);
}

/** Tells every instance that a token, the sessions before `sessionVersion`, or a membership no longer count. */
export function publishRevocation(
  db: Database,
  userId: string,
  revoked: { tokenId: string } | { sessionVersion: number } | { teamId: string },
): Promise<void> {
  return publish(db, { topic: userTopic(userId), kind: "revoked", ...revoked });
}
