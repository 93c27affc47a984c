import { route } from "@/lib/server/route";
import { getFeedbackResults } from "@/lib/services/feedback-rounds/respond";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.getFeedbackResults, async ({ db, actor, params }) => ({
  body: await getFeedbackResults(db, actor, params.roundId),
}));
