// The contract of #17 (api.md, "Email, webhooks, reminders"): notification settings, password
// reset, outgoing webhooks and their delivery log, and the email outbox.

import { z } from "zod";
import { emailSchema, passwordSchema } from "./accounts";
import {
  DIGEST_FREQUENCIES,
  EMAIL_KINDS,
  OUTBOX_STATUSES,
  WEBHOOK_ATTEMPT_OUTCOMES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_FORMATS,
  WEBHOOK_SUBSCRIPTIONS,
} from "./delivery-kinds";

export * from "./delivery-kinds";

/** A reset link's token: 32 random bytes, base64url (only its hash is stored). */
export const RESET_TOKEN_TTL_MINUTES = 60;
export const MAX_WEBHOOKS_PER_TEAM = 20;
export const MAX_WEBHOOK_URL_CHARS = 2000;
/** Response bodies of webhook receivers are kept up to this many bytes in the delivery log. */
export const MAX_WEBHOOK_RESPONSE_BYTES = 1024;

// ---- notification settings -------------------------------------------------------------------

const toggle = (kind: string) => z.boolean({ error: `${kind} must be true or false.` });

const digestSchema = z.enum(DIGEST_FREQUENCIES, {
  error: 'digest must be "off", "daily" or "weekly".',
});

/** An IANA time zone the server's Intl knows ("Europe/Berlin", "UTC"). */
export const timeZoneSchema = z
  .string({ error: "timeZone must be text." })
  .max(64, "timeZone must be at most 64 characters.")
  .refine(isKnownTimeZone, { error: "timeZone must be an IANA time zone such as Europe/Berlin." });

function isKnownTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

const emailSettingsShape = {
  mention: toggle("mention"),
  reply: toggle("reply"),
  ownedItemChanged: toggle("ownedItemChanged"),
  reviewReminder: toggle("reviewReminder"),
  feedbackRound: toggle("feedbackRound"),
  digest: digestSchema,
};

/** The hour of the day (in `timeZone`) at which digests go out. */
const sendHourSchema = z
  .number({ error: "digestHour must be a number." })
  .int("digestHour must be a whole hour.")
  .min(0, "digestHour must be between 0 and 23.")
  .max(23, "digestHour must be between 0 and 23.");

export const notificationSettingsSchema = z
  .object({
    email: z.object(emailSettingsShape),
    timeZone: z.string(),
    digestHour: z.number().int(),
  })
  .meta({ id: "NotificationSettings" });
export type NotificationSettings = z.infer<typeof notificationSettingsSchema>;

/** PUT: the fields given replace those stored; a field left out keeps its value. */
export const updateNotificationSettingsSchema = z.strictObject({
  email: z.strictObject(emailSettingsShape).partial().optional(),
  timeZone: timeZoneSchema.optional(),
  digestHour: sendHourSchema.optional(),
});
export type UpdateNotificationSettingsInput = z.infer<typeof updateNotificationSettingsSchema>;

// ---- password reset --------------------------------------------------------------------------

export const passwordResetRequestSchema = z.strictObject({ email: emailSchema });

export const passwordResetConfirmSchema = z.strictObject({
  token: z
    .string({ error: "token must be text." })
    .min(16, "This reset link is not valid.")
    .max(200, "This reset link is not valid."),
  password: passwordSchema,
});
export type PasswordResetConfirmInput = z.infer<typeof passwordResetConfirmSchema>;

// ---- webhooks --------------------------------------------------------------------------------

const webhookUrlSchema = z
  .string({ error: "url must be text." })
  .trim()
  .max(MAX_WEBHOOK_URL_CHARS, `url must be at most ${MAX_WEBHOOK_URL_CHARS} characters.`)
  .pipe(z.url({ protocol: /^https?$/, error: "url must be an http or https address." }));

const webhookEventsSchema = z
  .array(
    z.enum(WEBHOOK_SUBSCRIPTIONS, {
      error: `Each event must be one of ${WEBHOOK_SUBSCRIPTIONS.join(", ")}.`,
    }),
    { error: "events must be a list of event kinds." },
  )
  .min(1, "Choose at least one event.")
  .max(WEBHOOK_SUBSCRIPTIONS.length)
  .refine((events) => new Set(events).size === events.length, {
    error: "Each event may be listed once.",
  });

const webhookFormatSchema = z.enum(WEBHOOK_FORMATS, {
  error: 'format must be "standard" or "slack".',
});

export const createWebhookSchema = z.strictObject({
  url: webhookUrlSchema,
  events: webhookEventsSchema,
  format: webhookFormatSchema.default("standard"),
  description: z.string().trim().max(200, "description must be at most 200 characters.").optional(),
});
export type CreateWebhookInput = z.infer<typeof createWebhookSchema>;

/** Re-enabling (`active: true`) a webhook disabled for failing starts its failure count again. */
export const updateWebhookSchema = z
  .strictObject({
    url: webhookUrlSchema,
    events: webhookEventsSchema,
    format: webhookFormatSchema,
    description: z.string().trim().max(200, "description must be at most 200 characters."),
    active: z.boolean({ error: "active must be true or false." }),
  })
  .partial()
  .refine((patch) => Object.keys(patch).length > 0, { error: "Nothing to change." });
export type UpdateWebhookInput = z.infer<typeof updateWebhookSchema>;

export const webhookSchema = z
  .object({
    id: z.string(),
    teamId: z.string(),
    url: z.string(),
    events: z.array(z.enum(WEBHOOK_SUBSCRIPTIONS)),
    format: z.enum(WEBHOOK_FORMATS),
    description: z.string().nullable(),
    active: z.boolean(),
    disabledReason: z.enum(WEBHOOK_DISABLED_REASONS).nullable(),
    createdAt: z.string(),
    version: z.number().int(),
    /** The outcome of the latest attempt, if any. */
    lastAttempt: z
      .object({
        at: z.string(),
        outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES),
        status: z.number().int().nullable(),
      })
      .nullable(),
  })
  .meta({ id: "Webhook" });
export type Webhook = z.infer<typeof webhookSchema>;

export const createdWebhookSchema = z.object({
  webhook: webhookSchema,
  /** `whsec_<base64>`: shown once, never again. */
  secret: z.string(),
});

export const webhookAttemptSchema = z.object({
  at: z.string(),
  outcome: z.enum(WEBHOOK_ATTEMPT_OUTCOMES),
  /** The receiver's HTTP status; null on a timeout, network error or refusal. */
  status: z.number().int().nullable(),
  durationMs: z.number().int(),
  error: z.string().nullable(),
  /** The first 1 kB of the answer. */
  responseBody: z.string().nullable(),
});

/** One logical delivery (one `webhook-id`) with every attempt made for it. */
export const webhookDeliverySchema = z
  .object({
    id: z.string(),
    event: z.enum([...WEBHOOK_SUBSCRIPTIONS, "webhook.test"]),
    createdAt: z.string(),
    state: z.enum(["pending", "delivered", "gave_up"]),
    nextAttemptAt: z.string().nullable(),
    attempts: z.array(webhookAttemptSchema),
  })
  .meta({ id: "WebhookDelivery" });
export type WebhookDelivery = z.infer<typeof webhookDeliverySchema>;

// ---- outbox (team Settings → Delivery log) --------------------------------------------------

export const outboxMessageSchema = z
  .object({
    id: z.string(),
    kind: z.enum(EMAIL_KINDS),
    to: z.string(),
    subject: z.string(),
    status: z.enum(OUTBOX_STATUSES),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.string(),
    sentAt: z.string().nullable(),
    /** The plain-text part, for owners to see what would be (or was) sent. */
    text: z.string(),
  })
  .meta({ id: "OutboxMessage" });
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;
