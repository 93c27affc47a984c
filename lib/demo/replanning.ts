// The demo's replanning: three phases with gates covering the horizon (the first gate decided
// "proceed", with its snapshot), and one open what-if scenario that hires a second backend
// engineer from Q2 and so brings instant payouts and the EU launch forward. Written through the services
// (nested in the seed's transaction), so the rows, snapshots and activity are what the app writes.
import { horizonEnd } from "@/lib/planning/calendar";
import { addDays, addMonths } from "@/lib/planning/civil-date";
import type { Actor } from "@/lib/services/kernel/actor";
import { and, eq } from "drizzle-orm";
import { updateItem } from "@/lib/services/items/update";
import { createPhase } from "@/lib/services/phases/create";
import { decideGate } from "@/lib/services/phases/decide-gate";
import { createScenario } from "@/lib/services/scenarios/scenarios";
import { loadStaffing, putStaffing } from "@/lib/services/staffing/staffing";
import type { Database } from "@/db/types";
import { items, type roadmaps } from "@/db/schema";

interface SeedContext {
  roadmap: typeof roadmaps.$inferSelect;
  owner: Actor;
  itemId: (key: string) => string;
  skillId: (name: string) => string;
}

export const DEMO_SCENARIO_NAME = "Hire a second backend engineer in Q2";

/** Features the scenario moves (demo keys), by calendar days. */
const SCENARIO_MOVES = [
  { key: "payouts", days: -28 },
  { key: "eu", days: -21 },
];

/** Months from the start at which each phase begins; the last runs to the horizon's end. */
export const PHASES = [
  {
    name: "Conceptualization & planning",
    fromMonth: 0,
    gate: {
      title: "Plan sign-off",
      outcome: "Scope, budget and staffing for the core build agreed by product, engineering and finance.",
    },
  },
  {
    name: "Core infrastructure",
    fromMonth: 3,
    gate: {
      title: "Platform ready",
      outcome: "Ledger, idempotent API and the second provider in production with PCI controls in place.",
    },
  },
  {
    name: "Launch",
    fromMonth: 9,
    gate: {
      title: "Go live",
      outcome: "General availability in the US and UK and the EU launch decided on its beta results.",
    },
  },
];

export async function seedReplanning(tx: Database, ctx: SeedContext) {
  const { roadmap, owner } = ctx;
  const start = roadmap.startDate;
  const last = horizonEnd(start, roadmap.horizonMonths);
  const created = [];
  for (const [i, phase] of PHASES.entries()) {
    const next = PHASES[i + 1];
    created.push(
      await createPhase(tx, owner, roadmap.id, {
        name: phase.name,
        startDate: addMonths(start, phase.fromMonth),
        endDate: next ? addDays(addMonths(start, next.fromMonth), -1) : last,
        gate: phase.gate,
      }),
    );
  }
  await decideGate(tx, owner, created[0].id, {
    decision: "proceed",
    notes:
      "Scope and budget approved. Backend is the bottleneck from Q2: see the scenario that hires a second backend engineer before committing to the EU date.",
  });

  const scenario = await createScenario(tx, owner, roadmap.id, { name: DEMO_SCENARIO_NAME });
  const scenarioId = scenario.roadmap.id;

  // One more Backend person in every quarter from the first Q2 after the start.
  const staffing = await loadStaffing(tx, scenario.roadmap);
  const backend = ctx.skillId("Backend");
  const quarters = [...new Set(staffing.rows.map((r) => r.quarter))].sort();
  const fromQuarter = quarters.find((q, i) => i > 0 && q.endsWith("-Q2")) ?? quarters[1];
  await putStaffing(tx, owner, scenarioId, staffing.version, {
    hiringLeadWeeks: staffing.hiringLeadWeeks,
    rows: staffing.rows.map((r) =>
      r.skillId === backend && r.quarter >= fromQuarter ? { ...r, headcount: r.headcount + 1 } : r,
    ),
  });

  // With the extra engineer, instant payouts start as soon as multi-currency settlement is done,
  // and EU readiness follows them: the EU launch (and the finish) come three weeks sooner.
  for (const { key, days } of SCENARIO_MOVES) {
    const [copy] = await tx
      .select()
      .from(items)
      .where(and(eq(items.roadmapId, scenarioId), eq(items.sourceId, ctx.itemId(key))));
    await updateItem(tx, owner, copy.id, copy.version, {
      startDate: addDays(copy.startDate, days),
      endDate: addDays(copy.endDate, days),
    });
  }
}
