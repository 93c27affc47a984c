import type { Database } from "@/db/types";
import type { Risk } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound } from "@/lib/services/kernel/errors";
import { RESTORE_WINDOW_DAYS } from "@/lib/services/roadmaps/rows";
import { presentRisk } from "./rows";
import { writeRisk, writeTransaction } from "./write";

export async function restoreRisk(db: Database, actor: Actor, riskId: string): Promise<Risk> {
  return writeTransaction(db, actor, riskId, { includeDeleted: true }, async (tx, roadmap, row) => {
    if (!row.deletedAt) return presentRisk(tx, row);
    if (Date.now() - row.deletedAt.getTime() > RESTORE_WINDOW_DAYS * 86_400_000) throw notFound("risk");
    const written = await writeRisk(tx, actor, roadmap, row, {
      set: { deletedAt: null },
      action: "restored",
    });
    return presentRisk(tx, written);
  });
}
