import { and, eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_LOGIN } from "@/lib/demo/login";
import { roadmaps, users } from "@/db/schema";
import { hashPassword } from "@/lib/services/kernel/passwords";
import { getEstimateAccuracy } from "@/lib/services/learning/accuracy";
import { getConfidence } from "@/lib/services/learning/confidence";
import { getForecast } from "@/lib/services/forecast/forecast";
import type { Actor } from "@/lib/services/kernel/actor";
import { describeEachDatabase } from "../helpers/database";

// What the demo's history (lib/demo/history.ts, confidence.ts) must show from the first start:
// estimate accuracy with a late bias and one skill far worse, a forecast from history later than
// PERT's, calibration per method and a confidence line with a trend since the last review.
describeEachDatabase("demo seed: actuals and learning", (getCtx) => {
  let roadmapId = "";
  let actor: Actor;
  beforeAll(async () => {
    const started = performance.now();
    await seedDemo(getCtx().db, { hashPassword });
    console.log(`demo seed with history: ${Math.round(performance.now() - started)} ms`);
    const { db } = getCtx();
    const [current] = await db
      .select()
      .from(roadmaps)
      .where(and(eq(roadmaps.kind, "roadmap"), eq(roadmaps.status, "active")));
    roadmapId = current.id;
    const [owner] = await db.select().from(users).where(eq(users.email, DEMO_LOGIN.email));
    actor = { userId: owner.id, email: owner.email, name: owner.name, via: "session" };
  });

  it("keeps a finished earlier roadmap in the team, listed after the current one", async () => {
    const { db } = getCtx();
    const maps = await db.select().from(roadmaps).where(eq(roadmaps.kind, "roadmap"));
    expect(maps.map((m) => m.status).sort()).toEqual(["active", "archived"]);
    const archived = maps.find((m) => m.status === "archived")!;
    expect(archived.updatedAt < maps.find((m) => m.status === "active")!.updatedAt).toBe(true);
  });

  it("estimate accuracy: mostly late, at least ten features per skill and person, Mobile far worse", async () => {
    const { db } = getCtx();
    const team = await getEstimateAccuracy(db, actor, roadmapId, "team");
    expect(team.samples).toBeGreaterThanOrEqual(60);
    expect(team.medianRatio!).toBeGreaterThan(1.05);
    expect(team.hoursSamples).toBeGreaterThanOrEqual(30);
    expect(team.worst[0].ratio).toBeGreaterThan(2);
    const bySkill = await getEstimateAccuracy(db, actor, roadmapId, "skill");
    const named = bySkill.groups.filter((g) => g.key !== null);
    expect(named).toHaveLength(6);
    for (const g of named) expect(g.samples, g.label).toBeGreaterThanOrEqual(10);
    const mobile = named.find((g) => g.label === "Mobile")!;
    for (const g of named.filter((x) => x !== mobile))
      expect(mobile.medianRatio!, g.label).toBeGreaterThan(g.medianRatio! + 0.5);
    const byPerson = await getEstimateAccuracy(db, actor, roadmapId, "person");
    expect(byPerson.groups.filter((g) => g.samples >= 10).length).toBeGreaterThanOrEqual(3);
  });

  it("the forecast from history runs and puts the key milestones' P80 later than PERT's", async () => {
    const { db } = getCtx();
    const pert = await getForecast(db, actor, roadmapId, { runs: 1000, seed: 1, method: "pert" });
    const history = await getForecast(db, actor, roadmapId, { runs: 1000, seed: 1, method: "history" });
    expect(history.method.history!.samples).toBeGreaterThanOrEqual(60);
    const key = pert.milestones.filter((m) => m.isKey);
    expect(key.length).toBeGreaterThan(0);
    const later = key.filter((m) => history.milestones.find((h) => h.id === m.id)!.p80 > m.p80);
    expect(later.length).toBeGreaterThan(key.length / 2);
  });

  it("confidence: a line per key milestone, a trend since the last review, calibration per method", async () => {
    const { db } = getCtx();
    const confidence = await getConfidence(db, actor, roadmapId, "pert");
    expect(confidence.milestones.length).toBeGreaterThan(0);
    for (const m of confidence.milestones) expect(m.points.length, m.title).toBeGreaterThanOrEqual(3);
    expect(confidence.projectFinish.trend?.direction).toBe("later");
    const [pert, history] = confidence.calibration.methods;
    expect(pert.milestones).toBe(6);
    expect(history.milestones).toBeGreaterThanOrEqual(5);
    expect(history.milestonesHeld / history.milestones).toBeGreaterThan(
      pert.milestonesHeld / pert.milestones,
    );
    expect(pert.sentence).toMatch(/held \d+ times? out of 6/);
  });
});
