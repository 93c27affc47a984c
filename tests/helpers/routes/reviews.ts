import type { RouteHandler } from "../api";

/** Routes of #6 (stakeholder communication) owned by this area; spread into ROUTES in ../api.ts. */
export const reviewsRoutes = {} satisfies Record<string, RouteHandler>;
