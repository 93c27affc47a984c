import { and, asc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/types";
import { skills, staffingPlans, staffingRows } from "@/db/schema";
import { quartersOf } from "@/lib/planning/capacity";
import type { PutStaffingInput, StaffingPlan } from "@/lib/validation/resources";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, versionMismatch } from "@/lib/services/kernel/errors";
import { accessRoadmap, recordRoadmapChange, type RoadmapRow } from "@/lib/services/kernel/roadmap-access";

/** The lead time a plan has until someone sets one. */
export const DEFAULT_HIRING_LEAD_WEEKS = 8;

/**
 * A roadmap's staffing plan; a plan never saved is version 0 with no rows (reading it writes
 * nothing; the first PUT, with If-Match "0", creates it). Rows of quarters a shortened horizon no
 * longer covers are kept but not shown: they staff nothing, and a plan sent back as read must be
 * accepted (they reappear if the horizon grows again before the next PUT replaces the plan).
 */
export async function loadStaffing(
  db: Database,
  roadmap: Pick<RoadmapRow, "id" | "startDate" | "horizonMonths">,
): Promise<StaffingPlan> {
  const roadmapId = roadmap.id;
  const inside = new Set(quartersOf(roadmap.startDate, roadmap.horizonMonths));
  const [[plan], rows] = await Promise.all([
    db.select().from(staffingPlans).where(eq(staffingPlans.roadmapId, roadmapId)).limit(1),
    db
      .select({
        skillId: staffingRows.skillId,
        quarter: staffingRows.quarter,
        headcount: staffingRows.headcount,
        hoursPerWeek: staffingRows.hoursPerWeek,
      })
      .from(staffingRows)
      .where(eq(staffingRows.roadmapId, roadmapId))
      .orderBy(asc(staffingRows.quarter), asc(staffingRows.skillId)),
  ]);
  return {
    roadmapId,
    version: plan?.version ?? 0,
    hiringLeadWeeks: plan?.hiringLeadWeeks ?? DEFAULT_HIRING_LEAD_WEEKS,
    rows: rows.filter((r) => inside.has(r.quarter)),
  };
}

export async function getStaffing(db: Database, actor: Actor, roadmapId: string): Promise<StaffingPlan> {
  const { roadmap } = await accessRoadmap(db, actor, roadmapId, "team.read");
  return loadStaffing(db, roadmap);
}

/** Every skill named must be in the roadmap's team's catalogue; the unknown ones are named. */
async function checkSkills(tx: Database, roadmap: RoadmapRow, input: PutStaffingInput) {
  const named = [...new Set(input.rows.map((r) => r.skillId))];
  if (named.length === 0) return;
  const found = new Set(
    (
      await tx
        .select({ id: skills.id })
        .from(skills)
        .where(and(eq(skills.teamId, roadmap.teamId), inArray(skills.id, named)))
    ).map((s) => s.id),
  );
  const unknown = named.filter((id) => !found.has(id));
  if (unknown.length > 0) {
    const details = input.rows.flatMap((row, i) =>
      unknown.includes(row.skillId)
        ? [{ path: `rows.${i}.skillId`, message: "This skill is not in this team's skills catalogue." }]
        : [],
    );
    throw new AppError(
      "invalid_reference",
      `${unknown.length === 1 ? "A skill" : `${unknown.length} skills`} of the plan ${unknown.length === 1 ? "is" : "are"} not in this team's skills catalogue (${unknown.join(", ")}). Staff only the team's own skills.`,
      { details },
    );
  }
}

/** Every quarter must be one the roadmap's horizon covers. */
function checkQuarters(roadmap: RoadmapRow, input: PutStaffingInput) {
  const horizon = quartersOf(roadmap.startDate, roadmap.horizonMonths);
  const inside = new Set(horizon);
  const outside = [...new Set(input.rows.map((r) => r.quarter).filter((q) => !inside.has(q)))];
  if (outside.length > 0) {
    throw new AppError(
      "outside_horizon",
      `${outside.join(", ")} ${outside.length === 1 ? "is" : "are"} outside the roadmap's horizon, which covers ${horizon[0]} to ${horizon.at(-1)}. Staff those quarters only, or extend the horizon first.`,
      { details: { quarters: outside, horizonQuarters: horizon } },
    );
  }
}

/**
 * Replaces the staffing plan whole at the version the caller read (0: a plan never saved). The
 * roadmap lock taken first serialises two PUTs of one plan, so exactly one of two with the same
 * If-Match wins.
 */
export async function putStaffing(
  db: Database,
  actor: Actor,
  roadmapId: string,
  expectedVersion: number,
  input: PutStaffingInput,
): Promise<StaffingPlan> {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    const before = await loadStaffing(tx, roadmap);
    if (before.version !== expectedVersion) throw versionMismatch("staffing plan", before);
    checkQuarters(roadmap, input);
    await checkSkills(tx, roadmap, input);

    const hiringLeadWeeks = input.hiringLeadWeeks ?? before.hiringLeadWeeks;
    const version = expectedVersion + 1;
    const written =
      expectedVersion === 0
        ? await tx
            .insert(staffingPlans)
            .values({ roadmapId, hiringLeadWeeks, version })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(staffingPlans)
            .set({ hiringLeadWeeks, version, updatedAt: new Date() })
            .where(and(eq(staffingPlans.roadmapId, roadmapId), eq(staffingPlans.version, expectedVersion)))
            .returning();
    if (written.length === 0) throw versionMismatch("staffing plan", await loadStaffing(tx, roadmap));

    await tx.delete(staffingRows).where(eq(staffingRows.roadmapId, roadmapId));
    if (input.rows.length > 0) {
      await tx.insert(staffingRows).values(input.rows.map((row) => ({ roadmapId, ...row })));
    }
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "staffing",
      entityId: roadmapId,
      action: expectedVersion === 0 ? "created" : "updated",
      version,
      changes: {
        rows: { from: before.rows.length, to: input.rows.length },
        ...(hiringLeadWeeks !== before.hiringLeadWeeks && {
          hiringLeadWeeks: { from: before.hiringLeadWeeks, to: hiringLeadWeeks },
        }),
      },
    });
    return loadStaffing(tx, roadmap);
  });
}
