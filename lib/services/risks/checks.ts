// What a risk must meet beyond its schema: its items live in its roadmap, its owner in its team.
import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, memberships, roadmaps } from "@/db/schema";
import { AppError } from "@/lib/services/kernel/errors";
import { type RoadmapRow } from "@/lib/services/kernel/roadmap-access";

export const badReference = (path: string, message: string, extra: Record<string, unknown> = {}) =>
  new AppError("invalid_reference", message, { details: [{ path, message, ...extra }] });

/**
 * Items must be live items of this roadmap: one of another roadmap of the team is a 422
 * cross_roadmap; one that is deleted, unknown or another team's is unknown (its existence is not
 * revealed).
 */
export async function checkItems(tx: Database, roadmap: RoadmapRow, itemIds: string[]) {
  if (itemIds.length === 0) return;
  const rows = await tx
    .select({
      id: items.id,
      roadmapId: items.roadmapId,
      teamId: roadmaps.teamId,
      deletedAt: items.deletedAt,
    })
    .from(items)
    .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
    .where(inArray(items.id, itemIds));
  const found = new Map(rows.map((r) => [r.id, r]));
  const elsewhere = itemIds.filter((id) => {
    const row = found.get(id);
    return row && !row.deletedAt && row.teamId === roadmap.teamId && row.roadmapId !== roadmap.id;
  });
  if (elsewhere.length > 0) {
    throw new AppError(
      "cross_roadmap",
      "A risk can only name items of its own roadmap; remove the items of other roadmaps.",
      { details: { itemIds: elsewhere } },
    );
  }
  const unknown = itemIds.filter((id) => {
    const row = found.get(id);
    return !row || row.deletedAt || row.roadmapId !== roadmap.id;
  });
  if (unknown.length > 0) {
    throw badReference("itemIds", "Every linked item must be a live item of this roadmap.", {
      itemIds: unknown,
    });
  }
}

export async function checkOwner(tx: Database, roadmap: RoadmapRow, ownerId: string | null | undefined) {
  if (!ownerId) return;
  const [member] = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.teamId, roadmap.teamId), eq(memberships.userId, ownerId)));
  if (!member) throw badReference("ownerId", "The risk's owner must be a member of this team.");
}
