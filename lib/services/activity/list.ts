import { and, desc, eq, isNotNull, lt } from "drizzle-orm";
import { z } from "zod";
import type { Database } from "@/db/types";
import { activity, users } from "@/db/schema";
import type { ActivityEntity, ActivityEntry } from "@/lib/validation/collaboration";
import type { Actor } from "@/lib/services/kernel/actor";
import { decodeCursor, paginate } from "@/lib/services/kernel/cursor";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";

const seqCursorSchema = z.object({ seq: z.number().int().positive() });

/**
 * Who changed what on a roadmap, newest first by the roadmap's sequence number; with `itemId`, only
 * the changes to that item and its comments; with `entity`, only changes to that kind of thing.
 */
export async function listActivity(
  db: Database,
  actor: Actor,
  roadmapId: string,
  query: { limit: number; cursor?: string; itemId?: string; entity?: ActivityEntity },
): Promise<{ items: ActivityEntry[]; nextCursor: string | null }> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  const before = decodeCursor(query.cursor, seqCursorSchema);
  const rows = await db
    .select({ entry: activity, actor: { id: users.id, name: users.name, email: users.email } })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(
      and(
        eq(activity.teamId, roadmap.teamId),
        eq(activity.roadmapId, roadmapId),
        // Every roadmap change has a sequence number; the cursor walks them.
        isNotNull(activity.seq),
        query.itemId ? eq(activity.itemId, query.itemId) : undefined,
        query.entity ? eq(activity.entity, query.entity) : undefined,
        before ? lt(activity.seq, before.seq) : undefined,
      ),
    )
    .orderBy(desc(activity.seq), desc(activity.id))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, (last) => ({ seq: last.entry.seq }));
  return {
    items: page.rows.map(({ entry, actor: by }) => ({
      id: String(entry.id),
      seq: entry.seq,
      at: entry.createdAt.toISOString(),
      actor: by,
      entity: entry.entity,
      entityId: entry.entityId,
      itemId: entry.itemId,
      action: entry.action,
      changes: entry.changes ?? {},
    })),
    nextCursor: page.nextCursor,
  };
}
