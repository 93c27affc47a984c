import { and, eq, isNotNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { phases, roadmaps } from "@/db/schema";
import { applyConflicts } from "@/lib/planning/scenario-checks";
import { planScenarioMerge } from "@/lib/planning/scenario-merge";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { queueWebhookEvent, roadmapEvent } from "@/lib/services/webhooks/events";
import { queueBulkItemEvents } from "@/lib/services/webhooks/bulk-events";
import { toRoadmap } from "@/lib/services/roadmaps/rows";
import { accessScenario, loadMergeDocuments, presentScenario, requireOpen } from "./documents";
import { closeScenario } from "./close";
import { recordRowChanges, writeMergePlan } from "./write";
import { takeSnapshot } from "@/lib/services/snapshots/take";

/**
 * Applies an open scenario to its base in one transaction: the base is locked first, then the
 * scenario (every other writer locks one roadmap only, so this order cannot deadlock); If-Match
 * must name the base's version; the three-way merge is recomputed under the locks, and any conflict
 * refuses the whole apply (409 scenario_conflict), writing nothing. Otherwise a snapshot of the
 * base is taken (for audit and undo), the plan written, the base's version moved on and the
 * scenario marked applied.
 */
export async function applyScenario(db: Database, actor: Actor, scenarioId: string, ifMatch: number) {
  const found = await accessScenario(db, actor, scenarioId, "roadmap.write");
  return db.transaction(async (tx) => {
    const { roadmap: base } = await accessRoadmap(tx, actor, found.baseRoadmapId, "roadmap.write", {
      lock: true,
    });
    const { roadmap: scenario } = await accessRoadmap(tx, actor, scenarioId, "roadmap.write", { lock: true });
    requireOpen(scenario);
    if (base.version !== ifMatch) throw versionMismatch("roadmap", toRoadmap(base));

    const docs = await loadMergeDocuments(tx, base, scenario);
    const plan = planScenarioMerge(docs.ancestor, docs.base, docs.scenario);
    const decided = await tx
      .select({ id: phases.id })
      .from(phases)
      .where(and(eq(phases.roadmapId, base.id), isNotNull(phases.decision)));
    const conflicts = [
      ...plan.conflicts,
      ...applyConflicts(plan, docs.base, new Set(decided.map((p) => p.id))),
    ];
    if (conflicts.length > 0) {
      const named = conflicts
        .slice(0, 3)
        .map((c) => `${c.title} (${c.field})`)
        .join(", ");
      throw new AppError(
        "scenario_conflict",
        `The roadmap changed since this scenario was made, where the scenario changes it too: ${named}${conflicts.length > 3 ? ` and ${conflicts.length - 3} more` : ""}. Nothing was applied; bring the scenario in line and apply again.`,
        { details: { conflicts } },
      );
    }

    const snapshot = await takeSnapshot(tx, actor, base, {
      label: `Before applying scenario “${scenario.title}”`,
      kind: "manual",
    });
    const written = await writeMergePlan(tx, base, plan);
    const [updatedBase] = await tx
      .update(roadmaps)
      .set({ ...plan.roadmap, version: sql`${roadmaps.version} + 1`, updatedAt: new Date() })
      .where(eq(roadmaps.id, base.id))
      .returning();
    await recordRowChanges(tx, actor, base, written.changes);
    const applied = {
      added: written.added,
      updated: written.updated,
      removed: written.removed,
      dependencies: written.dependencies,
    };
    const closed = await closeScenario(tx, actor, { base, scenario }, "applied", {
      snapshotId: snapshot.id,
      baseVersion: updatedBase.version,
      ...applied,
      ...(Object.keys(plan.roadmap).length > 0 && { roadmap: plan.roadmap }),
    });
    await queueWebhookEvent(
      tx,
      base.teamId,
      roadmapEvent("scenario.applied", updatedBase, `Scenario “${scenario.title}” applied`, {
        scenarioId: scenario.id,
        applied,
        snapshotId: snapshot.id,
      }),
    );
    await queueBulkItemEvents(
      tx,
      updatedBase,
      "scenario_apply",
      written.changes.flatMap((c) =>
        c.entity === "item" && (c.action === "created" || c.action === "updated" || c.action === "deleted")
          ? [{ type: `item.${c.action}` as const, itemId: c.entityId, version: c.version }]
          : [],
      ),
    );
    return {
      scenario: await presentScenario(tx, closed),
      base: toRoadmap(updatedBase),
      applied,
      snapshotId: snapshot.id,
    };
  });
}
