import { route } from "@/lib/server/route";
import { closeFeedbackRound } from "@/lib/services/feedback-rounds/rounds";
import { communication } from "@/lib/validation/endpoints";

export const POST = route(communication.closeFeedbackRound, async ({ db, actor, params, ifMatch }) => {
  const round = await closeFeedbackRound(db, actor, params.roundId, ifMatch);
  return { body: { round }, version: round.version };
});
