import { asc, eq, inArray } from "drizzle-orm";
import {
  dependencies,
  items,
  itemSkills,
  phases,
  riskItems,
  risks,
  roadmaps,
  staffingPlans,
  staffingRows,
  workstreams,
} from "@/db/schema";
import type { Database } from "@/db/types";
import type { Actor } from "@/lib/services/kernel/actor";
import { createDependency } from "@/lib/services/dependencies/edges";
import { createItem } from "@/lib/services/items/create";
import { createPhase } from "@/lib/services/phases/create";
import { decideGate } from "@/lib/services/phases/decide-gate";
import { createRisk } from "@/lib/services/risks/create";
import { putStaffing } from "@/lib/services/staffing/staffing";
import type { Item } from "@/lib/validation/timeline";
import { api } from "./api";
import { createBoardFixture, featureInput, milestoneInput, type BoardFixture } from "./timeline";

export interface ScenarioBoard extends BoardFixture {
  /** Key milestone after `second`: its date and P80 follow `second`. */
  launch: Item;
  /** 600 Backend hours in 2027-Q1, which one Backend person (416 h) cannot cover. */
  backendWork: Item;
  riskId: string;
  /** "Discovery" (gate decided "proceed") and "Build" (gate undecided). */
  phaseIds: [string, string];
}

/**
 * The board fixture plus what a scenario copies beyond it: a key milestone, skill hours, a
 * staffing plan short of Backend people, a risk and two phases, the first gate decided.
 */
export async function createScenarioBoard(
  db: Database,
  actor: Actor,
  teamId: string,
  backendSkillId: string,
): Promise<ScenarioBoard> {
  const board = await createBoardFixture(db, actor, teamId, { title: "Scenario base" });
  const launch = await createItem(
    db,
    actor,
    board.roadmap.id,
    milestoneInput("Launch", "2027-04-01", { isKey: true }),
  );
  await createDependency(db, actor, board.roadmap.id, {
    fromId: board.second.id,
    toId: launch.id,
    lagDays: 2,
  });
  const backendWork = await createItem(
    db,
    actor,
    board.roadmap.id,
    featureInput("Payments API", "2027-01-11", "2027-03-05", {
      workstreamId: board.lane.id,
      estimate: { optimisticHours: 400, likelyHours: 600, pessimisticHours: 800 },
      skills: [{ skillId: backendSkillId, hours: 600 }],
      ownerId: actor.userId,
    }),
  );
  await putStaffing(db, actor, board.roadmap.id, 0, {
    rows: [{ skillId: backendSkillId, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 32 }],
    hiringLeadWeeks: 6,
  });
  const risk = await createRisk(db, actor, board.roadmap.id, {
    title: "Card network certification slips",
    kind: "external",
    likelihood: 3,
    impact: 4,
    itemIds: [board.second.id],
    status: "open",
    delayDays: 10,
  });
  const gate = (title: string) => ({ title, outcome: `${title}: criteria met` });
  const discovery = await createPhase(db, actor, board.roadmap.id, {
    name: "Discovery",
    startDate: "2027-01-04",
    endDate: "2027-02-26",
    gate: gate("Scope go"),
  });
  const build = await createPhase(db, actor, board.roadmap.id, {
    name: "Build",
    startDate: "2027-03-01",
    endDate: "2027-06-30",
    gate: gate("Beta go"),
  });
  await decideGate(db, actor, discovery.id, { decision: "proceed", notes: "Scope agreed" });
  return { ...board, launch, backendWork, riskId: risk.id, phaseIds: [discovery.id, build.id] };
}

/** Every plan row of a roadmap (deleted ones too), straight from the tables, by table. */
export async function planRows(db: Database, roadmapId: string) {
  const itemRows = await db.select().from(items).where(eq(items.roadmapId, roadmapId)).orderBy(asc(items.id));
  const riskRows = await db.select().from(risks).where(eq(risks.roadmapId, roadmapId)).orderBy(asc(risks.id));
  const itemIds = itemRows.map((i) => i.id);
  const riskIds = riskRows.map((r) => r.id);
  return {
    roadmap: (await db.select().from(roadmaps).where(eq(roadmaps.id, roadmapId)))[0],
    workstreams: await db
      .select()
      .from(workstreams)
      .where(eq(workstreams.roadmapId, roadmapId))
      .orderBy(asc(workstreams.id)),
    items: itemRows,
    skills:
      itemIds.length === 0
        ? []
        : await db
            .select()
            .from(itemSkills)
            .where(inArray(itemSkills.itemId, itemIds))
            .orderBy(asc(itemSkills.itemId), asc(itemSkills.skillId)),
    dependencies: await db
      .select()
      .from(dependencies)
      .where(eq(dependencies.roadmapId, roadmapId))
      .orderBy(asc(dependencies.id)),
    phases: await db.select().from(phases).where(eq(phases.roadmapId, roadmapId)).orderBy(asc(phases.id)),
    staffingPlan:
      (await db.select().from(staffingPlans).where(eq(staffingPlans.roadmapId, roadmapId)))[0] ?? null,
    staffingRows: await db
      .select()
      .from(staffingRows)
      .where(eq(staffingRows.roadmapId, roadmapId))
      .orderBy(asc(staffingRows.quarter), asc(staffingRows.skillId)),
    risks: riskRows,
    riskItems:
      riskIds.length === 0
        ? []
        : await db
            .select()
            .from(riskItems)
            .where(inArray(riskItems.riskId, riskIds))
            .orderBy(asc(riskItems.riskId), asc(riskItems.itemId)),
  };
}

export const makeScenario = (token: string, roadmapId: string, name = "What if") =>
  api("POST /api/roadmaps/{roadmapId}/scenarios", { params: { roadmapId }, token, json: { name } });
export const listScenarios = (token: string, roadmapId: string) =>
  api("GET /api/roadmaps/{roadmapId}/scenarios", { params: { roadmapId }, token });
export const compareScenario = (token: string, scenarioId: string) =>
  api("GET /api/scenarios/{scenarioId}/compare", { params: { scenarioId }, token });
export const applyScenario = (token: string, scenarioId: string, ifMatch?: number) =>
  api("POST /api/scenarios/{scenarioId}/apply", { params: { scenarioId }, token, ifMatch });
export const discardScenario = (token: string, scenarioId: string) =>
  api("POST /api/scenarios/{scenarioId}/discard", { params: { scenarioId }, token });
