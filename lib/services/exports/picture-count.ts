import { and, count, eq, gte, isNull, lte, ne, or } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items } from "@/db/schema/roadmaps";
import { AUDIENCE_RULES } from "@/lib/exports/timeline/picture-model";
import type { Audience } from "@/lib/validation/communication";

/**
 * How many items a picture of the range would show, counted in the database by the same rules as
 * visibleItems (lib/exports/timeline/picture-model.ts): so that a picture too large to draw is
 * refused before its roadmap, forecast and dashboard are loaded (at 10,000 items that load alone
 * is most of a second of the server's time).
 */
export async function countPictureItems(
  db: Database,
  roadmapId: string,
  request: { audience: Audience; forShare: boolean; from: string; to: string },
): Promise<number> {
  const rules = AUDIENCE_RULES[request.audience];
  const [row] = await db
    .select({ n: count() })
    .from(items)
    .where(
      and(
        eq(items.roadmapId, roadmapId),
        isNull(items.deletedAt),
        gte(items.endDate, request.from),
        lte(items.startDate, request.to),
        // A share link's picture never shows cut items, whatever its audience.
        rules.cut && !request.forShare ? undefined : ne(items.status, "cut"),
        rules.milestones === "all" ? undefined : or(eq(items.kind, "feature"), eq(items.isKey, true)),
      ),
    );
  return Number(row?.n ?? 0);
}
