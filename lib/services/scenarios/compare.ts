import type { Database } from "@/db/types";
import { diffDocuments } from "@/lib/planning/roadmap-diff";
import { planScenarioMerge } from "@/lib/planning/scenario-merge";
import type { ScenarioComparison } from "@/lib/validation/phases";
import type { Actor } from "@/lib/services/kernel/actor";
import { loadBoard, scheduleOf, type BoardContent } from "@/lib/services/roadmaps/board";
import { loadCapacity } from "@/lib/services/staffing/capacity";
import { forecastBoard } from "@/lib/services/forecast/forecast";
import { accessRoadmap, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { loadRisks } from "@/lib/services/risks/rows";
import { toRoadmap } from "@/lib/services/roadmaps/rows";
import { accessScenario, loadMergeDocuments, presentScenario } from "./documents";

/** The P80s come from this many seeded runs: stable between reads, and fast on 1,000 items. */
export const COMPARE_FORECAST = { runs: 2_000, seed: 1 } as const;

type DateAndP80 = { earlyDate: string; p80: string | null };

/** Finish, key milestones (by their ids in this roadmap) and hours short per skill of one roadmap. */
async function figuresOf(db: Database, roadmap: RoadmapRow, board: BoardContent) {
  const risks = await loadRisks(db, roadmap.id);
  const schedule = scheduleOf(board);
  const [forecast, capacity] = await Promise.all([
    forecastBoard(board, risks, COMPARE_FORECAST),
    loadCapacity(db, roadmap, board),
  ]);
  // The plan as drawn, pushed by its dependencies: CPM's early finish ignores planned starts, so
  // it would not show a feature moved later, which is exactly what a scenario tries.
  const projected = new Map(schedule.items.map((s) => [s.id, s.projectedFinish]));
  const finish = schedule.items.reduce(
    (latest, s) => (s.projectedFinish > latest ? s.projectedFinish : latest),
    schedule.projectFinish,
  );
  const p80 = new Map(forecast.milestones.map((m) => [m.id, m.p80]));
  const milestones = new Map<string, { title: string } & DateAndP80>();
  for (const item of board.items) {
    if (item.kind !== "milestone" || !item.isKey || item.status === "cut") continue;
    milestones.set(item.id, {
      title: item.title,
      earlyDate: projected.get(item.id) ?? item.endDate,
      p80: p80.get(item.id) ?? null,
    });
  }
  const shortBySkill = new Map(
    capacity.skills.map((s) => [
      s.skillId,
      { name: s.name, hours: s.quarters.reduce((sum, q) => sum + Math.max(q.gapHours, 0), 0) },
    ]),
  );
  return {
    finish: { earlyDate: finish, p80: forecast.projectFinish.p80 } as DateAndP80,
    milestones,
    shortBySkill,
  };
}

const round = (hours: number) => Math.round(hours * 10) / 10;

/**
 * The scenario against its base now: the diff (in the base's ids), finish and key milestones
 * (the date the plan reaches, and the P80 of a seeded forecast) before and after, hours short per skill
 * before and after, and the conflicts an apply would meet. `base.version` is apply's If-Match.
 */
export async function compareScenario(
  db: Database,
  actor: Actor,
  scenarioId: string,
): Promise<ScenarioComparison> {
  const scenario = await accessScenario(db, actor, scenarioId, "team.read");
  const { roadmap: base } = await accessRoadmap(db, actor, scenario.baseRoadmapId, "team.read");
  // The boards' items and links serve the documents too (read once); then all at once: the
  // forecasts run in slices between the documents' reads.
  const [baseBoard, scenarioBoard] = await Promise.all([loadBoard(db, base), loadBoard(db, scenario)]);
  const plan = (board: BoardContent) => ({ items: board.items, dependencies: board.dependencies });
  const [docs, before, scenarioFigures] = await Promise.all([
    loadMergeDocuments(db, base, scenario, { base: plan(baseBoard), scenario: plan(scenarioBoard) }),
    figuresOf(db, base, baseBoard),
    figuresOf(db, scenario, scenarioBoard),
  ]);
  const toBase = (id: string) => docs.toBase.get(id) ?? id;
  const after = {
    ...scenarioFigures,
    milestones: new Map([...scenarioFigures.milestones].map(([id, m]) => [toBase(id), m])),
  };

  const milestoneIds = [...new Set([...before.milestones.keys(), ...after.milestones.keys()])];
  const milestones = milestoneIds
    .map((id) => {
      const b = before.milestones.get(id);
      const s = after.milestones.get(id);
      const pick = (m: typeof b) => (m ? { earlyDate: m.earlyDate, p80: m.p80 } : null);
      return { id, title: (s ?? b)!.title, isKey: true, base: pick(b), scenario: pick(s) };
    })
    .sort((x, y) => (x.base ?? x.scenario)!.earlyDate.localeCompare((y.base ?? y.scenario)!.earlyDate));

  const staffing = [...before.shortBySkill].map(([skillId, b]) => ({
    skillId,
    name: b.name,
    baseGapHours: round(b.hours),
    scenarioGapHours: round(after.shortBySkill.get(skillId)?.hours ?? 0),
  }));

  return {
    scenario: await presentScenario(db, scenario),
    base: toRoadmap(base),
    diff: diffDocuments(docs.base, docs.scenario),
    projectFinish: { base: before.finish, scenario: after.finish },
    milestones,
    staffing,
    conflicts: planScenarioMerge(docs.ancestor, docs.base, docs.scenario).conflicts,
  };
}
