import * as notificationSettingsRoute from "@/app/api/account/notification-settings/route";
import * as passwordResetConfirmRoute from "@/app/api/password-reset/confirm/route";
import * as passwordResetRoute from "@/app/api/password-reset/route";
import * as teamOutboxRoute from "@/app/api/teams/[teamId]/outbox/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/route";
import type { RouteHandler } from "../api";

/** Routes of #17 (email, webhooks, reminders); spread into ROUTES in ../api.ts. */
export const deliveryRoutes = {
  "GET /api/account/notification-settings": notificationSettingsRoute.GET,
  "PUT /api/account/notification-settings": notificationSettingsRoute.PUT,
  "POST /api/password-reset": passwordResetRoute.POST,
  "POST /api/password-reset/confirm": passwordResetConfirmRoute.POST,
  "GET /api/teams/{teamId}/outbox": teamOutboxRoute.GET,
  "POST /api/unsubscribe": unsubscribeRoute.POST,
} satisfies Record<string, RouteHandler>;
