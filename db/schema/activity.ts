import { bigint, bigserial, index, jsonb, pgTable, text, uuid } from "drizzle-orm/pg-core";
import { createdAt } from "./columns";
import { roadmaps } from "./roadmaps";
import { teams } from "./teams";
import { users } from "./users";

/** Who changed what. Roadmap changes also carry the roadmap's sequence number for live-event catch-up. */
export const activity = pgTable(
  "activity",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    teamId: uuid("team_id")
      .notNull()
      .references(() => teams.id, { onDelete: "cascade" }),
    roadmapId: uuid("roadmap_id").references(() => roadmaps.id, { onDelete: "cascade" }),
    seq: bigint("seq", { mode: "number" }),
    actorId: uuid("actor_id").references(() => users.id, { onDelete: "set null" }),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    /** The item the change concerns (the item itself, or the item a comment is on), for per-item logs. */
    itemId: uuid("item_id"),
    action: text("action").notNull(),
    changes: jsonb("changes").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("activity_team_idx").on(t.teamId, t.id),
    index("activity_roadmap_idx").on(t.roadmapId, t.id),
    index("activity_roadmap_seq_idx").on(t.roadmapId, t.seq),
    index("activity_item_idx").on(t.itemId, t.id),
  ],
);
