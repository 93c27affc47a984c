import { route } from "@/lib/server/route";
import { respondToFeedbackRound } from "@/lib/services/feedback-rounds/respond";
import { communication } from "@/lib/validation/endpoints";

/** The first answer creates the response (201); answering again replaces it (200). */
export const POST = route(communication.respondToFeedbackRound, async ({ db, actor, params, body }) => {
  const { response, created } = await respondToFeedbackRound(db, actor, params.roundId, body);
  if (created) return { body: { response }, version: response.version };
  const headers = { "cache-control": "no-store", etag: `"${response.version}"` };
  return Response.json({ response }, { status: 200, headers });
});
