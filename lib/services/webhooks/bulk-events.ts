import type { Database } from "@/db/types";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { queueItemEvent } from "./events";

/** Operations that change many items at once. */
export type BulkCause = "auto_schedule" | "auto_schedule_undo" | "scenario_apply" | "import";

type ItemEventKind = "item.created" | "item.updated" | "item.deleted";

export interface BulkItemChange {
  type: ItemEventKind;
  itemId: string;
  title?: string;
  version?: number;
}

/** Items named in one bulk event; the count says how many there were in all. */
export const BULK_EVENT_MAX_ITEMS = 500;

const CAUSE_WORDS: Record<BulkCause, string> = {
  auto_schedule: "auto-schedule",
  auto_schedule_undo: "undoing an auto-schedule",
  scenario_apply: "applying a scenario",
  import: "an import",
};

const VERB: Record<ItemEventKind, string> = {
  "item.created": "added",
  "item.updated": "changed",
  "item.deleted": "deleted",
};

/**
 * A bulk write's item events, in its transaction: one event per kind (created, changed, deleted)
 * naming the items (the first BULK_EVENT_MAX_ITEMS, and the count), not one per item, so that an
 * import of 10,000 items or an auto-schedule stays one write and one POST per webhook.
 * `data.bulk` tells a receiver it is a batch; single-item events carry `data.itemId` instead.
 */
export async function queueBulkItemEvents(
  tx: Database,
  roadmap: Parameters<typeof queueItemEvent>[1] & { id: string; title: string },
  cause: BulkCause,
  changes: readonly BulkItemChange[],
): Promise<void> {
  for (const type of ["item.created", "item.updated", "item.deleted"] as const) {
    const of = changes.filter((c) => c.type === type);
    if (of.length === 0) continue;
    await queueItemEvent(tx, roadmap, {
      type,
      data: {
        teamId: roadmap.teamId,
        roadmapId: roadmap.id,
        roadmapName: roadmap.title,
        title: `${of.length} ${of.length === 1 ? "item" : "items"} ${VERB[type]} by ${CAUSE_WORDS[cause]}`,
        bulk: {
          cause,
          count: of.length,
          items: of.slice(0, BULK_EVENT_MAX_ITEMS).map(({ type: _type, ...item }) => item),
          truncated: of.length > BULK_EVENT_MAX_ITEMS,
        },
        url: `${appOrigin()}/roadmaps/${roadmap.id}`,
      },
    });
  }
}
