import * as phaseDecisionRoute from "@/app/api/phases/[phaseId]/decision/route";
import * as phaseRoute from "@/app/api/phases/[phaseId]/route";
import * as autoScheduleUndoRoute from "@/app/api/roadmaps/[roadmapId]/auto-schedule/undo/route";
import * as autoScheduleRoute from "@/app/api/roadmaps/[roadmapId]/auto-schedule/route";
import * as roadmapPhasesRoute from "@/app/api/roadmaps/[roadmapId]/phases/route";
import * as roadmapScenariosRoute from "@/app/api/roadmaps/[roadmapId]/scenarios/route";
import * as scenarioApplyRoute from "@/app/api/scenarios/[scenarioId]/apply/route";
import * as scenarioCompareRoute from "@/app/api/scenarios/[scenarioId]/compare/route";
import * as scenarioDiscardRoute from "@/app/api/scenarios/[scenarioId]/discard/route";
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
  "GET /api/roadmaps/{roadmapId}/scenarios": roadmapScenariosRoute.GET,
  "POST /api/roadmaps/{roadmapId}/scenarios": roadmapScenariosRoute.POST,
  "GET /api/scenarios/{scenarioId}/compare": scenarioCompareRoute.GET,
  "POST /api/scenarios/{scenarioId}/apply": scenarioApplyRoute.POST,
  "POST /api/scenarios/{scenarioId}/discard": scenarioDiscardRoute.POST,
} satisfies Record<string, RouteHandler>;
