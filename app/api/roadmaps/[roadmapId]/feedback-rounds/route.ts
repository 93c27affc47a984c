import { route } from "@/lib/server/route";
import { createFeedbackRound, listFeedbackRounds } from "@/lib/services/feedback-rounds/rounds";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.listFeedbackRounds, async ({ db, actor, params }) => ({
  body: { items: await listFeedbackRounds(db, actor, params.roadmapId) },
}));

export const POST = route(communication.createFeedbackRound, async ({ db, actor, params, body }) => {
  const round = await createFeedbackRound(db, actor, params.roadmapId, body);
  return { body: { round }, version: round.version };
});
