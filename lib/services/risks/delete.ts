import type { Database } from "@/db/types";
import type { Risk } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { versionMismatch } from "@/lib/services/kernel/errors";
import { presentRisk } from "./rows";
import { writeRisk, writeTransaction } from "./write";

/** Soft delete: the risk leaves the register and the forecast, restorable for 30 days. */
export async function deleteRisk(
  db: Database,
  actor: Actor,
  riskId: string,
  expectedVersion: number,
): Promise<Risk> {
  return writeTransaction(db, actor, riskId, {}, async (tx, roadmap, row) => {
    if (row.version !== expectedVersion) throw versionMismatch("risk", await presentRisk(tx, row));
    const written = await writeRisk(tx, actor, roadmap, row, {
      set: { deletedAt: new Date() },
      action: "deleted",
      changes: { title: row.title },
    });
    return presentRisk(tx, written);
  });
}
