// What a new or edited comment refers to: the members it mentions and the thread it joins.
import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { comments } from "@/db/schema";
import { resolveMentionTokens, type MentionToken } from "@/lib/collaboration/mention-tokens";
import { AppError } from "@/lib/services/kernel/errors";
import { loadTeamMembers } from "@/lib/services/teams/members";

export const commentDeleted = (what = "That comment") =>
  new AppError("comment_deleted", `${what} has been deleted. Restore it first, or start a new thread.`);

/**
 * The members a body's mention tokens name; an @email that names nobody in the team is refused
 * (422). The tokens are found before the transaction (findMentionTokens: pure work on up to 10,000
 * characters), so only this indexed read of the members runs under the roadmap lock. It stays after
 * the role check: resolved before it, a non-member would learn from 422 vs 404 who is a member.
 */
export async function mentionsIn(tx: Database, teamId: string, tokens: readonly MentionToken[]) {
  const members = (await loadTeamMembers(tx, teamId)).map((m) => m.user);
  const { userIds, unknownEmails } = resolveMentionTokens(tokens, members);
  if (unknownEmails.length > 0) {
    throw new AppError(
      "invalid_mention",
      `${unknownEmails.join(", ")} ${unknownEmails.length === 1 ? "is not a member" : "are not members"} of this team. Mention members only, or write the address without the leading @.`,
      { details: { mentions: unknownEmails } },
    );
  }
  return { userIds, memberIds: new Set(members.map((m) => m.id)) };
}

/** The thread a reply joins: replies to a reply attach to its thread's root (one level deep). */
export async function replyTarget(tx: Database, itemId: string, parentId: string) {
  const [parent] = await tx.select().from(comments).where(eq(comments.id, parentId)).limit(1);
  if (!parent || parent.itemId !== itemId) {
    const message = "parentId must name a comment on this item.";
    throw new AppError("invalid_reference", `You can only reply to a comment on the same item: ${message}`, {
      details: [{ path: "parentId", message }],
    });
  }
  if (parent.deletedAt) throw commentDeleted("The comment you replied to");
  const [root] = parent.parentId
    ? await tx.select().from(comments).where(eq(comments.id, parent.parentId)).limit(1)
    : [parent];
  return { rootId: root.id, authorIds: [root.authorId, parent.authorId] };
}
