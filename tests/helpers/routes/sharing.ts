import * as roadmapShareLinksRoute from "@/app/api/roadmaps/[roadmapId]/share-links/route";
import * as sharedCalendarRoute from "@/app/api/share/[token]/calendar.ics/route";
import * as sharedViewRoute from "@/app/api/share/[token]/route";
import * as shareLinkRoute from "@/app/api/share-links/[shareLinkId]/route";
import type { RouteHandler } from "../api";

/** Routes of #6 (stakeholder communication) owned by this area; spread into ROUTES in ../api.ts. */
export const sharingRoutes = {
  "GET /api/roadmaps/{roadmapId}/share-links": roadmapShareLinksRoute.GET,
  "POST /api/roadmaps/{roadmapId}/share-links": roadmapShareLinksRoute.POST,
  "DELETE /api/share-links/{shareLinkId}": shareLinkRoute.DELETE,
  "GET /api/share/{token}": sharedViewRoute.GET,
  "GET /api/share/{token}/calendar.ics": sharedCalendarRoute.GET,
} satisfies Record<string, RouteHandler>;
