// A seeded random roadmap written straight into a database (bulk inserts, so seeding 10,000 items
// takes seconds): lanes, features with estimates and skill hours, milestones (some key), links
// from lower to higher rank only (never a loop), risks, a staffing plan and three phases.
import { eq } from "drizzle-orm";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "../../db/client";
import type { Database } from "../../db/types";
import {
  dependencies,
  items,
  itemSkills,
  phases,
  riskItems,
  risks,
  roadmaps,
  staffingPlans,
  staffingRows,
  workstreams,
} from "../../db/schema";
import { addDays } from "../../lib/planning/calendar";
import { quartersOf } from "../../lib/planning/capacity";
import { registerUser } from "../../lib/services/accounts/credentials";
import type { Actor } from "../../lib/services/kernel/actor";
import { createRoadmap } from "../../lib/services/roadmaps/create";
import { createSkill } from "../../lib/services/staffing/skills";
import { createTeam } from "../../lib/services/teams/teams";
import { mulberry32 } from "./random";

export const START = "2027-01-04";
const CHUNK = 1_000;

export interface LargeRoadmapOptions {
  items: number;
  links: number;
  horizonMonths: number;
  lanes?: number;
  skills?: number;
  risks?: number;
  seed?: number;
}

async function inChunks<T>(rows: T[], write: (chunk: T[]) => Promise<unknown>) {
  for (let i = 0; i < rows.length; i += CHUNK) await write(rows.slice(i, i + CHUNK));
}

export async function seedLargeRoadmap(db: Database, options: LargeRoadmapOptions) {
  const rnd = mulberry32(options.seed ?? 20270104);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const user = await registerUser(db, {
    email: `bench-${Date.now()}@example.test`,
    name: "Bench",
    password: "correct horse battery",
  });
  const actor: Actor = { userId: user.id, email: user.email, name: user.name, via: "token" };
  const team = await createTeam(db, actor, { name: `Bench ${Date.now()}` });
  const roadmap = await createRoadmap(db, actor, team.id, {
    title: "Bench roadmap",
    startDate: START,
    horizonMonths: options.horizonMonths,
  });
  const skills: { id: string }[] = [];
  for (let i = 0; i < (options.skills ?? 6); i++)
    skills.push(await createSkill(db, actor, team.id, { name: `Skill ${i + 1}` }));
  const lanes = await db
    .insert(workstreams)
    .values(
      Array.from({ length: options.lanes ?? 10 }, (_, i) => ({
        roadmapId: roadmap.id,
        name: `Lane ${i + 1}`,
        position: i,
      })),
    )
    .returning({ id: workstreams.id });

  // Items in a hidden rank order over the horizon (less two months, so moves stay inside it).
  const spanDays = options.horizonMonths * 30 - 75;
  const rows: (typeof items.$inferInsert)[] = [];
  for (let rank = 0; rank < options.items; rank++) {
    const milestone = rank % 20 === 19;
    const start = addDays(START, Math.floor((rank / options.items) * spanDays) + int(0, 14));
    const likely = int(16, 240);
    rows.push({
      roadmapId: roadmap.id,
      workstreamId: lanes[int(0, lanes.length - 1)].id,
      kind: milestone ? "milestone" : "feature",
      title: `${milestone ? "Milestone" : "Feature"} ${rank + 1}`,
      startDate: start,
      endDate: milestone ? start : addDays(start, int(4, 30)),
      outcome: milestone ? "Reached" : null,
      isKey: milestone && rank % 100 === 99,
      ...(milestone
        ? {}
        : { optimisticHours: likely * 0.7, likelyHours: likely, pessimisticHours: likely * 2 }),
    });
  }
  const inserted: { id: string; kind: string }[] = [];
  await inChunks(rows, async (chunk) =>
    inserted.push(...(await db.insert(items).values(chunk).returning({ id: items.id, kind: items.kind }))),
  );
  const features = inserted.filter((r) => r.kind === "feature");
  await inChunks(
    features.map((f, i) => ({ itemId: f.id, skillId: skills[i % skills.length].id, hours: int(8, 160) })),
    (chunk) => db.insert(itemSkills).values(chunk),
  );
  const seen = new Set<string>();
  const links: (typeof dependencies.$inferInsert)[] = [];
  while (links.length < options.links) {
    const a = int(0, inserted.length - 2);
    const b = rnd() < 0.8 ? Math.min(inserted.length - 1, a + int(1, 40)) : int(a + 1, inserted.length - 1);
    const key = `${a}>${b}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ roadmapId: roadmap.id, fromId: inserted[a].id, toId: inserted[b].id, lagDays: int(0, 2) });
  }
  await inChunks(links, (chunk) => db.insert(dependencies).values(chunk));

  for (let i = 0; i < (options.risks ?? 20); i++) {
    const [risk] = await db
      .insert(risks)
      .values({
        roadmapId: roadmap.id,
        title: `Risk ${i + 1}`,
        kind: "external",
        likelihood: 3,
        impact: 3,
        delayDays: 5,
      })
      .returning({ id: risks.id });
    await db.insert(riskItems).values({ riskId: risk.id, itemId: inserted[int(0, inserted.length - 1)].id });
  }
  await db.insert(staffingPlans).values({ roadmapId: roadmap.id, hiringLeadWeeks: 8 });
  await db.insert(staffingRows).values(
    quartersOf(START, options.horizonMonths).flatMap((quarter) =>
      skills.map((s) => ({
        roadmapId: roadmap.id,
        skillId: s.id,
        quarter,
        headcount: int(2, 8),
        hoursPerWeek: 32,
      })),
    ),
  );
  const third = Math.floor(spanDays / 3);
  await db.insert(phases).values(
    [0, 1, 2].map((k) => ({
      roadmapId: roadmap.id,
      name: `Phase ${k + 1}`,
      startDate: addDays(START, k * third),
      endDate: addDays(START, (k + 1) * third - 1),
      gateTitle: `Gate ${k + 1}`,
      gateOutcome: "Go",
    })),
  );
  const [row] = await db.select().from(roadmaps).where(eq(roadmaps.id, roadmap.id));
  return { actor, roadmap: row, itemIds: inserted.map((i) => i.id) };
}

/**
 * An in-memory PGlite, or with DATABASE_URL a scratch database created on that server for the run
 * (and dropped by `dispose`), so a bench never writes into a database someone uses.
 */
export async function openBenchDatabase(): Promise<DatabaseHandle & { dispose: () => Promise<void> }> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = openDatabase({ dataDir: "memory" });
    await handle.migrate();
    return { ...handle, dispose: () => handle.close() };
  }
  const name = `cairn_bench_${process.pid}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`CREATE DATABASE "${name}"`);
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  const handle = openDatabase({ url: scratch.toString() });
  await handle.migrate();
  return {
    ...handle,
    dispose: async () => {
      await handle.close();
      await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await admin.end();
    },
  };
}

export const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
