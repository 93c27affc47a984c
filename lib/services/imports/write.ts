import { randomUUID } from "node:crypto";
import type { PgTable } from "drizzle-orm/pg-core";
import type { Database } from "@/db/types";
import {
  phases,
  dependencies,
  items,
  itemSkills,
  riskItems,
  risks,
  roadmaps,
  staffingPlans,
  staffingRows,
  workstreams,
} from "@/db/schema";
import { SkipReport } from "@/lib/imports/skip-report";
import type { ImportParse } from "@/lib/imports/types";
import type { ImportResult } from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { insertRecordset } from "@/lib/services/kernel/bulk-insert";
import { insertChunked } from "@/lib/services/kernel/chunks";
import { recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { checkDomainRules } from "./checks";
import { lower } from "./names";
import { ownerResolver, resolveSkills, staffingOf, teamMembersByEmail } from "./references";
import { estimateColumns, plainItemFields } from "@/lib/services/items/rows";
import { plainRiskFields } from "@/lib/services/risks/rows";
import { queueBulkItemEvents } from "@/lib/services/webhooks/bulk-events";

/**
 * Writes an import's document as a new roadmap of the team inside the caller's transaction: lanes,
 * items with their skills, links, risks and staffing get new ids with the links between them kept;
 * skills are matched by name, owners by email among the team's members. Each table is written a
 * thousand rows per statement, the rows as one JSON parameter (insertRecordset). One roadmap change
 * is recorded for the whole import.
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
    ...plainItemFields(i),
    ...estimateColumns(i.estimate),
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
      ...plainRiskFields(r),
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
      await insertRecordset(tx, table as PgTable, chunk);
      progress(chunk.length);
    });
  }

  await queueBulkItemEvents(
    tx,
    roadmap,
    "import",
    itemRows.map((i) => ({ type: "item.created", itemId: i.id, title: i.title, version: 1 })),
  );
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
