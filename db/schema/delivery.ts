import {
  boolean,
  index,
  integer,
  jsonb,
  pgTable,
  smallint,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import {
  DIGEST_FREQUENCIES,
  EMAIL_KINDS,
  OUTBOX_STATUSES,
  WEBHOOK_ATTEMPT_OUTCOMES,
  WEBHOOK_DISABLED_REASONS,
  WEBHOOK_FORMATS,
  type DigestFrequency,
  type EmailKind,
  type OutboxStatus,
  type WebhookAttemptOutcome,
  type WebhookDisabledReason,
  type WebhookFormat,
  type WebhookSubscription,
} from "../../lib/validation/delivery-kinds";
import { createdAt, id, version } from "./columns";
import { teams } from "./teams";
import { users } from "./users";

/** What an email says, kept so that its HTML part can be drawn when it is sent. */
export interface EmailContent {
  teamName: string | null;
  roadmapName: string | null;
  heading: string;
  paragraphs: string[];
  action: { label: string; url: string };
  /** Where "turn this kind of email off" points (one-click, RFC 8058); none for asked-for mail. */
  unsubscribeUrl: string | null;
}

/**
 * Every email Cairn sends, written in the transaction of the change that causes it and delivered
 * by the job queue. `dedupeKey` (kind, cause, recipient) makes a second enqueue of the same
 * message a no-op, and the worker sends a row only while it is queued or retrying.
 */
export const outboxMessages = pgTable(
  "outbox_messages",
  {
    id: id(),
    /** The team whose Delivery log shows it; null for mail outside any team (password reset). */
    teamId: uuid("team_id").references(() => teams.id, { onDelete: "cascade" }),
    /** The recipient's account, when they have one (an invitee may not). */
    userId: uuid("user_id").references(() => users.id, { onDelete: "set null" }),
    kind: text("kind", { enum: EMAIL_KINDS }).$type<EmailKind>().notNull(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    content: jsonb("content").$type<EmailContent>().notNull(),
    status: text("status", { enum: OUTBOX_STATUSES }).$type<OutboxStatus>().notNull().default("queued"),
    attempts: integer("attempts").notNull().default(0),
    lastError: text("last_error"),
    dedupeKey: text("dedupe_key").notNull().unique(),
    createdAt: createdAt(),
    sentAt: timestamp("sent_at", { withTimezone: true }),
  },
  (t) => [index("outbox_messages_team_created_idx").on(t.teamId, t.createdAt.desc(), t.id.desc())],
);

/** One row per user who changed a default; without a row every kind is on and the digest weekly. */
export const notificationSettings = pgTable("notification_settings", {
  userId: uuid("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  mention: boolean("mention").notNull().default(true),
  reply: boolean("reply").notNull().default(true),
  ownedItemChanged: boolean("owned_item_changed").notNull().default(true),
  reviewReminder: boolean("review_reminder").notNull().default(true),
  feedbackRound: boolean("feedback_round").notNull().default(true),
  digest: text("digest", { enum: DIGEST_FREQUENCIES }).$type<DigestFrequency>().notNull().default("weekly"),
  timeZone: text("time_zone").notNull().default("UTC"),
  digestHour: smallint("digest_hour").notNull().default(8),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

/** Password reset links: only a SHA-256 hash of the token is stored; each is used at most once. */
export const passwordResetTokens = pgTable(
  "password_reset_tokens",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    tokenHash: text("token_hash").notNull().unique(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("password_reset_tokens_user_idx").on(t.userId)],
);

/**
 * A team's outgoing webhook. `secret` (`whsec_…`) is kept as given out: every delivery is signed
 * with it, so it cannot be stored as a hash; the API shows it once, at creation.
 */
export const webhooks = pgTable(
  "webhooks",
  {
    id: id(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    url: text("url").notNull(),
    events: jsonb("events").$type<WebhookSubscription[]>().notNull(),
    format: text("format", { enum: WEBHOOK_FORMATS }).$type<WebhookFormat>().notNull().default("standard"),
    description: text("description"),
    secret: text("secret").notNull(),
    active: boolean("active").notNull().default(true),
    disabledReason: text("disabled_reason", { enum: WEBHOOK_DISABLED_REASONS }).$type<WebhookDisabledReason>(),
    /** When the current run of failed deliveries began; null while the last one succeeded. */
    failingSince: timestamp("failing_since", { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [index("webhooks_team_idx").on(t.teamId, t.createdAt)],
);

/** One event for one webhook: its id is the `webhook-id` header of every attempt. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    id: id(),
    webhookId: uuid("webhook_id")
      .notNull()
      .references(() => webhooks.id, { onDelete: "cascade" }),
    event: text("event").notNull(),
    /** The event as sent (format "standard"); a Slack body is built from it. */
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    state: text("state", { enum: ["pending", "delivered", "gave_up"] }).notNull().default("pending"),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [index("webhook_deliveries_webhook_created_idx").on(t.webhookId, t.createdAt.desc(), t.id.desc())],
);

export const webhookAttempts = pgTable(
  "webhook_attempts",
  {
    id: id(),
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => webhookDeliveries.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    outcome: text("outcome", { enum: WEBHOOK_ATTEMPT_OUTCOMES }).$type<WebhookAttemptOutcome>().notNull(),
    status: integer("status"),
    durationMs: integer("duration_ms").notNull(),
    error: text("error"),
    /** At most the first kilobyte of the answer. */
    responseBody: text("response_body"),
  },
  (t) => [index("webhook_attempts_delivery_idx").on(t.deliveryId, t.at)],
);
