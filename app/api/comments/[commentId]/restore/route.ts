import { route } from "@/lib/server/route";
import { restoreComment } from "@/lib/services/comments/restore";
import { collaboration } from "@/lib/validation/endpoints";

export const POST = route(collaboration.restoreComment, async ({ db, actor, params }) => {
  const comment = await restoreComment(db, actor, params.commentId);
  return { body: { comment }, version: comment.version };
});
