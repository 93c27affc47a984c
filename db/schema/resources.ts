import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uuid,
} from "drizzle-orm/pg-core";
import { RISK_KINDS, RISK_STATUSES } from "../../lib/validation/resource-kinds";
import { createdAt, id, updatedAt, version } from "./columns";
import { items, roadmaps } from "./roadmaps";
import { skills } from "./teams";
import { users } from "./users";

/**
 * A roadmap's staffing plan as one versioned document (PUT replaces it whole, with If-Match on
 * its version): the hiring lead time, and the rows below.
 */
export const staffingPlans = pgTable("staffing_plans", {
  roadmapId: uuid("roadmap_id")
    .primaryKey()
    .references(() => roadmaps.id, { onDelete: "cascade" }),
  /** Weeks from starting to hire to a person being productive, for the ramp-up's start-by dates. */
  hiringLeadWeeks: integer("hiring_lead_weeks").notNull().default(8),
  version: version(),
  updatedAt: updatedAt(),
});

/** Headcount per skill per quarter ("2027-Q1"), with the hours each person gives per week. */
export const staffingRows = pgTable(
  "staffing_rows",
  {
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    skillId: uuid("skill_id")
      .notNull()
      .references(() => skills.id, { onDelete: "cascade" }),
    quarter: text("quarter").notNull(),
    headcount: doublePrecision("headcount").notNull(),
    hoursPerWeek: doublePrecision("hours_per_week").notNull(),
  },
  (t) => [primaryKey({ columns: [t.roadmapId, t.skillId, t.quarter] })],
);

export const risks = pgTable(
  "risks",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    title: text("title").notNull(),
    description: text("description"),
    kind: text("kind", { enum: RISK_KINDS }).notNull(),
    likelihood: integer("likelihood").notNull(),
    impact: integer("impact").notNull(),
    status: text("status", { enum: RISK_STATUSES }).notNull().default("open"),
    ownerId: uuid("owner_id").references(() => users.id, { onDelete: "set null" }),
    /** Working days the risk adds to each linked item when it happens. */
    delayDays: integer("delay_days"),
    contingency: text("contingency"),
    /** In a scenario: the base roadmap's risk this one copies. */
    sourceId: uuid("source_id"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    deletedAt: timestamp("deleted_at", { withTimezone: true }),
  },
  (t) => [
    index("risks_roadmap_idx").on(t.roadmapId),
    check("risks_likelihood_check", sql`${t.likelihood} between 1 and 5`),
    check("risks_impact_check", sql`${t.impact} between 1 and 5`),
  ],
);

/** The items a risk threatens (of the risk's own roadmap). */
export const riskItems = pgTable(
  "risk_items",
  {
    riskId: uuid("risk_id")
      .notNull()
      .references(() => risks.id, { onDelete: "cascade" }),
    itemId: uuid("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
  },
  (t) => [primaryKey({ columns: [t.riskId, t.itemId] }), index("risk_items_item_idx").on(t.itemId)],
);
