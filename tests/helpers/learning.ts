// #18 fixtures: a team's history of done features, made through the services.
import type { Database } from "@/db/types";
import { addDays } from "@/lib/planning/civil-date";
import type { Actor } from "@/lib/services/kernel/actor";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import type { Item } from "@/lib/validation/timeline";
import { featureInput } from "./timeline";

/** A Monday well before the tests' today (the actual dates of history must not be in the future). */
export const HISTORY_START = "2026-01-05";

/**
 * A finished roadmap of `count` features, one a week, each planned Monday to Friday (5 working days)
 * with an estimate whose PERT mean is its likely hours, and done in `weeks` weeks: every feature
 * took `weeks` times its estimate.
 */
export async function createHistory(
  db: Database,
  actor: Actor,
  teamId: string,
  options: { count: number; weeks: number; ownerId?: (k: number) => string | null },
): Promise<Item[]> {
  const roadmap = await createRoadmap(db, actor, teamId, { title: "Last year", startDate: HISTORY_START });
  const done: Item[] = [];
  for (let k = 0; k < options.count; k++) {
    const monday = addDays(HISTORY_START, 7 * k);
    const item = await createItem(
      db,
      actor,
      roadmap.id,
      featureInput(`Done ${k + 1}`, monday, addDays(monday, 4), {
        estimate: { optimisticHours: 20, likelyHours: 20, pessimisticHours: 20 },
        ownerId: options.ownerId?.(k) ?? null,
      }),
    );
    const actualFinish = addDays(monday, 7 * (options.weeks - 1) + 4);
    done.push(
      await updateItem(db, actor, item.id, item.version, {
        status: "done",
        actualStart: monday,
        actualFinish,
      }),
    );
  }
  return done;
}
