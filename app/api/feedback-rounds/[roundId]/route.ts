import { route } from "@/lib/server/route";
import { getFeedbackRound } from "@/lib/services/feedback-rounds/rounds";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getFeedbackRound, async ({ db, actor, params }) => {
  const detail = await getFeedbackRound(db, actor, params.roundId);
  return { body: detail, version: detail.round.version };
});
