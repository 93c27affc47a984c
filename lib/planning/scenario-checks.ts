// What-if scenarios, the pure parts around the three-way merge (scenario-merge.ts): translating a
// scenario's document into its base's ids, and the checks an apply needs beyond the merge itself.

import type { RoadmapDocument } from "../validation/roadmap-document";
import { findOverlap } from "./phases";
import type { MergePlan } from "./scenario-merge";
import type { MergeConflict } from "./three-way-merge";

/**
 * The scenario's document in the base's ids: every copied lane, item, risk and phase takes the id
 * of the base row it copies; things added in the scenario keep their own (never a base id).
 */
export function inBaseIds(doc: RoadmapDocument, toBase: ReadonlyMap<string, string>): RoadmapDocument {
  const id = (x: string) => toBase.get(x) ?? x;
  const maybe = (x: string | null) => (x === null ? null : id(x));
  return {
    ...doc,
    workstreams: doc.workstreams.map((w) => ({ ...w, id: id(w.id) })),
    items: doc.items.map((i) => ({ ...i, id: id(i.id), workstreamId: maybe(i.workstreamId) })),
    dependencies: doc.dependencies.map((d) => ({ ...d, fromId: id(d.fromId), toId: id(d.toId) })),
    risks: doc.risks.map((r) => ({ ...r, id: id(r.id), itemIds: r.itemIds.map(id) })),
    phases: doc.phases.map((p) => ({ ...p, id: id(p.id) })),
  };
}

/**
 * Items and lanes after the plan: a lane the scenario removes must be empty (the base may have put
 * an item in it since), and an item the scenario adds or moves must land in a lane that still
 * exists (the base may have removed it since).
 */
function laneConflicts(plan: MergePlan, base: RoadmapDocument): MergeConflict[] {
  const conflicts: MergeConflict[] = [];
  const removedLanes = new Set(plan.workstreams.remove);
  const lanesAfter = new Set([
    ...base.workstreams.filter((w) => !removedLanes.has(w.id)).map((w) => w.id),
    ...plan.workstreams.add.map((w) => w.id),
  ]);
  const removedItems = new Set(plan.items.remove);
  const updates = new Map(plan.items.update.map((u) => [u.id, u.fields]));
  const itemsAfter = [
    ...base.items
      .filter((i) => !removedItems.has(i.id))
      .map((i) => ({ ...i, ...updates.get(i.id), moved: updates.get(i.id)?.workstreamId !== undefined })),
    ...plan.items.add.map((i) => ({ ...i, moved: true })),
  ];
  for (const item of itemsAfter) {
    const lane = item.workstreamId;
    if (!lane || lanesAfter.has(lane)) continue;
    if (removedLanes.has(lane)) {
      conflicts.push({
        entity: "workstream",
        id: lane,
        title: base.workstreams.find((w) => w.id === lane)?.name ?? lane,
        field: "removed",
        base: `holds “${item.title}”`,
        scenario: "removed",
      });
      removedLanes.delete(lane); // one conflict per lane
    } else if (item.moved) {
      conflicts.push({
        entity: "item",
        id: item.id,
        title: item.title,
        field: "workstreamId",
        base: "its lane was removed",
        scenario: lane,
      });
    }
  }
  return conflicts;
}

/**
 * What the plan would leave inconsistent in the base, beyond what the three-way merge sees: lanes
 * (above), a decided gate the scenario changes (a decision is recorded once, against that gate),
 * and phases that now overlap.
 */
export function applyConflicts(
  plan: MergePlan,
  base: RoadmapDocument,
  decidedPhaseIds: ReadonlySet<string>,
): MergeConflict[] {
  const conflicts: MergeConflict[] = [...laneConflicts(plan, base)];

  for (const u of plan.phases.update) {
    if (u.fields.gate !== undefined && decidedPhaseIds.has(u.id)) {
      const phase = base.phases.find((p) => p.id === u.id);
      conflicts.push({
        entity: "phase",
        id: u.id,
        title: phase?.name ?? u.id,
        field: "gate",
        base: "decided",
        scenario: u.fields.gate,
      });
    }
  }
  const removedPhases = new Set(plan.phases.remove);
  const updates = new Map(plan.phases.update.map((u) => [u.id, u.fields]));
  const after = [
    ...base.phases.filter((p) => !removedPhases.has(p.id)).map((p) => ({ ...p, ...updates.get(p.id) })),
    ...plan.phases.add,
  ];
  for (const [i, phase] of after.entries()) {
    const clash = findOverlap(after.slice(0, i), phase);
    if (clash)
      conflicts.push({
        entity: "phase",
        id: phase.id,
        title: phase.name,
        field: "dates",
        base: `${clash.name}: ${clash.startDate} to ${clash.endDate}`,
        scenario: `${phase.startDate} to ${phase.endDate}`,
      });
  }
  return conflicts;
}
