import * as roadmapDashboardRoute from "@/app/api/roadmaps/[roadmapId]/dashboards/[audience]/route";
import type { RouteHandler } from "../api";

/** Routes of #6 (stakeholder communication) owned by this area; spread into ROUTES in ../api.ts. */
export const dashboardsRoutes = {
  "GET /api/roadmaps/{roadmapId}/dashboards/{audience}": roadmapDashboardRoute.GET,
} satisfies Record<string, RouteHandler>;
