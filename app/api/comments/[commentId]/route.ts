import { route } from "@/lib/server/route";
import { deleteComment } from "@/lib/services/comments/delete";
import { updateComment } from "@/lib/services/comments/update";
import { collaboration } from "@/lib/validation/endpoints";

export const PATCH = route(collaboration.updateComment, async ({ db, actor, params, body, ifMatch }) => {
  const comment = await updateComment(db, actor, params.commentId, ifMatch, body);
  return { body: { comment }, version: comment.version };
});

export const DELETE = route(collaboration.deleteComment, async ({ db, actor, params, ifMatch }) => {
  const comment = await deleteComment(db, actor, params.commentId, ifMatch);
  return { body: { comment }, version: comment.version };
});
