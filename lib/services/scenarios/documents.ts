import { eq, isNotNull, and } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, phases, risks, workstreams } from "@/db/schema";
import { inBaseIds } from "@/lib/planning/scenario-checks";
import type { Permission } from "@/lib/validation/permissions";
import type { Scenario } from "@/lib/validation/phases";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound } from "@/lib/services/kernel/errors";
import { loadPeople } from "@/lib/services/teams/people";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadRoadmapDocument, type LoadedPlan } from "@/lib/services/roadmaps/document";
import { readSnapshotDocument } from "@/lib/services/snapshots/queries";
import { toRoadmap } from "@/lib/services/roadmaps/rows";

/** A scenario (a roadmap row of kind "scenario") and the actor's access to it; anything else is 404. */
export async function accessScenario(
  db: Database,
  actor: Actor,
  scenarioId: string,
  permission: Permission,
): Promise<RoadmapRow & { baseRoadmapId: string }> {
  const { roadmap } = await accessRoadmap(db, actor, scenarioId, permission);
  if (roadmap.kind !== "scenario" || !roadmap.baseRoadmapId) throw notFound("scenario");
  return { ...roadmap, baseRoadmapId: roadmap.baseRoadmapId };
}

export async function presentScenario(db: Database, row: RoadmapRow): Promise<Scenario> {
  const people = await loadPeople(db, [row.createdBy]);
  return {
    roadmap: toRoadmap(row),
    status: row.scenarioStatus ?? "open",
    baseRoadmapId: row.baseRoadmapId ?? "",
    baseSnapshotId: row.baseSnapshotId,
    createdBy: row.createdBy ? (people.get(row.createdBy) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
  };
}

/** Refuses a scenario that was applied or discarded. */
export function requireOpen(scenario: RoadmapRow): void {
  if (scenario.scenarioStatus === "open") return;
  const what = scenario.scenarioStatus === "applied" ? "already applied" : "discarded";
  throw new AppError(
    "scenario_closed",
    `The scenario “${scenario.title}” was ${what}; it can still be read, but no longer applied or discarded. Make a new scenario to plan again.`,
    { details: { status: scenario.scenarioStatus } },
  );
}

/** scenario row id -> the base row id it copies, for lanes, items, risks and phases. */
async function sourceIds(db: Database, scenarioId: string): Promise<Map<string, string>> {
  const [lanes, itemRows, riskRows, phaseRows] = await Promise.all([
    db
      .select({ id: workstreams.id, sourceId: workstreams.sourceId })
      .from(workstreams)
      .where(and(eq(workstreams.roadmapId, scenarioId), isNotNull(workstreams.sourceId))),
    db
      .select({ id: items.id, sourceId: items.sourceId })
      .from(items)
      .where(and(eq(items.roadmapId, scenarioId), isNotNull(items.sourceId))),
    db
      .select({ id: risks.id, sourceId: risks.sourceId })
      .from(risks)
      .where(and(eq(risks.roadmapId, scenarioId), isNotNull(risks.sourceId))),
    db
      .select({ id: phases.id, sourceId: phases.sourceId })
      .from(phases)
      .where(and(eq(phases.roadmapId, scenarioId), isNotNull(phases.sourceId))),
  ]);
  return new Map([...lanes, ...itemRows, ...riskRows, ...phaseRows].map((r) => [r.id, r.sourceId!]));
}

export interface MergeDocuments {
  /** The base as it was when the scenario was copied (its snapshot). */
  ancestor: RoadmapDocument;
  /** The base now. */
  base: RoadmapDocument;
  /** The scenario now, in the base's ids. */
  scenario: RoadmapDocument;
  /** scenario id -> base id of what the scenario copies. */
  toBase: Map<string, string>;
}

/**
 * The three documents of a three-way comparison; inside a transaction holding both locks, consistent.
 * `loaded` hands over the items and links of either roadmap the caller has just read.
 */
export async function loadMergeDocuments(
  db: Database,
  base: RoadmapRow,
  scenario: RoadmapRow,
  loaded: { base?: LoadedPlan; scenario?: LoadedPlan } = {},
): Promise<MergeDocuments> {
  if (!scenario.baseSnapshotId) throw notFound("scenario's base snapshot");
  const [ancestor, baseNow, scenarioNow, toBase] = await Promise.all([
    readSnapshotDocument(db, scenario.baseSnapshotId),
    loadRoadmapDocument(db, base, undefined, loaded.base),
    loadRoadmapDocument(db, scenario, undefined, loaded.scenario),
    sourceIds(db, scenario.id),
  ]);
  if (!ancestor) throw notFound("scenario's base snapshot");
  return { ancestor, base: baseNow, scenario: inBaseIds(scenarioNow, toBase), toBase };
}
