// The rules an item must meet beyond its schema: inside the roadmap's horizon, references in its team.
import { and, eq, inArray, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, memberships, skills, workstreams } from "@/db/schema";
import { horizonEnd } from "@/lib/planning/calendar";
import type { CreateItemInput } from "@/lib/validation/timeline";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound } from "@/lib/services/kernel/errors";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";

/** An item, its roadmap and the actor's edit access to it; deleted items only when asked. */
export async function accessItem(
  db: Database,
  actor: Actor,
  itemId: string,
  options: { includeDeleted?: boolean } = {},
) {
  const [row] = await db.select().from(items).where(eq(items.id, itemId)).limit(1);
  if (!row || (row.deletedAt && !options.includeDeleted)) throw notFound("item");
  const { roadmap } = await accessRoadmap(db, actor, row.roadmapId, "roadmap.write");
  return { row, roadmap };
}

type ItemShape = Omit<CreateItemInput, "endDate"> & { endDate: string };

export function checkInsideHorizon(roadmap: RoadmapRow, item: ItemShape) {
  const end = horizonEnd(roadmap.startDate, roadmap.horizonMonths);
  if (item.startDate < roadmap.startDate || item.endDate > end) {
    throw new AppError(
      "outside_horizon",
      `Dates must fall inside the roadmap's horizon, ${roadmap.startDate} to ${end}. Choose dates in that range or extend the horizon.`,
      { details: { horizonStart: roadmap.startDate, horizonEnd: end } },
    );
  }
}

const badReference = (path: string, message: string) =>
  new AppError("invalid_reference", message, { details: [{ path, message }] });

/** Lanes, owners and skills named by an item must belong to its roadmap and team. */
export async function checkReferences(db: Database, roadmap: RoadmapRow, item: Partial<CreateItemInput>) {
  if (item.workstreamId) {
    const [lane] = await db
      .select({ id: workstreams.id })
      .from(workstreams)
      .where(
        and(
          eq(workstreams.id, item.workstreamId),
          eq(workstreams.roadmapId, roadmap.id),
          isNull(workstreams.deletedAt),
        ),
      );
    if (!lane)
      throw badReference("workstreamId", "That lane does not exist in this roadmap. Pick one of its lanes.");
  }
  if (item.ownerId) {
    const [member] = await db
      .select({ userId: memberships.userId })
      .from(memberships)
      .where(and(eq(memberships.teamId, roadmap.teamId), eq(memberships.userId, item.ownerId)));
    if (!member) throw badReference("ownerId", "The owner must be a member of this team.");
  }
  const skillIds = (item.skills ?? []).map((s) => s.skillId);
  if (skillIds.length > 0) {
    const found = await db
      .select({ id: skills.id })
      .from(skills)
      .where(and(eq(skills.teamId, roadmap.teamId), inArray(skills.id, skillIds)));
    if (found.length !== new Set(skillIds).size) {
      throw badReference("skills", "Every skill must come from this team's skills catalogue.");
    }
  }
}
