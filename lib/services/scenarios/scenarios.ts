import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { roadmaps } from "@/db/schema";
import type { Scenario } from "@/lib/validation/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { copyRoadmapAsScenario } from "./copy";
import { closeScenario } from "./close";
import { accessScenario, presentScenario, requireOpen } from "./documents";
import { takeSnapshot } from "@/lib/services/snapshots/take";

/**
 * Makes a what-if scenario of a roadmap: in one transaction with the base locked, a snapshot of
 * the base (the common ancestor that apply compares against), then a full copy of its plan.
 */
export async function createScenario(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: { name: string },
): Promise<Scenario> {
  return db.transaction(async (tx) => {
    const { roadmap: base } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    if (base.kind !== "roadmap") {
      throw new AppError(
        "not_a_base",
        `“${base.title}” is itself a scenario; make the new scenario from its roadmap instead.`,
        { details: { baseRoadmapId: base.baseRoadmapId } },
      );
    }
    const snapshot = await takeSnapshot(tx, actor, base, {
      label: `Base of scenario “${input.name}”`,
      kind: "manual",
    });
    const scenario = await copyRoadmapAsScenario(tx, actor, base, {
      name: input.name,
      baseSnapshotId: snapshot.id,
    });
    await recordRoadmapChange(tx, actor, base, {
      entity: "scenario",
      entityId: scenario.id,
      action: "created",
      version: scenario.version,
      changes: { name: scenario.title, snapshotId: snapshot.id },
    });
    await recordRoadmapChange(tx, actor, scenario, {
      entity: "scenario",
      entityId: scenario.id,
      action: "created",
      version: scenario.version,
      changes: { name: scenario.title, baseRoadmapId: base.id },
    });
    return presentScenario(tx, scenario);
  });
}

/** The scenarios of a roadmap: open ones first, then newest first. */
export async function listScenarios(db: Database, actor: Actor, roadmapId: string): Promise<Scenario[]> {
  await accessRoadmap(db, actor, roadmapId, "team.read");
  const rows = await db
    .select()
    .from(roadmaps)
    .where(
      and(eq(roadmaps.baseRoadmapId, roadmapId), eq(roadmaps.kind, "scenario"), isNull(roadmaps.deletedAt)),
    )
    .orderBy(
      asc(sql`case when ${roadmaps.scenarioStatus} = 'open' then 0 else 1 end`),
      desc(roadmaps.createdAt),
      asc(roadmaps.id),
    );
  return Promise.all(rows.map((r) => presentScenario(db, r)));
}

/**
 * Throws the scenario away: it stays readable, marked discarded. The base is locked before the
 * scenario, in the same order as apply, so the two can never deadlock and exactly one wins.
 */
export async function discardScenario(db: Database, actor: Actor, scenarioId: string): Promise<Scenario> {
  const found = await accessScenario(db, actor, scenarioId, "roadmap.write");
  return db.transaction(async (tx) => {
    const { roadmap: base } = await accessRoadmap(tx, actor, found.baseRoadmapId, "roadmap.write", {
      lock: true,
      includeDeleted: true,
    });
    const { roadmap: scenario } = await accessRoadmap(tx, actor, scenarioId, "roadmap.write", { lock: true });
    requireOpen(scenario);
    const written = await closeScenario(tx, actor, { base, scenario }, "discarded");
    return presentScenario(tx, written);
  });
}
