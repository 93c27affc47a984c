// Actuals and learning (#18): the hours people log on features, and the forecasts recorded over time
// that the confidence chart and the calibration of P80 dates are drawn from.

import { sql } from "drizzle-orm";
import {
  check,
  date,
  index,
  integer,
  jsonb,
  numeric,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import type { ForecastRecordSeries } from "../../lib/validation/learning";
import { FORECAST_METHODS, FORECAST_RECORD_REASONS } from "../../lib/validation/learning-kinds";
import { createdAt, id } from "./columns";
import { reviews } from "./communication";
import { items, roadmaps } from "./roadmaps";
import { teams } from "./teams";
import { users } from "./users";

/**
 * Hours a person spent on a feature on a day. Created and deleted, never edited, so it carries no
 * version. `person_id` is a user: in Cairn a person is a team member (items' owners are too); the
 * service checks membership. team_id is the item's team, copied so accuracy can read a team's hours
 * without walking items and roadmaps.
 */
export const timeEntries = pgTable(
  "time_entries",
  {
    id: id(),
    itemId: uuid("item_id")
      .notNull()
      .references(() => items.id, { onDelete: "cascade" }),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    /** Null once the person's account is deleted: the hours were still spent. */
    personId: uuid("person_id").references(() => users.id, { onDelete: "set null" }),
    on: date("on", { mode: "string" }).notNull(),
    /** Hundredths of an hour, exact: sums of many entries must not drift. */
    hours: numeric("hours", { precision: 4, scale: 2, mode: "number" }).notNull(),
    note: text("note"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
  },
  (t) => [
    index("time_entries_item_idx").on(t.itemId, t.on),
    index("time_entries_team_person_idx").on(t.teamId, t.personId),
    check("time_entries_hours_check", sql`${t.hours} > 0 and ${t.hours} <= 24`),
  ],
);

/**
 * One forecast as it stood: at each review, and at most once a day when something changed (the
 * partial unique index makes "one daily record per roadmap, method and day" hold under races).
 */
export const forecastRecords = pgTable(
  "forecast_records",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /** The UTC day of recordedAt, for the daily uniqueness. */
    recordedOn: date("recorded_on", { mode: "string" }).notNull(),
    reason: text("reason", { enum: FORECAST_RECORD_REASONS }).notNull(),
    /** The review that caused it, for reason "review". */
    reviewId: uuid("review_id").references(() => reviews.id, { onDelete: "set null" }),
    method: text("method", { enum: FORECAST_METHODS }).notNull(),
    runs: integer("runs").notNull(),
    seed: integer("seed").notNull(),
    series: jsonb("series").$type<ForecastRecordSeries>().notNull(),
  },
  (t) => [
    index("forecast_records_roadmap_idx").on(t.roadmapId, t.method, t.recordedAt),
    uniqueIndex("forecast_records_daily_key")
      .on(t.roadmapId, t.method, t.recordedOn)
      .where(sql`${t.reason} = 'daily'`),
    check("forecast_records_reason_check", sql`${t.reason} in ('review', 'daily')`),
    check("forecast_records_method_check", sql`${t.method} in ('pert', 'history')`),
  ],
);
