import { and, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { apiTokens, memberships, roadmaps, users } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import type { LiveMessage } from "@/lib/services/kernel/live-events";

export type RevokedMessage = Extract<LiveMessage, { kind: "revoked" }>;

/** What an open stream's right to exist rests on: who opened it, how, and which roadmap it watches. */
export interface StreamIdentity {
  connectionId: string;
  actor: Actor;
  roadmap: { id: string; teamId: string };
}

/**
 * The session version a session's cookie was issued under; a cookie from before versions existed
 * counts as 0, so that raising the version ends it too. Null for a token, which sessions do not govern.
 */
function sessionVersionOf(actor: Actor): number | null {
  return actor.via === "session" ? (actor.sessionVersion ?? 0) : null;
}

/** Whether a revocation message ends this stream's identity (checked as soon as it arrives). */
export function isRevokedBy(message: RevokedMessage, stream: StreamIdentity): boolean {
  if (message.tokenId !== undefined) return stream.actor.tokenId === message.tokenId;
  if (message.sessionVersion !== undefined) {
    const version = sessionVersionOf(stream.actor);
    return version !== null && version < message.sessionVersion;
  }
  if (message.teamId !== undefined) return stream.roadmap.teamId === message.teamId;
  return false;
}

/**
 * Which of these streams may stay open, in ONE query however many there are (the heartbeat runs it
 * for every open stream of this instance): the roadmap still exists and is not deleted, the user is
 * still a member of its team, and the identity still holds: a token that is neither revoked nor
 * expired, or a session whose version is still current. A token actor that does not name its token
 * cannot be checked, so it fails: streams fail closed.
 */
export async function validStreamIds(db: Database, streams: readonly StreamIdentity[]): Promise<Set<string>> {
  if (streams.length === 0) return new Set();
  const rows = streams.map(({ connectionId, actor, roadmap }) => ({
    connection_id: connectionId,
    user_id: actor.userId,
    roadmap_id: roadmap.id,
    via: actor.via,
    token_id: actor.via === "token" ? (actor.tokenId ?? null) : null,
    session_version: sessionVersionOf(actor),
  }));
  // One JSON parameter rather than one per stream: the statement stays the same size for any N.
  const open = sql`jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as s(connection_id uuid, user_id uuid, roadmap_id uuid, via text, token_id uuid, session_version integer)`;
  const valid = await db
    .select({ connectionId: sql<string>`s.connection_id` })
    .from(open)
    .innerJoin(roadmaps, and(sql`${roadmaps.id} = s.roadmap_id`, isNull(roadmaps.deletedAt)))
    .innerJoin(
      memberships,
      and(eq(memberships.teamId, roadmaps.teamId), sql`${memberships.userId} = s.user_id`),
    )
    .innerJoin(users, sql`${users.id} = s.user_id`)
    .leftJoin(apiTokens, and(sql`${apiTokens.id} = s.token_id`, sql`${apiTokens.userId} = s.user_id`))
    .where(
      sql`case s.via
        when 'token' then ${apiTokens.id} is not null and ${apiTokens.revokedAt} is null
          and (${apiTokens.expiresAt} is null or ${apiTokens.expiresAt} > now())
        when 'session' then ${users.sessionVersion} <= s.session_version
        else false end`,
    );
  return new Set(valid.map((row) => row.connectionId));
}
