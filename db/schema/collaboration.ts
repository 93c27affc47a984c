import { index, jsonb, pgTable, text, timestamp, uuid, type AnyPgColumn } from "drizzle-orm/pg-core";
import { FEASIBILITY_VERDICTS, NOTIFICATION_KINDS } from "../../lib/validation/collaboration-kinds";
import { createdAt, id, updatedAt, version } from "./columns";
import { items, roadmaps } from "./roadmaps";
import { teams } from "./teams";
import { users } from "./users";

/**
 * Comments on items: threads one level deep (a reply's parent is always a root comment), with an
 * optional feasibility verdict. Deletes are soft; the body of a deleted comment is never served.
 */
export const comments = pgTable(
  "comments",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    parentId: uuid("parent_id").references((): AnyPgColumn => comments.id, { onDelete: "cascade" }),
    authorId: uuid("author_id").references(() => users.id, { onDelete: "set null" }),
    body: text("body").notNull(),
    feasibility: text("feasibility", { enum: FEASIBILITY_VERDICTS }),
    /** Members the body mentions, resolved when it was written. */
    mentionIds: jsonb("mention_ids").$type<string[]>().notNull().default([]),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    resolvedById: uuid("resolved_by_id").references(() => users.id, { onDelete: "set null" }),
    editedAt: timestamp("edited_at", { withTimezone: true }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("comments_item_idx").on(t.itemId, t.createdAt),
    index("comments_parent_idx").on(t.parentId),
    index("comments_roadmap_idx").on(t.roadmapId),
  ],
);

/** What a person is told about: mentions, replies to their comments, changes to items they own. */
export const notifications = pgTable(
  "notifications",
  {
    id: id(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    roadmapId: uuid("roadmap_id").references(() => roadmaps.id, { onDelete: "cascade" }),
    itemId: uuid("item_id").references(() => items.id, { onDelete: "cascade" }),
    commentId: uuid("comment_id").references(() => comments.id, { onDelete: "cascade" }),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    /** Kind-specific facts shown in the list (an excerpt, the fields changed). */
    data: jsonb("data").$type<Record<string, unknown>>().notNull().default({}),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.createdAt)],
);

/**
 * Who has a roadmap open, one row per open event stream, kept fresh by the stream's heartbeat so
 * that rows of an instance that died expire by themselves.
 */
export const presence = pgTable(
  "presence",
  {
    connectionId: uuid("connection_id").primaryKey(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The item this person is editing, if any (not a foreign key: presence never blocks writes). */
    itemId: uuid("item_id"),
    connectedAt: createdAt(),
    seenAt: timestamp("seen_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("presence_roadmap_idx").on(t.roadmapId)],
);
