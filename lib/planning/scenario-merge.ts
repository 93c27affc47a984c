// Applying a what-if scenario to its base: a three-way comparison of the base as it was when the
// scenario was copied (the ancestor), the base now, and the scenario now. What only the scenario
// changed is applied; what only the base changed stays; where both changed the same field of the
// same thing to different values, or one side removed what the other changed, that is a conflict,
// and a plan with any conflict must not be applied at all.
//
// The scenario's document must be in the base's ids: every copied thing carries the id of the
// base thing it copies; things added in the scenario keep ids of their own (never a base id).

import type { DocumentItem, DocumentRisk, RoadmapDocument } from "../validation/roadmap-document";
import { findCycle } from "./graph";
import {
  mergeCollection,
  mergeFields,
  same,
  type CollectionChanges,
  type MergeConflict,
} from "./three-way-merge";

type Workstream = RoadmapDocument["workstreams"][number];
type DocumentPhase = RoadmapDocument["phases"][number];
type Link = RoadmapDocument["dependencies"][number];
type RoadmapFields = Pick<RoadmapDocument["roadmap"], "startDate" | "horizonMonths" | "description">;

export interface MergePlan {
  conflicts: MergeConflict[];
  roadmap: Partial<RoadmapFields>;
  workstreams: CollectionChanges<Workstream>;
  items: CollectionChanges<DocumentItem>;
  dependencies: { add: Link[]; remove: Link[]; relag: Link[] };
  risks: CollectionChanges<DocumentRisk>;
  phases: CollectionChanges<DocumentPhase>;
  /** undefined: leave the base's staffing as it is. */
  staffing: RoadmapDocument["staffing"] | undefined;
}

const ITEM_FIELDS = [
  "workstreamId",
  "kind",
  "title",
  "description",
  "startDate",
  "endDate",
  "outcome",
  "isKey",
  "status",
  "estimate",
  "skills",
  "owner",
] as const satisfies readonly (keyof DocumentItem)[];
const RISK_FIELDS = [
  "title",
  "description",
  "kind",
  "likelihood",
  "impact",
  "status",
  "itemIds",
  "owner",
  "delayDays",
  "contingency",
] as const satisfies readonly (keyof DocumentRisk)[];
const LANE_FIELDS = ["name", "position"] as const satisfies readonly (keyof Workstream)[];
const PHASE_FIELDS = [
  "name",
  "startDate",
  "endDate",
  "gate",
] as const satisfies readonly (keyof DocumentPhase)[];
const ROADMAP_FIELDS = ["startDate", "horizonMonths", "description"] as const;

const linkKey = (l: Pick<Link, "fromId" | "toId">) => `${l.fromId}->${l.toId}`;

function mergeLinks(
  ancestor: RoadmapDocument,
  base: RoadmapDocument,
  scenario: RoadmapDocument,
  itemsAfter: Map<string, string>,
  conflicts: MergeConflict[],
): MergePlan["dependencies"] {
  const title = (id: string) => itemsAfter.get(id) ?? id;
  const linkTitle = (l: Link) => `${title(l.fromId)} → ${title(l.toId)}`;
  const asKeyed = (links: Link[]) => links.map((l) => ({ ...l, id: linkKey(l) }));
  const changes = mergeCollection(
    "dependency",
    ["lagDays"],
    linkTitle,
    asKeyed(ancestor.dependencies),
    asKeyed(base.dependencies),
    asKeyed(scenario.dependencies),
    conflicts,
  );
  const strip = ({ fromId, toId, lagDays }: Link) => ({ fromId, toId, lagDays });
  const add: Link[] = [];
  for (const link of changes.add) {
    if (itemsAfter.has(link.fromId) && itemsAfter.has(link.toId)) add.push(strip(link));
    else
      conflicts.push({
        entity: "dependency",
        id: link.id,
        title: linkTitle(link),
        field: "removed",
        base: "an item it links was removed",
        scenario: "added",
      });
  }
  const byKey = new Map(base.dependencies.map((l) => [linkKey(l), l]));
  return {
    add,
    remove: changes.remove.map((key) => byKey.get(key)!),
    relag: changes.update.map((u) => ({ ...strip(byKey.get(u.id)!), lagDays: u.fields.lagDays! })),
  };
}

/** The three-way plan; `conflicts` empty means it can be applied as a whole. */
export function planScenarioMerge(
  ancestor: RoadmapDocument,
  base: RoadmapDocument,
  scenario: RoadmapDocument,
): MergePlan {
  const conflicts: MergeConflict[] = [];
  const roadmap = mergeFields(
    "roadmap",
    "roadmap",
    base.roadmap.title,
    ROADMAP_FIELDS,
    ancestor.roadmap,
    base.roadmap,
    scenario.roadmap,
    conflicts,
  );
  const workstreams = mergeCollection(
    "workstream",
    LANE_FIELDS,
    (w) => w.name,
    ancestor.workstreams,
    base.workstreams,
    scenario.workstreams,
    conflicts,
  );
  const items = mergeCollection(
    "item",
    ITEM_FIELDS,
    (i) => i.title,
    ancestor.items,
    base.items,
    scenario.items,
    conflicts,
  );

  // The items there will be once the plan is applied, for the links' endpoints.
  const removed = new Set(items.remove);
  const itemsAfter = new Map<string, string>();
  for (const i of base.items) if (!removed.has(i.id)) itemsAfter.set(i.id, i.title);
  for (const i of items.add) itemsAfter.set(i.id, i.title);
  const dependencies = mergeLinks(ancestor, base, scenario, itemsAfter, conflicts);

  const risks = mergeCollection(
    "risk",
    RISK_FIELDS,
    (r) => r.title,
    ancestor.risks,
    base.risks,
    scenario.risks,
    conflicts,
  );

  const phases = mergeCollection(
    "phase",
    PHASE_FIELDS,
    (p) => p.name,
    ancestor.phases,
    base.phases,
    scenario.phases,
    conflicts,
  );

  let staffing: MergePlan["staffing"];
  if (
    !same(scenario.staffing?.rows, ancestor.staffing?.rows) ||
    scenario.staffing?.hiringLeadWeeks !== ancestor.staffing?.hiringLeadWeeks
  ) {
    const baseChanged =
      !same(base.staffing?.rows, ancestor.staffing?.rows) ||
      base.staffing?.hiringLeadWeeks !== ancestor.staffing?.hiringLeadWeeks;
    if (!baseChanged) staffing = scenario.staffing;
    else if (!same(base.staffing, scenario.staffing))
      conflicts.push({
        entity: "staffing",
        id: "staffing",
        title: "Staffing plan",
        field: "rows",
        base: base.staffing,
        scenario: scenario.staffing,
      });
  }

  // Both sides may have added links that together close a loop.
  const removedLinks = new Set(dependencies.remove.map(linkKey));
  const linksAfter = [
    ...base.dependencies.filter((l) => !removedLinks.has(linkKey(l))),
    ...dependencies.add,
  ].filter((l) => itemsAfter.has(l.fromId) && itemsAfter.has(l.toId));
  const cycle = findCycle([...itemsAfter.keys()], linksAfter);
  if (cycle)
    conflicts.push({
      entity: "dependency",
      id: cycle.join("->"),
      title: cycle.map((id) => itemsAfter.get(id) ?? id).join(" → "),
      field: "cycle",
      base: "links added to the roadmap",
      scenario: "links added in the scenario",
    });

  return { conflicts, roadmap, workstreams, items, dependencies, risks, phases, staffing };
}
