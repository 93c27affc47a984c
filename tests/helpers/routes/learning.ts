import * as actualsImportsRoute from "@/app/api/roadmaps/[roadmapId]/actuals-imports/route";
import * as itemTimeEntriesRoute from "@/app/api/items/[itemId]/time-entries/route";
import * as roadmapConfidenceRoute from "@/app/api/roadmaps/[roadmapId]/confidence/route";
import * as roadmapAccuracyRoute from "@/app/api/roadmaps/[roadmapId]/estimate-accuracy/route";
import * as timeEntryRoute from "@/app/api/time-entries/[timeEntryId]/route";
import type { RouteHandler } from "../api";

/** Routes of #18 (actuals and learning); spread into ROUTES in ../api.ts. */
export const learningRoutes = {
  "GET /api/items/{itemId}/time-entries": itemTimeEntriesRoute.GET,
  "POST /api/items/{itemId}/time-entries": itemTimeEntriesRoute.POST,
  "DELETE /api/time-entries/{timeEntryId}": timeEntryRoute.DELETE,
  "GET /api/roadmaps/{roadmapId}/estimate-accuracy": roadmapAccuracyRoute.GET,
  "GET /api/roadmaps/{roadmapId}/confidence": roadmapConfidenceRoute.GET,
  "POST /api/roadmaps/{roadmapId}/actuals-imports": actualsImportsRoute.POST,
} satisfies Record<string, RouteHandler>;
