import { randomUUID } from "node:crypto";
import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { dependencies, items, itemSkills, workstreams } from "@/db/schema";
import type { MergePlan } from "@/lib/planning/scenario-merge";
import type { DocumentItem } from "@/lib/validation/roadmap-document";
import type { Actor } from "@/lib/services/kernel/actor";
import {
  recordRoadmapChange,
  type RoadmapChange,
  type RoadmapRow,
} from "@/lib/services/kernel/roadmap-access";
import { insertChunked } from "@/lib/services/kernel/chunks";
import { bump, loadRefs, ownerId, ref, type Refs } from "./refs";
import { writePhases, writeRisks, writeStaffing } from "./write-others";
import { estimateColumns } from "@/lib/services/items/rows";

/**
 * Up to this many row changes are each recorded (activity and a live event per lane, item, link,
 * risk, phase), so open pages patch just those; a larger apply is recorded only as the one
 * "scenario applied" change its caller writes, which makes open pages reload the board.
 */
export const PER_ROW_ACTIVITY_LIMIT = 200;

function itemColumns(f: Partial<DocumentItem>, refs: Refs) {
  const { id: _id, skills: _skills, estimate, owner, workstreamId, ...plain } = f;
  return {
    ...plain,
    ...(workstreamId !== undefined && {
      workstreamId: workstreamId === null ? null : ref(refs, workstreamId),
    }),
    ...(owner !== undefined && { ownerId: ownerId(refs, owner) }),
    ...(estimate !== undefined && estimateColumns(estimate)),
  };
}

const skillRowsOf = (refs: Refs, itemId: string, list: DocumentItem["skills"]) =>
  list.flatMap((s) => {
    const skillId = refs.skillId.get(s.skill);
    return skillId ? [{ itemId, skillId, hours: s.hours }] : [];
  });

/** What was written, and the per-row changes to record. */
export interface WriteResult {
  added: number;
  updated: number;
  removed: number;
  dependencies: number;
  changes: RoadmapChange[];
}

/**
 * Writes a conflict-free MergePlan to the base (the caller holds its lock and records the apply):
 * lanes, items and risks are added, updated or soft-deleted (restorable, like any delete), links
 * added, removed or given a new lag, phases added, changed or removed, and the staffing replaced.
 */
export async function writeMergePlan(tx: Database, base: RoadmapRow, plan: MergePlan): Promise<WriteResult> {
  const refs = await loadRefs(tx, base, plan);
  const changes: RoadmapChange[] = [];
  const note = (
    entity: RoadmapChange["entity"],
    entityId: string,
    action: RoadmapChange["action"],
    version?: number,
  ) => changes.push({ entity, entityId, action, version, changes: { fromScenario: true } });

  // Lanes first: added items may sit in added lanes.
  for (const w of plan.workstreams.add) {
    await tx
      .insert(workstreams)
      .values({ id: ref(refs, w.id), roadmapId: base.id, name: w.name, position: w.position });
    note("workstream", ref(refs, w.id), "created", 1);
  }
  for (const u of plan.workstreams.update) {
    const { id: _id, ...set } = u.fields;
    const [row] = await tx
      .update(workstreams)
      .set({ ...set, ...bump(workstreams) })
      .where(and(eq(workstreams.id, u.id), eq(workstreams.roadmapId, base.id)))
      .returning({ version: workstreams.version });
    note("workstream", u.id, "updated", row?.version);
  }

  await insertChunked(plan.items.add, (chunk) =>
    tx.insert(items).values(
      chunk.map((i) => ({
        ...itemColumns(i, refs),
        id: ref(refs, i.id),
        roadmapId: base.id,
        kind: i.kind,
        title: i.title,
        startDate: i.startDate,
        endDate: i.endDate,
      })),
    ),
  );
  await insertChunked(
    plan.items.add.flatMap((i) => skillRowsOf(refs, ref(refs, i.id), i.skills)),
    (chunk) => tx.insert(itemSkills).values(chunk),
  );
  for (const i of plan.items.add) note("item", ref(refs, i.id), "created", 1);
  for (const u of plan.items.update) {
    const [row] = await tx
      .update(items)
      .set({ ...itemColumns(u.fields, refs), ...bump(items) })
      .where(and(eq(items.id, u.id), eq(items.roadmapId, base.id)))
      .returning({ version: items.version });
    if (u.fields.skills !== undefined) {
      await tx.delete(itemSkills).where(eq(itemSkills.itemId, u.id));
      const rows = skillRowsOf(refs, u.id, u.fields.skills);
      if (rows.length > 0) await tx.insert(itemSkills).values(rows);
    }
    note("item", u.id, "updated", row?.version);
  }
  for (let i = 0; i < plan.items.remove.length; i += 1_000) {
    const removed = await tx
      .update(items)
      .set({ deletedAt: new Date(), ...bump(items) })
      .where(and(eq(items.roadmapId, base.id), inArray(items.id, plan.items.remove.slice(i, i + 1_000))))
      .returning({ id: items.id, version: items.version });
    for (const r of removed) note("item", r.id, "deleted", r.version);
  }

  for (const d of plan.dependencies.remove) {
    await tx
      .delete(dependencies)
      .where(
        and(
          eq(dependencies.roadmapId, base.id),
          eq(dependencies.fromId, d.fromId),
          eq(dependencies.toId, d.toId),
        ),
      );
  }
  for (const d of plan.dependencies.relag) {
    await tx
      .update(dependencies)
      .set({ lagDays: d.lagDays })
      .where(
        and(
          eq(dependencies.roadmapId, base.id),
          eq(dependencies.fromId, d.fromId),
          eq(dependencies.toId, d.toId),
        ),
      );
  }
  const newLinks = plan.dependencies.add.map((d) => ({
    id: randomUUID(),
    roadmapId: base.id,
    fromId: ref(refs, d.fromId),
    toId: ref(refs, d.toId),
    lagDays: d.lagDays,
  }));
  // A link row of an item deleted and restored may remain: the pair then takes the scenario's lag.
  await insertChunked(newLinks, (chunk) =>
    tx
      .insert(dependencies)
      .values(chunk)
      .onConflictDoUpdate({
        target: [dependencies.fromId, dependencies.toId],
        set: { lagDays: sql`excluded.lag_days` },
      }),
  );
  for (const l of newLinks) note("dependency", l.id, "created");
  const linkChanges =
    plan.dependencies.add.length + plan.dependencies.remove.length + plan.dependencies.relag.length;
  if (plan.dependencies.remove.length + plan.dependencies.relag.length > 0)
    changes.push({
      entity: "dependency",
      entityId: base.id,
      action: "updated",
      changes: { removed: plan.dependencies.remove.length, relagged: plan.dependencies.relag.length },
    });

  await writeRisks(tx, base, plan, refs, note);
  await writePhases(tx, base, plan, refs, note);
  // Lanes last: their items have moved out (or were removed) by now.
  if (plan.workstreams.remove.length > 0) {
    const removed = await tx
      .update(workstreams)
      .set({ deletedAt: new Date(), ...bump(workstreams) })
      .where(and(eq(workstreams.roadmapId, base.id), inArray(workstreams.id, plan.workstreams.remove)))
      .returning({ id: workstreams.id, version: workstreams.version });
    for (const r of removed) note("workstream", r.id, "deleted", r.version);
  }
  const staffed = await writeStaffing(tx, base, plan, refs);
  if (staffed) changes.push({ entity: "staffing", entityId: base.id, action: "updated", version: staffed });

  const count = (key: "add" | "update" | "remove") =>
    plan.workstreams[key].length + plan.items[key].length + plan.risks[key].length + plan.phases[key].length;
  return {
    added: count("add"),
    updated: count("update") + (staffed ? 1 : 0),
    removed: count("remove"),
    dependencies: linkChanges,
    changes,
  };
}

/** Records the per-row changes when there are few enough (see PER_ROW_ACTIVITY_LIMIT). */
export async function recordRowChanges(
  tx: Database,
  actor: Actor,
  base: RoadmapRow,
  changes: RoadmapChange[],
) {
  if (changes.length > PER_ROW_ACTIVITY_LIMIT) return;
  for (const change of changes) await recordRoadmapChange(tx, actor, base, change);
}
