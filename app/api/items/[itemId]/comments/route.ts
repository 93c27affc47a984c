import { route } from "@/lib/server/route";
import { listComments } from "@/lib/services/comments/threads";
import { createComment } from "@/lib/services/comments/create";
import { collaboration } from "@/lib/validation/endpoints";

export const GET = route(collaboration.listComments, async ({ db, actor, params, query }) => ({
  body: await listComments(db, actor, params.itemId, query),
}));

export const POST = route(collaboration.createComment, async ({ db, actor, params, body }) => {
  const comment = await createComment(db, actor, params.itemId, body);
  return { body: { comment }, version: comment.version };
});
