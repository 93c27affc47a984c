import type { Database } from "@/db/types";
import type { Risk, UpdateRiskInput } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { versionMismatch } from "@/lib/services/kernel/errors";
import { diffFields } from "@/lib/services/kernel/roadmap-access";
import { columnsOf, presentRisk, unique, writeItems } from "./rows";
import { checkItems, checkOwner } from "./checks";
import { writeRisk, writeTransaction } from "./write";

export async function updateRisk(
  db: Database,
  actor: Actor,
  riskId: string,
  expectedVersion: number,
  patch: UpdateRiskInput,
): Promise<Risk> {
  return writeTransaction(db, actor, riskId, {}, async (tx, roadmap, row) => {
    if (row.version !== expectedVersion) throw versionMismatch("risk", await presentRisk(tx, row));
    const before = await presentRisk(tx, row);
    const itemIds = unique(patch.itemIds);
    if (itemIds) await checkItems(tx, roadmap, itemIds);
    if (patch.ownerId !== undefined) await checkOwner(tx, roadmap, patch.ownerId);
    const set = columnsOf(patch);
    const changes = diffFields(before as unknown as Record<string, unknown>, {
      ...set,
      ...(itemIds && { itemIds }),
    });
    // itemIds are compared as a set: the same items in another order are no change.
    if (itemIds && [...itemIds].sort().join() === [...before.itemIds].sort().join()) delete changes.itemIds;
    if (Object.keys(changes).length === 0) return before;
    const written = await writeRisk(tx, actor, roadmap, row, { set, action: "updated", changes });
    await writeItems(tx, written, itemIds);
    return presentRisk(tx, written);
  });
}
