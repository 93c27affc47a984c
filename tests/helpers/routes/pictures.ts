import * as sharedExportRoute from "@/app/api/share/[token]/export/route";
import type { RouteHandler } from "../api";

/** Routes of #16 (timeline pictures and decks); the roadmap export route is in ./transfer. */
export const picturesRoutes = {
  "GET /api/share/{token}/export": sharedExportRoute.GET,
} satisfies Record<string, RouteHandler>;
