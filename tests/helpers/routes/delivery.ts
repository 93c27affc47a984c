import * as notificationSettingsRoute from "@/app/api/account/notification-settings/route";
import * as passwordResetConfirmRoute from "@/app/api/password-reset/confirm/route";
import * as passwordResetRoute from "@/app/api/password-reset/route";
import * as teamOutboxRoute from "@/app/api/teams/[teamId]/outbox/route";
import * as unsubscribeRoute from "@/app/api/unsubscribe/route";
import * as teamWebhooksRoute from "@/app/api/teams/[teamId]/webhooks/route";
import * as webhookDeliveriesRoute from "@/app/api/webhooks/[webhookId]/deliveries/route";
import * as webhookRoute from "@/app/api/webhooks/[webhookId]/route";
import * as webhookTestRoute from "@/app/api/webhooks/[webhookId]/test/route";
import type { RouteHandler } from "../api";

/** Routes of #17 (email, webhooks, reminders); spread into ROUTES in ../api.ts. */
export const deliveryRoutes = {
  "GET /api/account/notification-settings": notificationSettingsRoute.GET,
  "PUT /api/account/notification-settings": notificationSettingsRoute.PUT,
  "POST /api/password-reset": passwordResetRoute.POST,
  "POST /api/password-reset/confirm": passwordResetConfirmRoute.POST,
  "GET /api/teams/{teamId}/outbox": teamOutboxRoute.GET,
  "POST /api/unsubscribe": unsubscribeRoute.POST,
  "GET /api/teams/{teamId}/webhooks": teamWebhooksRoute.GET,
  "POST /api/teams/{teamId}/webhooks": teamWebhooksRoute.POST,
  "PATCH /api/webhooks/{webhookId}": webhookRoute.PATCH,
  "DELETE /api/webhooks/{webhookId}": webhookRoute.DELETE,
  "GET /api/webhooks/{webhookId}/deliveries": webhookDeliveriesRoute.GET,
  "POST /api/webhooks/{webhookId}/test": webhookTestRoute.POST,
} satisfies Record<string, RouteHandler>;
