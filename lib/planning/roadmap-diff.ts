// What changed between two roadmap documents (two snapshots, or a snapshot and now): items,
// links and risks matched by id, and the critical path and project finish before and after.
// O(items + links + risks), plus sorting and the two CPM runs.
//
// Rules a reader of the answer relies on:
// - A cut item is out of the plan: becoming "cut" lists it as removed, leaving "cut" as added, and
//   a link touching a cut item counts as absent (as in the schedule), so cutting an item also
//   removes its links. An item cut on both sides is not mentioned.
// - Moved: start or end date changed (calendar days, later positive). Changed: any other field.
//   One item can be both.
// - A lane is compared by id first, then by name: renaming a lane changes none of its items, and
//   an item that moves to another lane of the same name (a lane recreated) has not changed lane.
// - A link is keyed by from->to; a new lag on the same pair is the old link removed and the new
//   one added, since the contract has no "changed" list for links.

import type { DiffItemRef, FieldChange, RoadmapDiff } from "../validation/communication";
import type { DocumentItem, DocumentRisk, RoadmapDocument } from "../validation/roadmap-document";
import { toDayNumber } from "./civil-date";
import { CycleError, computeSchedule } from "./schedule";
import { compareStrings, same } from "./compare-values";

type Link = RoadmapDocument["dependencies"][number];

type Side = {
  doc: RoadmapDocument;
  /** Items not cut, by id. */
  live: Map<string, DocumentItem>;
  /** Every item, cut or not, by id. */
  all: Map<string, DocumentItem>;
  laneName: Map<string, string>;
  /** Links whose two ends are live items, keyed from->to. */
  links: Map<string, Link>;
};

type Moved = RoadmapDiff["items"]["moved"][number];
type Changed = RoadmapDiff["items"]["changed"][number];
type LinkRef = RoadmapDiff["dependencies"]["added"][number];
type RiskRef = RoadmapDiff["risks"]["added"][number];
type RiskChange = RoadmapDiff["risks"]["changed"][number];

function sideOf(doc: RoadmapDocument): Side {
  const all = new Map<string, DocumentItem>();
  const live = new Map<string, DocumentItem>();
  for (const item of doc.items) {
    all.set(item.id, item);
    if (item.status !== "cut") live.set(item.id, item);
  }
  const links = new Map<string, Link>();
  for (const d of doc.dependencies) {
    if (live.has(d.fromId) && live.has(d.toId)) links.set(`${d.fromId}\u0000${d.toId}`, d); // NUL: never inside an id
  }
  return { doc, live, all, laneName: new Map(doc.workstreams.map((w) => [w.id, w.name])), links };
}

function laneOf(side: Side, item: DocumentItem): string | null {
  return item.workstreamId === null ? null : (side.laneName.get(item.workstreamId) ?? null);
}

function refOf(side: Side, item: DocumentItem): DiffItemRef {
  return {
    id: item.id,
    title: item.title,
    kind: item.kind,
    isKey: item.isKey,
    startDate: item.startDate,
    endDate: item.endDate,
    workstream: laneOf(side, item),
  };
}

function byStart(a: DiffItemRef, b: DiffItemRef): number {
  return (
    compareStrings(a.startDate, b.startDate) || compareStrings(a.title, b.title) || compareStrings(a.id, b.id)
  );
}

function byLargestMove(a: Moved, b: Moved): number {
  return (
    Math.abs(b.startDays) - Math.abs(a.startDays) ||
    Math.abs(b.endDays) - Math.abs(a.endDays) ||
    byStart(a, b)
  );
}

type Estimate = DocumentItem["estimate"];

function sameEstimate(a: Estimate, b: Estimate): boolean {
  if (a === null || b === null) return a === b;
  return (
    a.optimisticHours === b.optimisticHours &&
    a.likelyHours === b.likelyHours &&
    a.pessimisticHours === b.pessimisticHours
  );
}

function skillsOf(item: DocumentItem): { skill: string; hours: number }[] {
  return [...item.skills].sort((a, b) => compareStrings(a.skill, b.skill) || a.hours - b.hours);
}

const ITEM_FIELDS = ["title", "kind", "status", "owner", "outcome", "isKey", "description"] as const;

function itemFieldChanges(before: Side, a: DocumentItem, after: Side, b: DocumentItem): FieldChange[] | null {
  let fields: FieldChange[] | null = null;
  const push = (change: FieldChange) => (fields ??= []).push(change);
  for (const field of ITEM_FIELDS) if (a[field] !== b[field]) push({ field, from: a[field], to: b[field] });
  if (!sameEstimate(a.estimate, b.estimate)) push({ field: "estimate", from: a.estimate, to: b.estimate });
  if (a.workstreamId !== b.workstreamId) {
    const fromLane = laneOf(before, a);
    const toLane = laneOf(after, b);
    if (fromLane !== toLane) push({ field: "workstream", from: fromLane, to: toLane });
  }
  if (a.skills.length > 0 || b.skills.length > 0) {
    const fromSkills = skillsOf(a);
    const toSkills = skillsOf(b);
    if (!same(fromSkills, toSkills)) push({ field: "skills", from: fromSkills, to: toSkills });
  }
  return fields;
}

function diffItems(before: Side, after: Side): RoadmapDiff["items"] {
  const added: DiffItemRef[] = [];
  const removed: DiffItemRef[] = [];
  const moved: Moved[] = [];
  const changed: Changed[] = [];

  for (const [id, a] of before.live) {
    const b = after.live.get(id);
    if (!b) {
      removed.push(refOf(before, a));
      continue;
    }
    const isMoved = a.startDate !== b.startDate || a.endDate !== b.endDate;
    const fields = itemFieldChanges(before, a, after, b);
    if (!isMoved && !fields) continue;
    const ref = refOf(after, b);
    if (isMoved) {
      const startDays = toDayNumber(b.startDate) - toDayNumber(a.startDate);
      const endDays = toDayNumber(b.endDate) - toDayNumber(a.endDate);
      moved.push({ ...ref, fromStart: a.startDate, fromEnd: a.endDate, startDays, endDays });
    }
    if (fields) changed.push({ ...ref, fields });
  }
  for (const [id, b] of after.live) if (!before.live.has(id)) added.push(refOf(after, b));

  added.sort(byStart);
  removed.sort(byStart);
  moved.sort(byLargestMove);
  changed.sort(byStart);
  return { added, removed, moved, changed };
}

function linkRef(side: Side, d: Link): LinkRef {
  return {
    fromId: d.fromId,
    toId: d.toId,
    fromTitle: side.all.get(d.fromId)?.title ?? "",
    toTitle: side.all.get(d.toId)?.title ?? "",
    lagDays: d.lagDays,
  };
}

function byLinkStart(side: Side) {
  const startOf = (id: string) => side.all.get(id)?.startDate ?? "";
  return (a: LinkRef, b: LinkRef) =>
    compareStrings(startOf(a.fromId), startOf(b.fromId)) ||
    compareStrings(startOf(a.toId), startOf(b.toId)) ||
    compareStrings(a.fromId, b.fromId) ||
    compareStrings(a.toId, b.toId);
}

function diffLinks(before: Side, after: Side): RoadmapDiff["dependencies"] {
  const was = before.links;
  const now = after.links;
  const added: LinkRef[] = [];
  const removed: LinkRef[] = [];
  for (const [key, d] of was) {
    const e = now.get(key);
    if (!e || e.lagDays !== d.lagDays) removed.push(linkRef(before, d));
  }
  for (const [key, e] of now) {
    const d = was.get(key);
    if (!d || d.lagDays !== e.lagDays) added.push(linkRef(after, e));
  }
  added.sort(byLinkStart(after));
  removed.sort(byLinkStart(before));
  return { added, removed };
}

const RISK_FIELDS = [
  "title",
  "kind",
  "likelihood",
  "impact",
  "status",
  "contingency",
  "delayDays",
  "owner",
  "description",
] as const;

function riskRef(r: DocumentRisk): RiskRef {
  return { id: r.id, title: r.title, score: r.likelihood * r.impact };
}

const byScore = (a: RiskRef, b: RiskRef) =>
  b.score - a.score || compareStrings(a.title, b.title) || compareStrings(a.id, b.id);

function diffRisks(before: RoadmapDocument, after: RoadmapDocument): RoadmapDiff["risks"] {
  const was = new Map(before.risks.map((r) => [r.id, r]));
  const now = new Map(after.risks.map((r) => [r.id, r]));
  const added: RiskRef[] = [];
  const removed: RiskRef[] = [];
  const changed: (RiskChange & { score: number })[] = [];
  for (const [id, a] of was) {
    const b = now.get(id);
    if (!b) {
      removed.push(riskRef(a));
      continue;
    }
    const fields: FieldChange[] = [];
    for (const field of RISK_FIELDS) {
      if (!same(a[field], b[field])) fields.push({ field, from: a[field], to: b[field] });
    }
    // Linked items are a set: the same items in another order are no change.
    const fromItems = [...a.itemIds].sort(compareStrings);
    const toItems = [...b.itemIds].sort(compareStrings);
    if (!same(fromItems, toItems)) fields.push({ field: "itemIds", from: fromItems, to: toItems });
    if (fields.length > 0) changed.push({ id, title: b.title, fields, score: b.likelihood * b.impact });
  }
  for (const [id, b] of now) if (!was.has(id)) added.push(riskRef(b));
  added.sort(byScore);
  removed.sort(byScore);
  changed.sort(byScore);
  return { added, removed, changed: changed.map(({ id, title, fields }) => ({ id, title, fields })) };
}

/**
 * The side's critical path and CPM project finish, over live items and their links as the
 * board's schedule does. A document whose links loop has no critical path; its finish is then
 * the latest planned end (or the roadmap start with no items).
 */
function scheduleSummary(side: Side): { path: { id: string; title: string }[]; finish: string } {
  const items = [...side.live.values()];
  try {
    const schedule = computeSchedule({
      projectStart: side.doc.roadmap.startDate,
      items,
      dependencies: [...side.links.values()],
    });
    return {
      path: schedule.criticalPath.map((id) => ({ id, title: side.live.get(id)!.title })),
      finish: schedule.projectFinish,
    };
  } catch (error) {
    if (!(error instanceof CycleError)) throw error;
    let finish = side.doc.roadmap.startDate;
    for (const item of items) if (item.endDate > finish) finish = item.endDate;
    return { path: [], finish };
  }
}

export function diffDocuments(before: RoadmapDocument, after: RoadmapDocument): RoadmapDiff {
  const was = sideOf(before);
  const now = sideOf(after);
  const items = diffItems(was, now);
  const dependencies = diffLinks(was, now);
  const risks = diffRisks(before, after);
  const scheduleBefore = scheduleSummary(was);
  const scheduleAfter = scheduleSummary(now);
  return {
    summary: {
      added: items.added.length,
      removed: items.removed.length,
      moved: items.moved.length,
      changed: items.changed.length,
      dependenciesAdded: dependencies.added.length,
      dependenciesRemoved: dependencies.removed.length,
      risksAdded: risks.added.length,
      risksRemoved: risks.removed.length,
      risksChanged: risks.changed.length,
    },
    items,
    dependencies,
    risks,
    criticalPath: { before: scheduleBefore.path, after: scheduleAfter.path },
    projectFinish: {
      before: scheduleBefore.finish,
      after: scheduleAfter.finish,
      days: toDayNumber(scheduleAfter.finish) - toDayNumber(scheduleBefore.finish),
    },
  };
}
