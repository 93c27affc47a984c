import { route } from "@/lib/server/route";
import { createReview, listReviews } from "@/lib/services/reviews/reviews";
import { communication } from "@/lib/validation/endpoints";

export const GET = route(communication.listReviews, async ({ db, actor, params }) => ({
  body: { items: await listReviews(db, actor, params.roadmapId) },
}));

export const POST = route(communication.createReview, async ({ db, actor, params, body }) => ({
  body: { review: await createReview(db, actor, params.roadmapId, body) },
}));
