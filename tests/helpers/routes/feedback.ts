import * as roundCloseRoute from "@/app/api/feedback-rounds/[roundId]/close/route";
import * as roundResponsesRoute from "@/app/api/feedback-rounds/[roundId]/responses/route";
import * as roundResultsRoute from "@/app/api/feedback-rounds/[roundId]/results/route";
import * as roundRoute from "@/app/api/feedback-rounds/[roundId]/route";
import * as roadmapRoundsRoute from "@/app/api/roadmaps/[roadmapId]/feedback-rounds/route";
import type { RouteHandler } from "../api";

/** Routes of #6 (stakeholder communication) owned by this area; spread into ROUTES in ../api.ts. */
export const feedbackRoutes = {
  "GET /api/roadmaps/{roadmapId}/feedback-rounds": roadmapRoundsRoute.GET,
  "POST /api/roadmaps/{roadmapId}/feedback-rounds": roadmapRoundsRoute.POST,
  "GET /api/feedback-rounds/{roundId}": roundRoute.GET,
  "POST /api/feedback-rounds/{roundId}/close": roundCloseRoute.POST,
  "POST /api/feedback-rounds/{roundId}/responses": roundResponsesRoute.POST,
  "GET /api/feedback-rounds/{roundId}/results": roundResultsRoute.GET,
} satisfies Record<string, RouteHandler>;
