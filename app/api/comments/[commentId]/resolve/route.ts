import { route } from "@/lib/server/route";
import { resolveComment } from "@/lib/services/comments/resolve";
import { collaboration } from "@/lib/validation/endpoints";

export const POST = route(collaboration.resolveComment, async ({ db, actor, params, body, ifMatch }) => {
  const comment = await resolveComment(db, actor, params.commentId, body?.resolved ?? true, ifMatch);
  return { body: { comment }, version: comment.version };
});
