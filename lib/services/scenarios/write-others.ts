import { and, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/types";
import { phases, riskItems, risks, staffingPlans, staffingRows } from "@/db/schema";
import type { MergePlan } from "@/lib/planning/scenario-merge";
import type { DocumentRisk, RoadmapDocument } from "@/lib/validation/roadmap-document";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import { insertChunked } from "@/lib/services/kernel/chunks";
import { bump, ownerId, ref, type Note, type Refs } from "./refs";

// The risks, phases and staffing of a MergePlan, written to the base (see write.ts).

type Phase = RoadmapDocument["phases"][number];

function riskColumns(f: Partial<DocumentRisk>, refs: Refs) {
  const { id: _id, itemIds: _itemIds, owner, ...plain } = f;
  return { ...plain, ...(owner !== undefined && { ownerId: ownerId(refs, owner) }) };
}

function phaseColumns(f: Partial<Phase>) {
  const { id: _id, gate, ...plain } = f;
  return {
    ...plain,
    ...(gate !== undefined && { gateTitle: gate?.title ?? null, gateOutcome: gate?.outcome ?? null }),
  };
}

async function writeRiskItems(tx: Database, riskId: string, itemIds: string[], refs: Refs) {
  await tx.delete(riskItems).where(eq(riskItems.riskId, riskId));
  if (itemIds.length > 0)
    await tx.insert(riskItems).values(itemIds.map((itemId) => ({ riskId, itemId: ref(refs, itemId) })));
}

export async function writeRisks(tx: Database, base: RoadmapRow, plan: MergePlan, refs: Refs, note: Note) {
  for (const r of plan.risks.add) {
    const id = ref(refs, r.id);
    await tx.insert(risks).values({
      ...riskColumns(r, refs),
      id,
      roadmapId: base.id,
      title: r.title,
      kind: r.kind,
      likelihood: r.likelihood,
      impact: r.impact,
    });
    await writeRiskItems(tx, id, r.itemIds, refs);
    note("risk", id, "created", 1);
  }
  for (const u of plan.risks.update) {
    const [row] = await tx
      .update(risks)
      .set({ ...riskColumns(u.fields, refs), ...bump(risks) })
      .where(and(eq(risks.id, u.id), eq(risks.roadmapId, base.id)))
      .returning({ version: risks.version });
    if (u.fields.itemIds !== undefined) await writeRiskItems(tx, u.id, u.fields.itemIds, refs);
    note("risk", u.id, "updated", row?.version);
  }
  if (plan.risks.remove.length > 0) {
    const removed = await tx
      .update(risks)
      .set({ deletedAt: new Date(), ...bump(risks) })
      .where(and(eq(risks.roadmapId, base.id), inArray(risks.id, plan.risks.remove)))
      .returning({ id: risks.id, version: risks.version });
    for (const r of removed) note("risk", r.id, "deleted", r.version);
  }
}

export async function writePhases(tx: Database, base: RoadmapRow, plan: MergePlan, refs: Refs, note: Note) {
  if (plan.phases.remove.length > 0) {
    await tx.delete(phases).where(and(eq(phases.roadmapId, base.id), inArray(phases.id, plan.phases.remove)));
    for (const id of plan.phases.remove) note("phase", id, "deleted");
  }
  for (const u of plan.phases.update) {
    const [row] = await tx
      .update(phases)
      .set({ ...phaseColumns(u.fields), ...bump(phases) })
      .where(and(eq(phases.id, u.id), eq(phases.roadmapId, base.id)))
      .returning({ version: phases.version });
    note("phase", u.id, "updated", row?.version);
  }
  for (const p of plan.phases.add) {
    const id = ref(refs, p.id);
    await tx.insert(phases).values({
      ...phaseColumns(p),
      id,
      roadmapId: base.id,
      name: p.name,
      startDate: p.startDate,
      endDate: p.endDate,
    });
    note("phase", id, "created", 1);
  }
}

/** Replaces the staffing plan when the scenario changed it; answers the plan's new version, or null. */
export async function writeStaffing(
  tx: Database,
  base: RoadmapRow,
  plan: MergePlan,
  refs: Refs,
): Promise<number | null> {
  if (plan.staffing === undefined) return null;
  await tx.delete(staffingRows).where(eq(staffingRows.roadmapId, base.id));
  if (plan.staffing === null) {
    await tx.delete(staffingPlans).where(eq(staffingPlans.roadmapId, base.id));
    return 0;
  }
  const [written] = await tx
    .insert(staffingPlans)
    .values({ roadmapId: base.id, hiringLeadWeeks: plan.staffing.hiringLeadWeeks })
    .onConflictDoUpdate({
      target: staffingPlans.roadmapId,
      set: { hiringLeadWeeks: plan.staffing.hiringLeadWeeks, ...bump(staffingPlans) },
    })
    .returning({ version: staffingPlans.version });
  const rows = plan.staffing.rows.flatMap((r) => {
    const skillId = refs.skillId.get(r.skill);
    return skillId
      ? [
          {
            roadmapId: base.id,
            skillId,
            quarter: r.quarter,
            headcount: r.headcount,
            hoursPerWeek: r.hoursPerWeek,
          },
        ]
      : [];
  });
  await insertChunked(rows, (chunk) => tx.insert(staffingRows).values(chunk));
  return written.version;
}
