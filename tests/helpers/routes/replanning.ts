import * as phaseDecisionRoute from "@/app/api/phases/[phaseId]/decision/route";
import * as phaseRoute from "@/app/api/phases/[phaseId]/route";
import * as autoScheduleUndoRoute from "@/app/api/roadmaps/[roadmapId]/auto-schedule/undo/route";
import * as autoScheduleRoute from "@/app/api/roadmaps/[roadmapId]/auto-schedule/route";
import * as roadmapPhasesRoute from "@/app/api/roadmaps/[roadmapId]/phases/route";
import type { RouteHandler } from "../api";

/** Routes of #8 (phases and replanning); spread into ROUTES in ../api.ts. */
export const replanningRoutes = {
  "GET /api/roadmaps/{roadmapId}/phases": roadmapPhasesRoute.GET,
  "POST /api/roadmaps/{roadmapId}/phases": roadmapPhasesRoute.POST,
  "PATCH /api/phases/{phaseId}": phaseRoute.PATCH,
  "DELETE /api/phases/{phaseId}": phaseRoute.DELETE,
  "POST /api/phases/{phaseId}/decision": phaseDecisionRoute.POST,
  "POST /api/roadmaps/{roadmapId}/auto-schedule": autoScheduleRoute.POST,
  "POST /api/roadmaps/{roadmapId}/auto-schedule/undo": autoScheduleUndoRoute.POST,
} satisfies Record<string, RouteHandler>;
