import { sql } from "drizzle-orm";
import {
  bigint,
  check,
  customType,
  date,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  unique,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { AUDIENCES, SNAPSHOT_KINDS, type CadenceInterval } from "../../lib/validation/communication-kinds";
import type { RoadmapDocument } from "../../lib/validation/roadmap-document";
import { createdAt, id, updatedAt, version } from "./columns";
import { items, roadmaps } from "./roadmaps";
import { users } from "./users";

/** A roadmap's review rules as one versioned document (PUT replaces it whole). */
export const reviewCadences = pgTable("review_cadences", {
  roadmapId: uuid("roadmap_id")
    .primaryKey()
    .references(() => roadmaps.id, { onDelete: "cascade" }),
  rules: jsonb("rules")
    .$type<{ audience: (typeof AUDIENCES)[number]; every: CadenceInterval; nextOn: string }[]>()
    .notNull()
    .default([]),
  version: version(),
  updatedAt: updatedAt(),
});

/** Raw bytes: a Buffer from postgres.js, a Uint8Array from PGlite; either is accepted on write. */
const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({ dataType: () => "bytea" });

/** An immutable copy of a roadmap at one moment (the lossless export document), for diffs. */
export const snapshots = pgTable(
  "snapshots",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    label: text("label").notNull(),
    kind: text("kind", { enum: SNAPSHOT_KINDS }).notNull(),
    /** The document as JSON: rows written before the packed form (kept readable, never rewritten). */
    document: jsonb("document").$type<RoadmapDocument>(),
    /**
     * The document packed once when taken (lib/services/snapshots/packed.ts: tabular JSON, gzipped):
     * a fifth of the JSON's bytes, and no jsonb to build on write or parse on read.
     */
    packed: bytea("packed"),
    itemCount: integer("item_count").notNull(),
    /** The roadmap's change-log position the snapshot reflects. */
    seq: bigint("seq", { mode: "number" }).notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("snapshots_roadmap_idx").on(t.roadmapId, t.createdAt),
    check("snapshots_document_present", sql`${t.document} is not null or ${t.packed} is not null`),
  ],
);

/** A review session held with an audience: what was decided, and the snapshot taken. */
export const reviews = pgTable(
  "reviews",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    audience: text("audience", { enum: AUDIENCES }).notNull(),
    heldOn: date("held_on", { mode: "string" }).notNull(),
    notes: text("notes").notNull().default(""),
    decisions: jsonb("decisions").$type<string[]>().notNull().default([]),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => snapshots.id, { onDelete: "cascade" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [index("reviews_roadmap_idx").on(t.roadmapId, t.heldOn)],
);

/** A question put to an audience about the roadmap as it was when the round opened (its snapshot). */
export const feedbackRounds = pgTable(
  "feedback_rounds",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    snapshotId: uuid("snapshot_id")
      .notNull()
      .references(() => snapshots.id, { onDelete: "cascade" }),
    question: text("question").notNull(),
    audience: text("audience", { enum: AUDIENCES }).notNull(),
    /** Last day responses are taken (inclusive, UTC). */
    closesOn: date("closes_on", { mode: "string" }).notNull(),
    /** Set when an editor closes the round early. */
    closedAt: timestamp("closed_at", { withTimezone: true }),
    closedBy: uuid("closed_by").references(() => users.id, { onDelete: "set null" }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [index("feedback_rounds_roadmap_idx").on(t.roadmapId, t.createdAt)],
);

/** One response per person per item (null item: the roadmap overall), editable until close. */
export const feedbackResponses = pgTable(
  "feedback_responses",
  {
    id: id(),
    roundId: uuid("round_id")
      .notNull()
      .references(() => feedbackRounds.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    itemId: uuid("item_id").references(() => items.id, { onDelete: "cascade" }),
    rating: integer("rating").notNull(),
    text: text("text"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    unique("feedback_responses_one_key").on(t.roundId, t.userId, t.itemId).nullsNotDistinct(),
    check("feedback_responses_rating_check", sql`${t.rating} between 1 and 5`),
  ],
);

/** A read-only audience view reachable without sign-in; only the token's hash is kept. */
export const shareLinks = pgTable(
  "share_links",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    audience: text("audience", { enum: AUDIENCES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    /** The token's last characters, so people can tell links apart. */
    tokenHint: text("token_hint").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    revokedBy: uuid("revoked_by").references(() => users.id, { onDelete: "set null" }),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    version: version(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("share_links_token_key").on(t.tokenHash),
    index("share_links_roadmap_idx").on(t.roadmapId),
  ],
);
