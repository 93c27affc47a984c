import { eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, roadmaps, teams, users } from "@/db/schema";
import { excerptOf } from "@/lib/collaboration/excerpt";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { commentEmail } from "./messages";
import { queueEmail } from "./outbox";

export interface CommentMailCause {
  teamId: string;
  roadmapId: string;
  itemId: string;
  commentId: string;
  body: string;
  actorId: string;
}

/**
 * Inside the comment's transaction, beside the in-app notifications: one email per mentioned or
 * replied-to member (their settings are checked when it is sent). Keyed by comment and recipient.
 */
export async function queueCommentMail(
  tx: Database,
  cause: CommentMailCause,
  recipients: { userId: string; kind: "mention" | "reply" }[],
): Promise<void> {
  if (recipients.length === 0) return;
  const [where] = await tx
    .select({ teamName: teams.name, roadmapName: roadmaps.title, itemTitle: items.title })
    .from(items)
    .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
    .innerJoin(teams, eq(teams.id, roadmaps.teamId))
    .where(eq(items.id, cause.itemId))
    .limit(1);
  if (!where) return;
  const people = await tx
    .select({ id: users.id, email: users.email, name: users.name })
    .from(users)
    .where(inArray(users.id, [cause.actorId, ...recipients.map((r) => r.userId)]));
  const byId = new Map(people.map((p) => [p.id, p]));
  const url = `${appOrigin()}/roadmaps/${cause.roadmapId}?item=${cause.itemId}`;
  for (const { userId, kind } of recipients) {
    const to = byId.get(userId);
    if (!to) continue;
    const email = commentEmail({
      kind,
      actorName: byId.get(cause.actorId)?.name ?? "Someone",
      ...where,
      excerpt: excerptOf(cause.body),
      url,
    });
    await queueEmail(tx, {
      ...email,
      kind,
      to: to.email,
      userId,
      teamId: cause.teamId,
      dedupeKey: `${kind}:${cause.commentId}:${userId}`,
    });
  }
}
