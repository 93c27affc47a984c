import type { Database } from "@/db/types";
import { activity } from "@/db/schema";

export interface ActivityEntry {
  teamId: string;
  roadmapId?: string | null;
  seq?: number | null;
  actorId: string | null;
  entity: string;
  entityId: string;
  action: string;
  changes?: Record<string, unknown>;
}

/** Appends to the activity log; call it inside the transaction that makes the change. */
export async function recordActivity(db: Database, entry: ActivityEntry): Promise<void> {
  await db.insert(activity).values(entry);
}
