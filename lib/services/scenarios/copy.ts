import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { dependencies, roadmaps } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import { insertChunked } from "@/lib/services/kernel/chunks";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";

type CopiedRow = { id: string; source_id: string };

/** The rows of a raw query's answer, on either driver (postgres.js: an array; PGlite: `.rows`). */
function rowsOf<T>(result: T[] | { rows: T[] }): T[] {
  return Array.isArray(result) ? result : result.rows;
}

/**
 * Copies the live plan of `base` into a new scenario roadmap row: lanes, items with their skill
 * hours, links between copied items, phases, the staffing plan and rows, and risks with the items
 * they threaten. Every copy carries `source_id` = the base row it copies, which is how a comparison
 * translates the scenario back into the base's ids, and keeps its `created_at`, so lists that break
 * ties by age order as in the base. Deleted rows, comments, reviews and feedback are history, not
 * plan, and stay with the base.
 *
 * Gate decisions are copied as they stand (so the scenario shows the same "subject to replanning"
 * marks), but they belong to the live roadmap: a decision recorded in a scenario is never applied.
 *
 * Each table is one INSERT ... SELECT inside the database (new ids from the column default, links
 * and skills joined to the copies through source_id), so nothing travels row by row: a
 * 1,000-item roadmap copies in a few statements. Call inside the transaction holding the base's lock.
 */
export async function copyRoadmapAsScenario(
  tx: Database,
  actor: Actor,
  base: RoadmapRow,
  options: { name: string; baseSnapshotId: string },
): Promise<RoadmapRow> {
  const [scenario] = await tx
    .insert(roadmaps)
    .values({
      teamId: base.teamId,
      title: options.name,
      description: base.description,
      startDate: base.startDate,
      horizonMonths: base.horizonMonths,
      status: base.status,
      kind: "scenario",
      baseRoadmapId: base.id,
      scenarioStatus: "open",
      baseSnapshotId: options.baseSnapshotId,
      createdBy: actor.userId,
    })
    .returning();
  const from = base.id;
  const to = scenario.id;

  await tx.execute(sql`
    insert into workstreams (roadmap_id, name, position, source_id, created_at)
    select ${to}, name, position, id, created_at from workstreams
    where roadmap_id = ${from} and deleted_at is null`);
  // Links join each end to its copy: done here from the returned ids, because a join against rows
  // inserted a moment ago (no statistics yet) can make the planner pick a nested loop.
  const copied = await tx.execute(sql`
    insert into items (roadmap_id, workstream_id, kind, title, description, start_date, end_date,
      outcome, is_key, status, optimistic_hours, likely_hours, pessimistic_hours, owner_id,
      source_id, created_at)
    select ${to}, lane.id, i.kind, i.title, i.description, i.start_date, i.end_date,
      i.outcome, i.is_key, i.status, i.optimistic_hours, i.likely_hours, i.pessimistic_hours, i.owner_id,
      i.id, i.created_at
    from items i
    left join workstreams lane on lane.roadmap_id = ${to} and lane.source_id = i.workstream_id
    where i.roadmap_id = ${from} and i.deleted_at is null
    returning id, source_id`);
  const copyOf = new Map(
    rowsOf(copied as unknown as CopiedRow[] | { rows: CopiedRow[] }).map((r) => [r.source_id, r.id]),
  );
  await tx.execute(sql`
    insert into item_skills (item_id, skill_id, hours)
    select copy.id, s.skill_id, s.hours
    from items copy join item_skills s on s.item_id = copy.source_id
    where copy.roadmap_id = ${to}`);
  const links = await tx
    .select({ fromId: dependencies.fromId, toId: dependencies.toId, lagDays: dependencies.lagDays })
    .from(dependencies)
    .where(eq(dependencies.roadmapId, from));
  await insertChunked(
    links.filter((d) => copyOf.has(d.fromId) && copyOf.has(d.toId)),
    (chunk) =>
      tx.insert(dependencies).values(
        chunk.map((d) => ({
          roadmapId: to,
          fromId: copyOf.get(d.fromId)!,
          toId: copyOf.get(d.toId)!,
          lagDays: d.lagDays,
        })),
      ),
  );
  await tx.execute(sql`
    insert into phases (roadmap_id, name, start_date, end_date, gate_title, gate_outcome, decision,
      decision_notes, decided_at, decided_by, decision_snapshot_id, source_id, created_at)
    select ${to}, name, start_date, end_date, gate_title, gate_outcome, decision,
      decision_notes, decided_at, decided_by, decision_snapshot_id, id, created_at
    from phases where roadmap_id = ${from}`);
  await tx.execute(sql`
    insert into staffing_plans (roadmap_id, hiring_lead_weeks)
    select ${to}, hiring_lead_weeks from staffing_plans where roadmap_id = ${from}`);
  await tx.execute(sql`
    insert into staffing_rows (roadmap_id, skill_id, quarter, headcount, hours_per_week)
    select ${to}, skill_id, quarter, headcount, hours_per_week from staffing_rows where roadmap_id = ${from}`);
  await tx.execute(sql`
    insert into risks (roadmap_id, title, description, kind, likelihood, impact, status, owner_id,
      delay_days, contingency, source_id, created_at)
    select ${to}, title, description, kind, likelihood, impact, status, owner_id,
      delay_days, contingency, id, created_at
    from risks where roadmap_id = ${from} and deleted_at is null`);
  await tx.execute(sql`
    insert into risk_items (risk_id, item_id)
    select r.id, copy.id
    from risks r
    join risk_items ri on ri.risk_id = r.source_id
    join items copy on copy.roadmap_id = ${to} and copy.source_id = ri.item_id
    where r.roadmap_id = ${to}`);
  return scenario;
}
