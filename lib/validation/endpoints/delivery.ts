// The operations of issue #17 (api.md, "Email, webhooks, reminders"): notification settings,
// password reset, outgoing webhooks with their delivery log, the email outbox and one-click
// unsubscribe. Operations join allEndpoints (./index.ts) as their routes land.

import { z } from "zod";
import { okSchema } from "../common";
import { pageQuerySchema } from "../collaboration";
import {
  createdWebhookSchema,
  createWebhookSchema,
  notificationSettingsSchema,
  outboxMessageSchema,
  passwordResetConfirmSchema,
  passwordResetRequestSchema,
  updateNotificationSettingsSchema,
  updateWebhookSchema,
  webhookDeliverySchema,
  webhookSchema,
} from "../delivery";
import { defineEndpoint } from "../endpoint";

const tag = "Email, webhooks, reminders";

export const getNotificationSettings = defineEndpoint({
  method: "GET",
  path: "/api/account/notification-settings",
  summary:
    "Which emails the caller receives, the digest frequency, and the time zone and hour digests go out",
  tag,
  response: z.object({ settings: notificationSettingsSchema }),
});

export const updateNotificationSettings = defineEndpoint({
  method: "PUT",
  path: "/api/account/notification-settings",
  summary:
    "Turn email kinds on or off, set the digest (off, daily, weekly), its hour and time zone; fields left out keep their value",
  tag,
  body: updateNotificationSettingsSchema,
  response: z.object({ settings: notificationSettingsSchema }),
});

export const requestPasswordReset = defineEndpoint({
  method: "POST",
  path: "/api/password-reset",
  summary:
    "Mail a single-use link, valid one hour, to reset the password of the account with this email. Always 202, whether or not the account exists; 429 after a few requests for one email or address",
  tag,
  auth: "none",
  body: passwordResetRequestSchema,
  response: z.object({ ok: z.literal(true) }),
  status: 202,
  errors: ["rate_limited"],
});

export const confirmPasswordReset = defineEndpoint({
  method: "POST",
  path: "/api/password-reset/confirm",
  summary: "Set a new password with a reset link's token; ends every session of the account",
  tag,
  auth: "none",
  body: passwordResetConfirmSchema,
  status: 204,
  errors: ["reset_token_gone", "rate_limited"],
});

export const listWebhooks = defineEndpoint({
  method: "GET",
  path: "/api/teams/{teamId}/webhooks",
  summary: "The team's outgoing webhooks with the outcome of each one's latest attempt (owner)",
  tag,
  response: z.object({ items: z.array(webhookSchema) }),
});

export const createWebhook = defineEndpoint({
  method: "POST",
  path: "/api/teams/{teamId}/webhooks",
  summary:
    "Add an outgoing webhook (owner). The signing secret is in this answer only. Loopback, link-local and private addresses are refused unless CAIRN_WEBHOOK_ALLOW_PRIVATE=1",
  tag,
  body: createWebhookSchema,
  response: createdWebhookSchema,
  status: 201,
  errors: ["unsafe_url"],
});

export const updateWebhook = defineEndpoint({
  method: "PATCH",
  path: "/api/webhooks/{webhookId}",
  summary: "Change a webhook's address, events or format, or turn it off and on (owner)",
  tag,
  body: updateWebhookSchema,
  response: z.object({ webhook: webhookSchema }),
  ifMatch: "optional",
  errors: ["unsafe_url"],
});

export const deleteWebhook = defineEndpoint({
  method: "DELETE",
  path: "/api/webhooks/{webhookId}",
  summary: "Remove a webhook and its delivery log (owner); pending deliveries are dropped",
  tag,
  response: okSchema,
  ifMatch: "optional",
});

export const listWebhookDeliveries = defineEndpoint({
  method: "GET",
  path: "/api/webhooks/{webhookId}/deliveries",
  summary:
    "The delivery log, newest first: each delivery's attempts, status codes, durations and next retry (owner)",
  tag,
  query: pageQuerySchema,
  response: z.object({ items: z.array(webhookDeliverySchema), nextCursor: z.string().nullable() }),
});

export const sendWebhookTest = defineEndpoint({
  method: "POST",
  path: "/api/webhooks/{webhookId}/test",
  summary:
    "Queue a `webhook.test` event to this webhook now (owner); its attempts appear in the delivery log",
  tag,
  response: z.object({ delivery: webhookDeliverySchema }),
  status: 202,
  errors: ["rate_limited"],
});

export const listOutbox = defineEndpoint({
  method: "GET",
  path: "/api/teams/{teamId}/outbox",
  summary:
    "Email sent, queued or (without SMTP_URL) only logged for the team's members, newest first (owner): the team's Delivery log",
  tag,
  query: pageQuerySchema,
  response: z.object({ items: z.array(outboxMessageSchema), nextCursor: z.string().nullable() }),
});

export const unsubscribe = defineEndpoint({
  method: "POST",
  path: "/api/unsubscribe",
  summary:
    "One-click unsubscribe (RFC 8058): the List-Unsubscribe link of a message turns that kind of email off for its recipient",
  tag,
  auth: "none",
  query: z.object({ token: z.string().min(1).max(500) }),
  rawBody: {
    contentTypes: ["application/x-www-form-urlencoded", "multipart/form-data"],
    description: "`List-Unsubscribe=One-Click`, as mail clients send it",
  },
  response: okSchema,
});
