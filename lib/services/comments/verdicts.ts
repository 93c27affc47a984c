import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { comments } from "@/db/schema";
import { summarizeFeedback, type FeedbackComment } from "@/lib/collaboration/feedback";
import type { FeedbackSummary } from "@/lib/validation/collaboration";

/**
 * Comment and verdict counts per item of a roadmap (or of one item), from one query over its live
 * comments; items without a live comment are absent.
 */
export async function loadFeedback(
  db: Database,
  roadmapId: string,
  itemId?: string,
): Promise<Map<string, FeedbackSummary>> {
  const rows = await db
    .select({
      itemId: comments.itemId,
      authorId: comments.authorId,
      feasibility: comments.feasibility,
      createdAt: comments.createdAt,
      parentId: comments.parentId,
      resolvedAt: comments.resolvedAt,
    })
    .from(comments)
    .where(
      and(
        eq(comments.roadmapId, roadmapId),
        itemId ? eq(comments.itemId, itemId) : undefined,
        isNull(comments.deletedAt),
      ),
    );
  const byItem = new Map<string, FeedbackComment[]>();
  for (const r of rows) {
    const list = byItem.get(r.itemId) ?? [];
    list.push({ ...r, deleted: false, resolved: r.resolvedAt !== null });
    byItem.set(r.itemId, list);
  }
  return new Map([...byItem].map(([id, list]) => [id, summarizeFeedback(list)]));
}
