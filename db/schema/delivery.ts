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
  type DigestFrequency,
  type EmailKind,
  type OutboxStatus,
} from "../../lib/validation/delivery-kinds";
import { createdAt, id } from "./columns";
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
