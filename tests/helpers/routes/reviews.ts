import * as calendarRoute from "@/app/api/roadmaps/[roadmapId]/calendar.ics/route";
import * as cadenceRoute from "@/app/api/roadmaps/[roadmapId]/cadence/route";
import * as diffRoute from "@/app/api/roadmaps/[roadmapId]/diff/route";
import * as reviewsRoute from "@/app/api/roadmaps/[roadmapId]/reviews/route";
import * as roadmapSnapshotsRoute from "@/app/api/roadmaps/[roadmapId]/snapshots/route";
import * as snapshotRoute from "@/app/api/snapshots/[snapshotId]/route";
import type { RouteHandler } from "../api";

/** Routes of #6 (stakeholder communication) owned by this area; spread into ROUTES in ../api.ts. */
export const reviewsRoutes = {
  "GET /api/roadmaps/{roadmapId}/cadence": cadenceRoute.GET,
  "PUT /api/roadmaps/{roadmapId}/cadence": cadenceRoute.PUT,
  "GET /api/roadmaps/{roadmapId}/reviews": reviewsRoute.GET,
  "POST /api/roadmaps/{roadmapId}/reviews": reviewsRoute.POST,
  "GET /api/roadmaps/{roadmapId}/snapshots": roadmapSnapshotsRoute.GET,
  "POST /api/roadmaps/{roadmapId}/snapshots": roadmapSnapshotsRoute.POST,
  "GET /api/snapshots/{snapshotId}": snapshotRoute.GET,
  "GET /api/roadmaps/{roadmapId}/diff": diffRoute.GET,
  "GET /api/roadmaps/{roadmapId}/calendar.ics": calendarRoute.GET,
} satisfies Record<string, RouteHandler>;
