import type { RouteHandler } from "../api";

/** Routes of #6 (stakeholder communication) owned by this area; spread into ROUTES in ../api.ts. */
export const feedbackRoutes = {} satisfies Record<string, RouteHandler>;
