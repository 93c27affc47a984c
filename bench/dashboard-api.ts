// buildDashboard per audience on an in-memory PGlite roadmap of 1,000 items: 950 features with
// estimates and skills, 50 milestones (15 key), ~1,500 links, 20 risks, a staffing plan, verdict
// comments, an open feedback round and an executive review with changes after it. Times the first
// (cold) call of each audience, then p50/p95 of 50 warm calls (the forecast is cached per roadmap
// change, and so is the diff against the review, so warm calls do the loads and roll-ups only).
// Run: npx tsx bench/dashboard-api.ts

import { eq } from "drizzle-orm";
import { openDatabase } from "../db/client";
import {
  dependencies,
  feedbackResponses,
  feedbackRounds,
  items,
  itemSkills,
  reviews,
  roadmaps,
} from "../db/schema";
import type { Database } from "../db/types";
import { addDays } from "../lib/planning/calendar";
import { quartersOf } from "../lib/planning/capacity";
import { registerUser } from "../lib/services/accounts/credentials";
import type { Actor } from "../lib/services/kernel/actor";
import { createComment } from "../lib/services/comments/create";
import { buildDashboard } from "../lib/services/dashboards/build";
import { updateItem } from "../lib/services/items/update";
import { createRisk } from "../lib/services/risks/create";
import { accessRoadmap } from "../lib/services/kernel/roadmap-access";
import { createRoadmap } from "../lib/services/roadmaps/create";
import { createSkill } from "../lib/services/staffing/skills";
import { takeSnapshot } from "../lib/services/snapshots/take";
import { putStaffing } from "../lib/services/staffing/staffing";
import { createTeam } from "../lib/services/teams/teams";
import { createWorkstream } from "../lib/services/workstreams/workstreams";
import { AUDIENCES } from "../lib/validation/communication-kinds";
import type { Skill } from "../lib/validation/teams";
import type { Workstream } from "../lib/validation/timeline";
import { mulberry32 } from "./lib/random";

const FEATURES = 950;
const MILESTONES = 50;
const KEY_MILESTONES = 15;
const LINKS = 1_500;
const RISKS = 20;
const LANES = 10;
const SKILLS = 6;
const WARM_CALLS = 50;
const START = "2027-01-04";
const HORIZON_MONTHS = 18;

const rnd = mulberry32(20270104);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));

async function snapshot(db: Database, actor: Actor, roadmapId: string) {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    return takeSnapshot(tx, actor, roadmap, { label: "Executive review", kind: "review" });
  });
}

async function seed(db: Database) {
  const user = await registerUser(db, {
    email: "bench@example.test",
    name: "Bench",
    password: "correct horse battery",
  });
  const actor: Actor = { userId: user.id, email: user.email, name: user.name, via: "token" };
  const team = await createTeam(db, actor, { name: "Bench team" });
  const roadmap = await createRoadmap(db, actor, team.id, {
    title: "Dashboard bench",
    startDate: START,
    horizonMonths: HORIZON_MONTHS,
  });
  const lanes: Workstream[] = [];
  for (let i = 0; i < LANES; i++)
    lanes.push(await createWorkstream(db, actor, roadmap.id, { name: `Lane ${i + 1}` }));
  const skills: Skill[] = [];
  for (let i = 0; i < SKILLS; i++)
    skills.push(await createSkill(db, actor, team.id, { name: `Skill ${i + 1}` }));

  // Items in a hidden rank order over ~16 months; links only go from lower to higher rank (no loop).
  const statuses = ["planned", "planned", "in_progress", "at_risk", "done"] as const;
  const rows: (typeof items.$inferInsert)[] = [];
  for (let rank = 0; rank < FEATURES + MILESTONES; rank++) {
    const milestone = rank % 20 === 19;
    const start = addDays(START, Math.floor((rank / (FEATURES + MILESTONES)) * 470) + int(0, 14));
    const likely = int(16, 240);
    rows.push({
      roadmapId: roadmap.id,
      workstreamId: rnd() < 0.9 ? lanes[int(0, LANES - 1)].id : null,
      kind: milestone ? "milestone" : "feature",
      title: `${milestone ? "Milestone" : "Feature"} ${rank + 1}`,
      startDate: start,
      endDate: milestone ? start : addDays(start, int(4, 40)),
      outcome: milestone ? "Reached" : null,
      isKey: milestone && rank % 60 === 59 ? true : false,
      status: rank < 100 ? "done" : statuses[int(0, statuses.length - 1)],
      ...(milestone
        ? {}
        : { optimisticHours: likely * 0.7, likelyHours: likely, pessimisticHours: likely * 2 }),
    });
  }
  // 50 milestones: every 20th rank; make exactly KEY_MILESTONES of them key.
  const milestoneRows = rows.filter((r) => r.kind === "milestone");
  milestoneRows.forEach(
    (r, i) => (r.isKey = i % Math.floor(MILESTONES / KEY_MILESTONES) === 0 && i / 3 < KEY_MILESTONES),
  );
  const inserted = await db.insert(items).values(rows).returning({ id: items.id, kind: items.kind });
  const features = inserted.filter((r) => r.kind === "feature");
  await db.insert(itemSkills).values(
    features.flatMap((f, i) =>
      [skills[i % SKILLS], skills[(i + 2) % SKILLS]].slice(0, 1 + (i % 2)).map((s) => ({
        itemId: f.id,
        skillId: s.id,
        hours: int(8, 160),
      })),
    ),
  );
  const seen = new Set<string>();
  const links: (typeof dependencies.$inferInsert)[] = [];
  while (links.length < LINKS) {
    const a = int(0, inserted.length - 2);
    const b = rnd() < 0.8 ? Math.min(inserted.length - 1, a + int(1, 40)) : int(a + 1, inserted.length - 1);
    const key = `${a}>${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ roadmapId: roadmap.id, fromId: inserted[a].id, toId: inserted[b].id, lagDays: 0 });
  }
  await db.insert(dependencies).values(links);

  for (let i = 0; i < RISKS; i++) {
    await createRisk(db, actor, roadmap.id, {
      title: `Risk ${i + 1}`,
      kind: (["roadblock", "dependency", "external"] as const)[i % 3],
      likelihood: int(1, 5),
      impact: int(1, 5),
      delayDays: int(0, 15),
      itemIds: [inserted[int(0, inserted.length - 1)].id],
      ...(i % 4 === 0 && { contingency: "Plan B." }),
    });
  }
  await putStaffing(db, actor, roadmap.id, 0, {
    rows: quartersOf(START, HORIZON_MONTHS).flatMap((quarter) =>
      skills.map((s) => ({ skillId: s.id, quarter, headcount: int(2, 8), hoursPerWeek: 32 })),
    ),
  });
  for (let i = 0; i < 30; i++) {
    await createComment(db, actor, inserted[int(0, inserted.length - 1)].id, {
      body: "Verdict",
      feasibility: (["feasible", "concerns", "not_feasible"] as const)[i % 3],
    });
  }
  const review = await snapshot(db, actor, roadmap.id);
  await db
    .insert(reviews)
    .values({ roadmapId: roadmap.id, audience: "executive", heldOn: START, snapshotId: review.id });
  const [round] = await db
    .insert(feedbackRounds)
    .values({
      roadmapId: roadmap.id,
      snapshotId: review.id,
      question: "Is this right?",
      audience: "product",
      closesOn: "2099-12-31",
    })
    .returning();
  await db.insert(feedbackResponses).values({ roundId: round.id, userId: user.id, itemId: null, rating: 4 });
  // Changes since the review: 25 items moved a week later.
  const moved = await db.select().from(items).where(eq(items.roadmapId, roadmap.id)).limit(25);
  for (const row of moved) {
    await updateItem(db, actor, row.id, row.version, {
      startDate: addDays(row.startDate, 7),
      endDate: addDays(row.endDate, 7),
    });
  }
  const [row] = await db.select().from(roadmaps).where(eq(roadmaps.id, roadmap.id));
  return row;
}

const percentile = (xs: number[], p: number) =>
  [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1];

async function main() {
  const handle = openDatabase({ dataDir: process.env.BENCH_DATA_DIR ?? "memory" });
  await handle.migrate();
  const t0 = performance.now();
  const roadmap = await seed(handle.db);
  console.log(
    `Seeded ${FEATURES + MILESTONES} items (${KEY_MILESTONES} key milestones), ${LINKS} links, ${RISKS} risks, ` +
      `${LANES} lanes, ${SKILLS} skills in ${((performance.now() - t0) / 1000).toFixed(1)} s (PGlite, in memory)`,
  );
  // Wall time is what a request waits; CPU time (this process, PGlite included: it runs in it) is
  // shown too because on a shared machine the wall figures include time spent waiting for a core.
  const table: Record<string, Record<string, string>> = {};
  for (const audience of AUDIENCES) {
    let start = performance.now();
    const first = await buildDashboard(handle.db, roadmap, audience);
    const cold = performance.now() - start;
    const warm: number[] = [];
    const cpu0 = process.cpuUsage();
    for (let i = 0; i < WARM_CALLS; i++) {
      start = performance.now();
      await buildDashboard(handle.db, roadmap, audience);
      warm.push(performance.now() - start);
    }
    const cpu = process.cpuUsage(cpu0);
    table[audience] = {
      "cold ms": cold.toFixed(0),
      "warm p50 ms": percentile(warm, 50).toFixed(1),
      "warm p95 ms": percentile(warm, 95).toFixed(1),
      "warm cpu ms/call": ((cpu.user + cpu.system) / 1000 / WARM_CALLS).toFixed(1),
      "answer KB": (JSON.stringify(first).length / 1024).toFixed(1),
    };
    if (first.audience === "executive") {
      console.log(
        `executive: finish ${first.projectFinish.planned} (P50 ${first.projectFinish.p50}, P80 ${first.projectFinish.p80}), ` +
          `${first.keyMilestones.length} key milestones, ${first.staffingGaps.length} skills short, ` +
          `${first.sinceLastReview?.summary.moved ?? 0} moved since the review`,
      );
    }
  }
  console.table(table);
  await handle.close();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
