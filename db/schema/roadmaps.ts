import { sql } from "drizzle-orm";
import {
  bigint,
  boolean,
  check,
  date,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
  type AnyPgColumn,
} from "drizzle-orm/pg-core";
import { SCENARIO_STATUSES } from "../../lib/validation/phase-kinds";
import { createdAt, id, updatedAt, version } from "./columns";
import { skills, teams } from "./teams";
import { users } from "./users";

export const roadmaps = pgTable(
  "roadmaps",
  {
    id: id(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    horizonMonths: integer("horizon_months").notNull().default(12),
    status: text("status", { enum: ["draft", "active", "archived"] })
      .notNull()
      .default("draft"),
    kind: text("kind", { enum: ["roadmap", "scenario"] })
      .notNull()
      .default("roadmap"),
    baseRoadmapId: uuid("base_roadmap_id").references((): AnyPgColumn => roadmaps.id, {
      onDelete: "cascade",
    }),
    /** Scenarios only: open, applied or discarded. */
    scenarioStatus: text("scenario_status", { enum: SCENARIO_STATUSES }),
    /**
     * Scenarios only: the snapshot of the base taken when the scenario was copied from it, the
     * common ancestor of the three-way comparison that finds conflicting changes on apply.
     */
    baseSnapshotId: uuid("base_snapshot_id"),
    /** Last sequence number handed to a change of this roadmap (live events and activity). */
    seq: bigint("seq", { mode: "number" }).notNull().default(0),
    version: version(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("roadmaps_team_idx").on(t.teamId),
    check("roadmaps_horizon_check", sql`${t.horizonMonths} between 3 and 36`),
  ],
);

export const workstreams = pgTable(
  "workstreams",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    position: integer("position").notNull().default(0),
    /** In a scenario: the base roadmap's lane this one copies. */
    sourceId: uuid("source_id"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [index("workstreams_roadmap_idx").on(t.roadmapId)],
);

export const ITEM_STATUSES = ["planned", "in_progress", "done", "at_risk", "cut"] as const;

export const items = pgTable(
  "items",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    workstreamId: uuid("workstream_id").references(() => workstreams.id, { onDelete: "set null" }),
    kind: text("kind", { enum: ["feature", "milestone"] }).notNull(),
    title: text("title").notNull(),
    description: text("description"),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    outcome: text("outcome"),
    isKey: boolean("is_key").notNull().default(false),
    status: text("status", { enum: ITEM_STATUSES }).notNull().default("planned"),
    optimisticHours: doublePrecision("optimistic_hours"),
    likelyHours: doublePrecision("likely_hours"),
    pessimisticHours: doublePrecision("pessimistic_hours"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** Actuals (#18): the days work really started and finished, plan dates like startDate. */
    actualStart: date("actual_start", { mode: "string" }),
    actualFinish: date("actual_finish", { mode: "string" }),
    /**
     * Work in progress: hours still to do, re-estimated by whoever does it. Double precision like
     * the three-point estimate it replaces for the rest of the work (and read as a number).
     */
    remainingHours: doublePrecision("remaining_hours"),
    /** In a scenario: the base roadmap's item this one copies (null for items added in it). */
    sourceId: uuid("source_id"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("items_roadmap_idx").on(t.roadmapId),
    // Estimate accuracy and the history forecast read a team's done features across its roadmaps.
    index("items_done_features_idx")
      .on(t.roadmapId, t.actualFinish)
      .where(sql`${t.status} = 'done' and ${t.kind} = 'feature' and ${t.deletedAt} is null`),
    check("items_dates_check", sql`${t.startDate} <= ${t.endDate}`),
    check(
      "items_actuals_check",
      sql`${t.actualFinish} is null or ${t.actualStart} is null or ${t.actualStart} <= ${t.actualFinish}`,
    ),
    check("items_remaining_hours_check", sql`${t.remainingHours} is null or ${t.remainingHours} >= 0`),
  ],
);

export const itemSkills = pgTable(
  "item_skills",
  {
    itemId: uuid("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    hours: doublePrecision("hours").notNull(),
  },
  (t) => [primaryKey({ columns: [t.itemId, t.skillId] })],
);

/** Finish-to-start links: `toId` starts after `fromId` finishes plus `lagDays` working days. */
export const dependencies = pgTable(
  "dependencies",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    fromId: uuid("from_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    toId: uuid("to_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    lagDays: integer("lag_days").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("dependencies_pair_key").on(t.fromId, t.toId),
    index("dependencies_roadmap_idx").on(t.roadmapId),
    check("dependencies_not_self_check", sql`${t.fromId} <> ${t.toId}`),
  ],
);
