import { sql } from "drizzle-orm";
import { check, date, index, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { GATE_DECISIONS } from "../../lib/validation/phase-kinds";
import { createdAt, id, updatedAt, version } from "./columns";
import { snapshots } from "./communication";
import { roadmaps } from "./roadmaps";
import { users } from "./users";

/**
 * A development phase: a named date span of a roadmap (phases never overlap), which may end in a
 * go/no-go gate. The gate's decision is recorded once, with the snapshot taken when it was made.
 */
export const phases = pgTable(
  "phases",
  {
    id: id(),
    roadmapId: uuid("roadmap_id")
      .notNull()
      .references(() => roadmaps.id, { onDelete: "cascade" }),
    name: text("name").notNull(),
    startDate: date("start_date", { mode: "string" }).notNull(),
    endDate: date("end_date", { mode: "string" }).notNull(),
    /** The gate at the phase's end; null: the phase has none. */
    gateTitle: text("gate_title"),
    /** What must be true to pass the gate. */
    gateOutcome: text("gate_outcome"),
    decision: text("decision", { enum: GATE_DECISIONS }),
    decisionNotes: text("decision_notes"),
    decidedAt: timestamp("decided_at", { withTimezone: true }),
    decidedBy: uuid("decided_by").references(() => users.id, { onDelete: "set null" }),
    decisionSnapshotId: uuid("decision_snapshot_id").references(() => snapshots.id, { onDelete: "set null" }),
    /** In a scenario: the base roadmap's phase this one copies. */
    sourceId: uuid("source_id"),
    version: version(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index("phases_roadmap_idx").on(t.roadmapId, t.startDate),
    check("phases_dates_check", sql`${t.startDate} <= ${t.endDate}`),
  ],
);
