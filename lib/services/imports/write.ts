import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/types";
import {
  phases,
  dependencies,
  items,
  itemSkills,
  memberships,
  riskItems,
  risks,
  roadmaps,
  skills,
  staffingPlans,
  staffingRows,
  users,
  workstreams,
} from "@/db/schema";
import { SkipReport } from "@/lib/imports/skip-report";
import type { ImportParse } from "@/lib/imports/types";
import { quartersOf } from "@/lib/planning/capacity";
import { horizonEnd } from "@/lib/planning/calendar";
import { findCycle } from "@/lib/planning/graph";
import type { ImportResult } from "@/lib/validation/communication";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import { staffingRowSchema } from "@/lib/validation/resources";
import { HORIZON } from "@/lib/validation/roadmaps";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { insertChunked } from "@/lib/services/kernel/chunks";
import { AppError } from "@/lib/services/kernel/errors";
import { recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { DEFAULT_HIRING_LEAD_WEEKS } from "@/lib/services/staffing/staffing";

/** Rows per INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table (items). */

const lower = (s: string) => s.trim().toLowerCase();
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;

/**
 * The parsers hand over documents that keep every domain rule; a document that does not (a bug, or
 * a parser that missed a case) is refused with the rule's own 4xx rather than half-written.
 */
function checkDomainRules(doc: RoadmapDocument) {
  const { startDate, horizonMonths } = doc.roadmap;
  if (horizonMonths < HORIZON.min || horizonMonths > HORIZON.max) {
    throw new AppError(
      "horizon_out_of_range",
      `A roadmap spans ${HORIZON.min} to ${HORIZON.max} months; the file's plan spans ${horizonMonths}.`,
      { details: { min: HORIZON.min, max: HORIZON.max, got: horizonMonths } },
    );
  }
  const end = horizonEnd(startDate, horizonMonths);
  const outside = doc.items.filter(
    (i) => i.startDate < startDate || i.endDate > end || i.startDate > i.endDate,
  );
  if (outside.length > 0) {
    throw new AppError(
      "outside_horizon",
      `${plural(outside.length, "item")} of the file fall outside the roadmap's horizon (${startDate} to ${end}).`,
      { details: { items: outside.slice(0, 20).map((i) => i.id) } },
    );
  }
  const cycle = findCycle(
    doc.items.map((i) => i.id),
    doc.dependencies,
  );
  if (cycle) {
    throw new AppError(
      "dependency_cycle",
      "The file's dependencies form a loop; remove one of the links named.",
      {
        details: { cycle },
      },
    );
  }
}

/** The team's skills by lower-cased name; names the catalogue lacks are added (an editor may). */
async function resolveSkills(tx: Database, teamId: string, names: string[]): Promise<Map<string, string>> {
  const wanted = new Map<string, string>();
  for (const name of names) if (name.trim() && !wanted.has(lower(name))) wanted.set(lower(name), name.trim());
  const load = async () =>
    new Map(
      (
        await tx.select({ id: skills.id, name: skills.name }).from(skills).where(eq(skills.teamId, teamId))
      ).map((s) => [lower(s.name), s.id]),
    );
  let byName = await load();
  const missing = [...wanted].filter(([key]) => !byName.has(key)).map(([, name]) => ({ teamId, name }));
  if (missing.length > 0) {
    // A skill someone adds at the same moment is simply used (its unique index ignores case).
    await tx.insert(skills).values(missing).onConflictDoNothing();
    byName = await load();
  }
  return byName;
}

/** The team's members by lower-cased email. */
async function teamMembersByEmail(tx: Database, teamId: string): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: users.id, email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.teamId, teamId));
  return new Map(rows.map((r) => [lower(r.email), r.id]));
}

/**
 * Owners named by email: members get the item or risk, others are left without an owner and
 * reported once per address.
 */
function ownerResolver(members: Map<string, string>) {
  const unknown = new Map<string, { where: string; items: number; risks: number }>();
  return {
    ownerOf(email: string | null, where: string, what: "items" | "risks"): string | null {
      if (!email?.trim()) return null;
      const id = members.get(lower(email));
      if (id) return id;
      const entry = unknown.get(lower(email)) ?? { where, items: 0, risks: 0 };
      entry[what] += 1;
      unknown.set(lower(email), entry);
      return null;
    },
    reportTo(skipped: SkipReport) {
      for (const [email, e] of unknown)
        skipped.add(
          {
            where: e.where,
            what: `owner ${email}`,
            reason: `owner ${email} is not a member of this team; ${[
              e.items && plural(e.items, "item"),
              e.risks && plural(e.risks, "risk"),
            ]
              .filter(Boolean)
              .join(" and ")} imported without an owner.`,
          },
          "The owner is not a member of this team; imported without an owner.",
        );
    },
  };
}

/**
 * Writes an import's document as a new roadmap of the team inside the caller's transaction: lanes,
 * items with their skills, links, risks and staffing get new ids with the links between them kept;
 * skills are matched by name, owners by email among the team's members. One roadmap change is
 * recorded for the whole import.
 */
export async function writeImportedRoadmap(
  tx: Database,
  actor: Actor,
  teamId: string,
  parse: ImportParse,
  options: { title?: string },
  onProgress: (done: number, total: number) => void = () => {},
): Promise<ImportResult> {
  await requirePermission(tx, actor, teamId, "roadmap.write");
  const doc = parse.document;
  checkDomainRules(doc);
  const skipped = SkipReport.continuing(parse);
  const roadmapId = randomUUID();
  const title = options.title ?? doc.roadmap.title;

  const skillIds = await resolveSkills(tx, teamId, [
    ...doc.items.flatMap((i) => i.skills.map((s) => s.skill)),
    ...(doc.staffing?.rows.map((r) => r.skill) ?? []),
  ]);
  const owners = ownerResolver(await teamMembersByEmail(tx, teamId));

  const laneIds = new Map(doc.workstreams.map((w) => [w.id, randomUUID()]));
  const laneRows = doc.workstreams.map((w) => ({
    id: laneIds.get(w.id)!,
    roadmapId,
    name: w.name,
    position: w.position,
  }));

  const itemIds = new Map(doc.items.map((i) => [i.id, randomUUID()]));
  const itemRows = doc.items.map((i) => ({
    id: itemIds.get(i.id)!,
    roadmapId,
    workstreamId: (i.workstreamId && laneIds.get(i.workstreamId)) || null,
    kind: i.kind,
    title: i.title,
    description: i.description,
    startDate: i.startDate,
    endDate: i.endDate,
    outcome: i.outcome,
    isKey: i.isKey,
    status: i.status,
    optimisticHours: i.estimate?.optimisticHours ?? null,
    likelyHours: i.estimate?.likelyHours ?? null,
    pessimisticHours: i.estimate?.pessimisticHours ?? null,
    ownerId: owners.ownerOf(i.owner, `item "${i.title}"`, "items"),
  }));

  // One row per item and skill: a skill named twice (in any case) carries the sum of its hours.
  const skillHours = new Map<string, { itemId: string; skillId: string; hours: number }>();
  for (const i of doc.items) {
    for (const s of i.skills) {
      const skillId = skillIds.get(lower(s.skill));
      if (!skillId) continue;
      const itemId = itemIds.get(i.id)!;
      const row = skillHours.get(`${itemId}/${skillId}`);
      if (row) row.hours += s.hours;
      else skillHours.set(`${itemId}/${skillId}`, { itemId, skillId, hours: s.hours });
    }
  }

  const linkRows = new Map<string, typeof dependencies.$inferInsert>();
  for (const d of doc.dependencies) {
    const fromId = itemIds.get(d.fromId);
    const toId = itemIds.get(d.toId);
    if (!fromId || !toId || fromId === toId || linkRows.has(`${fromId}/${toId}`)) continue;
    linkRows.set(`${fromId}/${toId}`, { roadmapId, fromId, toId, lagDays: d.lagDays });
  }

  const riskRows: (typeof risks.$inferInsert)[] = [];
  const riskItemRows = new Map<string, { riskId: string; itemId: string }>();
  doc.risks.forEach((r, index) => {
    const inRange = (n: number) => Number.isInteger(n) && n >= 1 && n <= 5;
    if (!inRange(r.likelihood) || !inRange(r.impact)) {
      skipped.add({
        where: `risks[${index}]`,
        what: `risk "${r.title}"`,
        reason: "likelihood and impact must be whole numbers from 1 to 5.",
      });
      return;
    }
    const id = randomUUID();
    riskRows.push({
      id,
      roadmapId,
      title: r.title,
      description: r.description,
      kind: r.kind,
      likelihood: r.likelihood,
      impact: r.impact,
      status: r.status,
      ownerId: owners.ownerOf(r.owner, `risk "${r.title}"`, "risks"),
      delayDays: r.delayDays,
      contingency: r.contingency,
    });
    for (const docItemId of r.itemIds) {
      const itemId = itemIds.get(docItemId);
      if (itemId) riskItemRows.set(`${id}/${itemId}`, { riskId: id, itemId });
    }
  });
  owners.reportTo(skipped);

  const staffing = staffingOf(doc, roadmapId, skillIds, skipped);

  const tables = [
    [workstreams, laneRows],
    [items, itemRows],
    [itemSkills, [...skillHours.values()]],
    [dependencies, [...linkRows.values()]],
    [risks, riskRows],
    [riskItems, [...riskItemRows.values()]],
    [staffingRows, staffing?.rows ?? []],
    [
      phases,
      doc.phases.map((p) => ({
        roadmapId,
        name: p.name,
        startDate: p.startDate,
        endDate: p.endDate,
        gateTitle: p.gate?.title ?? null,
        gateOutcome: p.gate?.outcome ?? null,
      })),
    ],
  ] as const;
  const total = 1 + (staffing ? 1 : 0) + tables.reduce((n, [, rows]) => n + rows.length, 0);
  let done = 0;
  const progress = (rows: number) => onProgress((done += rows), total);

  const [roadmap] = await tx
    .insert(roadmaps)
    .values({
      id: roadmapId,
      teamId,
      title,
      description: doc.roadmap.description ?? null,
      startDate: doc.roadmap.startDate,
      horizonMonths: doc.roadmap.horizonMonths,
      status: doc.roadmap.status ?? "draft",
      createdBy: actor.userId,
    })
    .returning();
  progress(1);
  if (staffing) {
    await tx.insert(staffingPlans).values({ roadmapId, hiringLeadWeeks: staffing.hiringLeadWeeks });
    progress(1);
  }
  for (const [table, rows] of tables) {
    await insertChunked(rows as never[], async (chunk) => {
      await tx.insert(table as PgTable).values(chunk);
      progress(chunk.length);
    });
  }

  await recordRoadmapChange(tx, actor, roadmap, {
    entity: "roadmap",
    entityId: roadmapId,
    action: "created",
    version: roadmap.version,
    changes: { importedFrom: parse.source, title, items: itemRows.length, dependencies: linkRows.size },
  });

  return {
    roadmap: {
      id: roadmap.id,
      title: roadmap.title,
      startDate: roadmap.startDate,
      horizonMonths: roadmap.horizonMonths,
      version: roadmap.version,
    },
    source: parse.source,
    imported: {
      workstreams: laneRows.length,
      items: itemRows.length,
      dependencies: linkRows.size,
      risks: riskRows.length,
    },
    ...skipped.summary(),
  };
}

/**
 * The staffing plan with skills by id. Rows are checked as PUT /staffing checks them; those outside
 * the horizon, repeated or implausible are reported and left out.
 */
function staffingOf(
  doc: RoadmapDocument,
  roadmapId: string,
  skillIds: Map<string, string>,
  skipped: SkipReport,
) {
  if (!doc.staffing) return null;
  const quarters = new Set(quartersOf(doc.roadmap.startDate, doc.roadmap.horizonMonths));
  const rows = new Map<string, typeof staffingRows.$inferInsert>();
  doc.staffing.rows.forEach((r, index) => {
    const skip = (reason: string) =>
      skipped.add({
        where: `staffing.rows[${index}]`,
        what: `staffing of ${r.skill} in ${r.quarter}`,
        reason,
      });
    const skillId = skillIds.get(lower(r.skill));
    if (!skillId) return skip("the row names no skill.");
    const row = staffingRowSchema.safeParse({
      skillId,
      quarter: r.quarter,
      headcount: r.headcount,
      hoursPerWeek: r.hoursPerWeek,
    });
    if (!row.success) return skip(row.error.issues[0].message);
    if (!quarters.has(r.quarter)) return skip("the quarter is outside the roadmap's horizon.");
    if (rows.has(`${skillId}/${r.quarter}`))
      return skip("the skill and quarter are staffed by an earlier row.");
    rows.set(`${skillId}/${r.quarter}`, { roadmapId, ...row.data });
  });
  let hiringLeadWeeks = doc.staffing.hiringLeadWeeks;
  if (!Number.isInteger(hiringLeadWeeks) || hiringLeadWeeks < 0 || hiringLeadWeeks > 104) {
    skipped.add({
      where: "staffing.hiringLeadWeeks",
      what: `a hiring lead time of ${hiringLeadWeeks} weeks`,
      reason: `a lead time is 0 to 104 whole weeks; the default of ${DEFAULT_HIRING_LEAD_WEEKS} is used.`,
    });
    hiringLeadWeeks = DEFAULT_HIRING_LEAD_WEEKS;
  }
  return { hiringLeadWeeks, rows: [...rows.values()] };
}
