import { asc, eq, inArray } from "drizzle-orm";
import { activity, dependencies, items, itemSkills, roadmaps, workstreams } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Actor } from "@/lib/services/kernel/actor";
import { createDependency } from "@/lib/services/dependencies/edges";
import { createItem } from "@/lib/services/items/create";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { CreateItemInput, Dependency, Item, Workstream } from "@/lib/validation/timeline";

/** 2027-01-04 is a Monday: every fixture roadmap starts on it. */
export const MONDAY = "2027-01-04";

/** A feature of the given dates, with the fields the schema requires. */
export function featureInput(
  title: string,
  startDate: string,
  endDate: string,
  extra: Partial<CreateItemInput> = {},
): CreateItemInput {
  return { kind: "feature", title, startDate, endDate, ...extra };
}

/** A milestone on one date, with the outcome every milestone must carry. */
export function milestoneInput(title: string, date: string, extra: Partial<CreateItemInput> = {}) {
  return {
    kind: "milestone",
    title,
    startDate: date,
    endDate: date,
    outcome: `${title} is reached`,
    ...extra,
  } satisfies CreateItemInput;
}

/** A small board made through the services: the things every timeline route acts on. */
export interface BoardFixture {
  roadmap: Roadmap;
  /** A lane holding `feature`. */
  lane: Workstream;
  /** A lane with nothing in it (deletable). */
  emptyLane: Workstream;
  feature: Item;
  second: Item;
  milestone: Item;
  /** feature -> second. */
  dependency: Dependency;
}

export async function createBoardFixture(
  db: Database,
  actor: Actor,
  teamId: string,
  options: { title?: string; startDate?: string; horizonMonths?: number } = {},
): Promise<BoardFixture> {
  const roadmap = await createRoadmap(db, actor, teamId, {
    title: options.title ?? "Fixture roadmap",
    startDate: options.startDate ?? MONDAY,
    horizonMonths: options.horizonMonths,
  });
  const lane = await createWorkstream(db, actor, roadmap.id, { name: "Platform" });
  const emptyLane = await createWorkstream(db, actor, roadmap.id, { name: "Empty lane" });
  const feature = await createItem(
    db,
    actor,
    roadmap.id,
    featureInput("Fixture feature", "2027-02-01", "2027-02-12", {
      workstreamId: lane.id,
      estimate: { optimisticHours: 10, likelyHours: 20, pessimisticHours: 40 },
    }),
  );
  const second = await createItem(
    db,
    actor,
    roadmap.id,
    featureInput("Second feature", "2027-03-01", "2027-03-12"),
  );
  const milestone = await createItem(
    db,
    actor,
    roadmap.id,
    milestoneInput("Fixture milestone", "2027-04-01"),
  );
  const dependency = await createDependency(db, actor, roadmap.id, { fromId: feature.id, toId: second.id });
  return { roadmap, lane, emptyLane, feature, second, milestone, dependency };
}

/**
 * Everything the timeline routes can change in a team, read straight from the tables (deleted rows
 * included), for before/after comparisons.
 */
export async function timelineState(db: Database, teamId: string) {
  const roadmapRows = await db
    .select({
      id: roadmaps.id,
      title: roadmaps.title,
      description: roadmaps.description,
      startDate: roadmaps.startDate,
      horizonMonths: roadmaps.horizonMonths,
      status: roadmaps.status,
      version: roadmaps.version,
      seq: roadmaps.seq,
      deletedAt: roadmaps.deletedAt,
    })
    .from(roadmaps)
    .where(eq(roadmaps.teamId, teamId))
    .orderBy(asc(roadmaps.id));
  const roadmapIds = roadmapRows.map((r) => r.id);
  if (roadmapIds.length === 0) {
    return { roadmaps: [], workstreams: [], items: [], skills: [], dependencies: [], activity: [] };
  }
  const laneRows = await db
    .select({
      id: workstreams.id,
      name: workstreams.name,
      position: workstreams.position,
      version: workstreams.version,
      deletedAt: workstreams.deletedAt,
    })
    .from(workstreams)
    .where(inArray(workstreams.roadmapId, roadmapIds))
    .orderBy(asc(workstreams.id));
  const itemRows = await db
    .select()
    .from(items)
    .where(inArray(items.roadmapId, roadmapIds))
    .orderBy(asc(items.id));
  const itemIds = itemRows.map((i) => i.id);
  const skillRows =
    itemIds.length === 0
      ? []
      : await db
          .select()
          .from(itemSkills)
          .where(inArray(itemSkills.itemId, itemIds))
          .orderBy(asc(itemSkills.itemId), asc(itemSkills.skillId));
  const linkRows = await db
    .select()
    .from(dependencies)
    .where(inArray(dependencies.roadmapId, roadmapIds))
    .orderBy(asc(dependencies.id));
  const activityRows = await db
    .select({ id: activity.id })
    .from(activity)
    .where(eq(activity.teamId, teamId))
    .orderBy(asc(activity.id));
  return {
    roadmaps: roadmapRows,
    workstreams: laneRows,
    items: itemRows,
    skills: skillRows,
    dependencies: linkRows,
    activity: activityRows.map((a) => a.id),
  };
}

/** The activity rows of a roadmap in the order they were written. */
export async function roadmapActivity(db: Database, roadmapId: string) {
  return db
    .select({
      seq: activity.seq,
      actorId: activity.actorId,
      entity: activity.entity,
      entityId: activity.entityId,
      action: activity.action,
      changes: activity.changes,
    })
    .from(activity)
    .where(eq(activity.roadmapId, roadmapId))
    .orderBy(asc(activity.id));
}

/** The roadmap's last handed-out sequence number. */
export async function roadmapSeq(db: Database, roadmapId: string): Promise<number> {
  const [row] = await db.select({ seq: roadmaps.seq }).from(roadmaps).where(eq(roadmaps.id, roadmapId));
  return row.seq;
}
