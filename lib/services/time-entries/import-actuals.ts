import { and, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { items, memberships, timeEntries, users } from "@/db/schema";
import { parseActualsCsv, type ActualsParse, type ActualsProblemCode } from "@/lib/imports/actuals-csv";
import { ImportFormatError, ImportLimitError } from "@/lib/imports/types";
import { actualsProblems } from "@/lib/planning/actuals";
import type { ActualsImportResult } from "@/lib/validation/learning";
import type { Actor } from "@/lib/services/kernel/actor";
import { insertChunked } from "@/lib/services/kernel/chunks";
import { AppError } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { importRefusalError, type ImportProgress } from "@/lib/services/imports/import-roadmap";
import { utcDate } from "@/lib/services/reviews/cadence";
import { LISTED_SKIPS } from "@/lib/imports/skip-report";
import { resolveActualsRows, type ActualsItem, type ActualsPerson } from "./import-resolve";

/** The first code of the worst kind wins: unreadable rows (400), then references, then dates (422). */
const SEVERITY: ActualsProblemCode[] = ["invalid_request", "invalid_reference", "invalid_actuals"];

function refuseRows(problems: ActualsParse["problems"]): AppError {
  const sorted = [...problems].sort((a, b) => a.line - b.line);
  const code = SEVERITY.find((c) => sorted.some((p) => p.code === c))!;
  const listed = sorted.slice(0, LISTED_SKIPS);
  const more = sorted.length - listed.length;
  const head = `${sorted.length} row${sorted.length === 1 ? "" : "s"} could not be imported, so nothing was. Line ${sorted[0].line}: ${sorted[0].message}`;
  return new AppError(code, more > 0 ? `${head} (the first ${LISTED_SKIPS} are listed)` : head, {
    details: listed.map((p) => ({ path: `line ${p.line}`, message: p.message })),
  });
}

function parseText(text: string, today: string): ActualsParse {
  try {
    return parseActualsCsv(text, today);
  } catch (error) {
    if (error instanceof ImportFormatError) {
      const kind = error instanceof ImportLimitError ? "limit" : "format";
      throw importRefusalError({ kind, where: error.where, message: error.message });
    }
    throw error;
  }
}

/** Only an editor of the roadmap may import into it; checked before the upload is read. */
export async function checkActualsImportAccess(db: Database, actor: Actor, roadmapId: string): Promise<void> {
  await accessRoadmap(db, actor, roadmapId, "roadmap.write");
}

/**
 * Imports a CSV of actuals into a roadmap (editors): hours per person and day on its features and
 * items' actual start and finish (issue #18). All or nothing: any bad row (unreadable 400, an item
 * or person not found 422 invalid_reference, a date that cannot be 422 invalid_actuals, hours on a
 * milestone or a cut item 422 invalid_actuals) refuses the file, each listed by its line.
 */
export async function importActuals(
  db: Database,
  actor: Actor,
  roadmapId: string,
  text: string,
  now: Date = new Date(),
  onProgress: (progress: ImportProgress) => void = () => {},
): Promise<ActualsImportResult> {
  await checkActualsImportAccess(db, actor, roadmapId);
  const total = text.length;
  onProgress({ stage: "parsing", done: 0, total });
  const parse = parseText(text, utcDate(now));
  onProgress({ stage: "parsing", done: total, total });
  if (parse.problems.length) throw refuseRows(parse.problems);
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    const itemRows: ActualsItem[] = await tx
      .select({
        id: items.id,
        title: items.title,
        kind: items.kind,
        status: items.status,
        actualStart: items.actualStart,
        actualFinish: items.actualFinish,
        version: items.version,
      })
      .from(items)
      .where(and(eq(items.roadmapId, roadmapId), isNull(items.deletedAt)));
    const people: ActualsPerson[] = await tx
      .select({ id: users.id, email: users.email, name: users.name })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.teamId, roadmap.teamId));
    const plan = resolveActualsRows(parse.rows, itemRows, people, actor.userId);
    const problems = [...plan.problems];
    for (const [itemId, dates] of plan.dates) {
      const before = itemRows.find((i) => i.id === itemId)!;
      const merged = { actualStart: before.actualStart, actualFinish: before.actualFinish, ...dates.values };
      for (const p of actualsProblems(merged, utcDate(now)))
        problems.push({
          line: dates.line,
          code: "invalid_actuals",
          message: `Line ${dates.line}: ${p.message}`,
        });
    }
    if (problems.length) throw refuseRows(problems);

    const rows = plan.entries.map((e) => ({ ...e, teamId: roadmap.teamId, createdBy: actor.userId }));
    let written = 0;
    await insertChunked(rows, async (chunk) => {
      await tx.insert(timeEntries).values(chunk);
      written += chunk.length;
      onProgress({ stage: "writing", done: written, total: rows.length });
    });
    if (rows.length)
      await recordRoadmapChange(tx, actor, roadmap, {
        entity: "time_entry",
        entityId: roadmap.id,
        action: "created",
        changes: { imported: rows.length, hours: plan.totalHours },
      });
    for (const [itemId, dates] of plan.dates) {
      const before = itemRows.find((i) => i.id === itemId)!;
      const [updated] = await tx
        .update(items)
        .set({ ...dates.values, version: before.version + 1, updatedAt: new Date() })
        .where(and(eq(items.id, itemId), eq(items.version, before.version)))
        .returning({ version: items.version });
      await recordRoadmapChange(tx, actor, roadmap, {
        entity: "item",
        entityId: itemId,
        action: "updated",
        version: updated.version,
        changes: dates.values,
      });
    }
    return { timeEntries: rows.length, totalHours: plan.totalHours, items: plan.dates.size };
  });
}
