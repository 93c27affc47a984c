import * as roadmapExportRoute from "@/app/api/roadmaps/[roadmapId]/export/route";
import * as teamImportsRoute from "@/app/api/teams/[teamId]/imports/route";
import type { RouteHandler } from "../api";

/** Routes of #6 (stakeholder communication) owned by this area; spread into ROUTES in ../api.ts. */
export const transferRoutes = {
  "GET /api/roadmaps/{roadmapId}/export": roadmapExportRoute.GET,
  "POST /api/teams/{teamId}/imports": teamImportsRoute.POST,
} satisfies Record<string, RouteHandler>;
