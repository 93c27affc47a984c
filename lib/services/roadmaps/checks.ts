// What a roadmap's dates must allow: a horizon in range, and no item left outside it.
import { and, asc, eq, gt, isNull, lt, or } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items } from "@/db/schema";
import { HORIZON } from "@/lib/validation/roadmaps";
import { AppError } from "@/lib/services/kernel/errors";

export function checkHorizon(months: number) {
  if (months < HORIZON.min || months > HORIZON.max) {
    throw new AppError(
      "horizon_out_of_range",
      `A roadmap spans ${HORIZON.min} to ${HORIZON.max} months (12-18 is recommended); ${months} is outside that range.`,
      { details: { min: HORIZON.min, max: HORIZON.max, got: months } },
    );
  }
}

/** Items that would fall outside the horizon if the roadmap moved to [start, end]. */
export async function itemsOutside(db: Database, roadmapId: string, start: string, end: string) {
  return db
    .select({ id: items.id, title: items.title })
    .from(items)
    .where(
      and(
        eq(items.roadmapId, roadmapId),
        isNull(items.deletedAt),
        or(lt(items.startDate, start), gt(items.endDate, end)),
      ),
    )
    .orderBy(asc(items.startDate))
    .limit(20);
}
