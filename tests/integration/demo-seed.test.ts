import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { DEMO_LOGIN } from "@/lib/demo/login";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_SCENARIO_NAME } from "@/lib/demo/replanning";
import {
  dependencies,
  feedbackResponses,
  feedbackRounds,
  items,
  phases,
  itemSkills,
  memberships,
  notifications,
  reviewCadences,
  reviews,
  risks,
  roadmaps,
  snapshots,
  skills,
  staffingRows,
  teams,
  users,
  workstreams,
} from "@/db/schema";
import { verifyCredentials } from "@/lib/services/accounts/credentials";
import { getBoard } from "@/lib/services/roadmaps/board";
import { compareScenario } from "@/lib/services/scenarios/compare";
import { horizonEnd } from "@/lib/planning/calendar";
import { hashPassword } from "@/lib/services/kernel/passwords";
import { createToken } from "@/lib/services/accounts/tokens";
import { storedDocument } from "@/lib/services/snapshots/packed";
import { api } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";

/** The first day after `months` calendar months from `start` (YYYY-MM-DD, UTC). */
function monthsLater(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function findCycle(nodes: string[], edges: { fromId: string; toId: string }[]): boolean {
  const out = new Map(nodes.map((n) => [n, [] as string[]]));
  const indegree = new Map(nodes.map((n) => [n, 0]));
  for (const e of edges) {
    out.get(e.fromId)!.push(e.toId);
    indegree.set(e.toId, indegree.get(e.toId)! + 1);
  }
  const ready = nodes.filter((n) => indegree.get(n) === 0);
  let seen = 0;
  while (ready.length) {
    const n = ready.pop()!;
    seen++;
    for (const m of out.get(n)!) {
      indegree.set(m, indegree.get(m)! - 1);
      if (indegree.get(m) === 0) ready.push(m);
    }
  }
  return seen !== nodes.length;
}

describeEachDatabase("demo seed", (getCtx) => {
  beforeAll(async () => {
    await seedDemo(getCtx().db, { hashPassword });
  });

  it("creates one demo team with four members in four different roles", async () => {
    const { db } = getCtx();
    const allTeams = await db.select().from(teams);
    expect(allTeams).toHaveLength(1);
    const members = await db
      .select({ role: memberships.role, email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.teamId, allTeams[0].id));
    expect(members.map((m) => m.role).sort()).toEqual(["commenter", "editor", "owner", "viewer"]);
    expect(members.find((m) => m.role === "owner")?.email).toBe(DEMO_LOGIN.email);
  });

  it("creates one current 15-month roadmap of about 30 items inside its horizon, in workstreams", async () => {
    const { db } = getCtx();
    const [team] = await db.select().from(teams);
    const maps = await db
      .select()
      .from(roadmaps)
      .where(and(eq(roadmaps.teamId, team.id), eq(roadmaps.kind, "roadmap"), eq(roadmaps.status, "active")));
    expect(maps).toHaveLength(1);
    const [roadmap] = maps;
    expect(roadmap.horizonMonths).toBe(15);

    const lanes = await db.select().from(workstreams).where(eq(workstreams.roadmapId, roadmap.id));
    expect(lanes.length).toBeGreaterThanOrEqual(3);
    const laneIds = new Set(lanes.map((l) => l.id));

    const rows = await db.select().from(items).where(eq(items.roadmapId, roadmap.id));
    expect(rows.length).toBeGreaterThanOrEqual(25);
    expect(rows.length).toBeLessThanOrEqual(40);
    const end = monthsLater(roadmap.startDate, roadmap.horizonMonths);
    for (const item of rows) {
      expect(laneIds.has(item.workstreamId!), item.title).toBe(true);
      expect(item.startDate >= roadmap.startDate, item.title).toBe(true);
      expect(item.endDate < end, item.title).toBe(true);
      expect(item.startDate <= item.endDate, item.title).toBe(true);
    }
    const milestones = rows.filter((i) => i.kind === "milestone");
    expect(milestones.length).toBeGreaterThan(0);
    expect(rows.filter((i) => i.kind === "feature").length).toBeGreaterThan(milestones.length);
    for (const m of milestones) {
      expect(m.startDate, m.title).toBe(m.endDate);
      expect(m.outcome?.trim().length ?? 0, m.title).toBeGreaterThan(10);
    }
  });

  it("links items with acyclic dependencies within the roadmap", async () => {
    const { db } = getCtx();
    const [roadmap] = await db
      .select()
      .from(roadmaps)
      .where(and(eq(roadmaps.kind, "roadmap"), eq(roadmaps.status, "active")));
    const ids = (await db.select({ id: items.id }).from(items).where(eq(items.roadmapId, roadmap.id))).map(
      (i) => i.id,
    );
    const deps = await db.select().from(dependencies).where(eq(dependencies.roadmapId, roadmap.id));
    expect(deps.length).toBeGreaterThanOrEqual(10);
    const idSet = new Set(ids);
    for (const d of deps) {
      expect(idSet.has(d.fromId) && idSet.has(d.toId)).toBe(true);
    }
    expect(findCycle(ids, deps)).toBe(false);
  });

  it("creates the team's skills catalogue and puts skill demand on features", async () => {
    const { db } = getCtx();
    const [team] = await db.select().from(teams);
    const catalogue = await db.select().from(skills).where(eq(skills.teamId, team.id));
    expect(catalogue.length).toBeGreaterThanOrEqual(3);
    const demand = await db
      .select()
      .from(itemSkills)
      .where(
        inArray(
          itemSkills.skillId,
          catalogue.map((s) => s.id),
        ),
      );
    expect(demand.length).toBeGreaterThan(0);
    expect(demand.every((d) => d.hours > 0)).toBe(true);
  });

  it("shows collaboration at once: verdicts on milestones, a mention for the demo owner, risks and a staffing plan", async () => {
    const { db } = getCtx();
    const owner = (await verifyCredentials(db, DEMO_LOGIN.email, DEMO_LOGIN.password))!;
    const actor = { userId: owner.id, email: owner.email, name: owner.name, via: "session" as const };
    const [roadmap] = await db
      .select()
      .from(roadmaps)
      .where(and(eq(roadmaps.kind, "roadmap"), eq(roadmaps.status, "active")));
    const board = await getBoard(db, actor, roadmap.id);
    const summaries = Object.values(board.feedback);
    expect(summaries.reduce((n, s) => n + s.notFeasible, 0)).toBe(1);
    expect(summaries.reduce((n, s) => n + s.feasible + s.concerns, 0)).toBe(2);
    const unread = await db.select().from(notifications).where(eq(notifications.userId, owner.id));
    expect(unread.map((n) => n.kind)).toEqual(["mention"]);
    const register = await db.select().from(risks).where(eq(risks.roadmapId, roadmap.id));
    expect(register.some((r) => r.likelihood * r.impact >= 15 && !r.contingency)).toBe(true);
    const plan = await db.select().from(staffingRows).where(eq(staffingRows.roadmapId, roadmap.id));
    expect(new Set(plan.map((r) => r.quarter)).size).toBeGreaterThanOrEqual(5);
  });

  it("the demo login verifies (any case of the email), a wrong password does not", async () => {
    const { db } = getCtx();
    const user = await verifyCredentials(db, DEMO_LOGIN.email, DEMO_LOGIN.password);
    expect(user?.email).toBe(DEMO_LOGIN.email);
    expect((await verifyCredentials(db, DEMO_LOGIN.email.toUpperCase(), DEMO_LOGIN.password))?.id).toBe(
      user?.id,
    );
    expect(await verifyCredentials(db, DEMO_LOGIN.email, `${DEMO_LOGIN.password}x`)).toBeNull();
  });

  it("the demo owner sees the team through the API", async () => {
    const { db } = getCtx();
    const user = (await verifyCredentials(db, DEMO_LOGIN.email, DEMO_LOGIN.password))!;
    const { secret } = await createToken(
      db,
      { userId: user.id, email: user.email, name: user.name, via: "token" },
      {
        name: "demo",
      },
    );
    const me = await api("GET /api/me", { token: secret });
    expect(me.status).toBe(200);
    expect(me.json.teams).toEqual([
      { id: expect.any(String), name: "Northwind Payments", slug: "northwind", role: "owner" },
    ]);
    const members = await api("GET /api/teams/{teamId}/members", {
      params: { teamId: me.json.teams[0].id },
      token: secret,
    });
    expect(members.json.items).toHaveLength(4);
  });

  it("shows communication at once: review rules, reviews with snapshots, an open feedback round with answers", async () => {
    const { db } = getCtx();
    const [roadmap] = await db
      .select()
      .from(roadmaps)
      .where(and(eq(roadmaps.kind, "roadmap"), eq(roadmaps.status, "active")));
    const [cadence] = await db.select().from(reviewCadences).where(eq(reviewCadences.roadmapId, roadmap.id));
    expect(cadence.rules.map((r) => r.audience).sort()).toEqual(["engineering", "executive", "product"]);

    const held = await db.select().from(reviews).where(eq(reviews.roadmapId, roadmap.id));
    expect(held.map((r) => r.audience).sort()).toEqual(["engineering", "executive"]);
    const today = new Date().toISOString().slice(0, 10);
    for (const r of held) expect(r.heldOn < today, r.audience).toBe(true);

    const frozen = await db.select().from(snapshots).where(eq(snapshots.roadmapId, roadmap.id));
    const live = await db.select().from(items).where(eq(items.roadmapId, roadmap.id));
    const executive = await storedDocument(
      frozen.find((s) => s.id === held.find((r) => r.audience === "executive")!.snapshotId)!,
    );
    expect(executive.items).toHaveLength(live.length);
    const moved = executive.items.filter((i) => live.find((l) => l.id === i.id)!.startDate !== i.startDate);
    expect(moved.map((i) => i.title).sort()).toEqual([
      "New checkout at 100% of traffic",
      "PCI DSS 4.0 certified",
    ]);

    const [round] = await db.select().from(feedbackRounds).where(eq(feedbackRounds.roadmapId, roadmap.id));
    expect(round.closedAt).toBeNull();
    expect(round.closesOn > today).toBe(true);
    const answers = await db.select().from(feedbackResponses).where(eq(feedbackResponses.roundId, round.id));
    expect(answers).toHaveLength(3);
  });
  it("shows replanning at once: three gated phases over the horizon, the first decided, and an open scenario", async () => {
    const { db } = getCtx();
    const [roadmap] = await db
      .select()
      .from(roadmaps)
      .where(and(eq(roadmaps.kind, "roadmap"), eq(roadmaps.status, "active")));
    const spans = (await db.select().from(phases).where(eq(phases.roadmapId, roadmap.id))).sort((a, b) =>
      a.startDate.localeCompare(b.startDate),
    );
    expect(spans.map((p) => p.name)).toEqual([
      "Conceptualization & planning",
      "Core infrastructure",
      "Launch",
    ]);
    expect(spans[0].startDate).toBe(roadmap.startDate);
    expect(spans.at(-1)!.endDate).toBe(horizonEnd(roadmap.startDate, roadmap.horizonMonths));
    for (const [i, p] of spans.entries()) {
      expect(p.gateTitle, p.name).toBeTruthy();
      if (i > 0) expect(p.startDate > spans[i - 1].endDate).toBe(true);
    }
    expect(spans.map((p) => p.decision)).toEqual(["proceed", null, null]);
    expect(spans[0].decisionNotes?.length).toBeGreaterThan(20);
    const [gateSnapshot] = await db
      .select()
      .from(snapshots)
      .where(eq(snapshots.id, spans[0].decisionSnapshotId!));
    expect(gateSnapshot).toMatchObject({ roadmapId: roadmap.id, kind: "gate" });

    const [scenario] = await db.select().from(roadmaps).where(eq(roadmaps.baseRoadmapId, roadmap.id));
    expect(scenario).toMatchObject({ kind: "scenario", scenarioStatus: "open", title: DEMO_SCENARIO_NAME });
    const skillOf = new Map((await db.select().from(skills)).map((s) => [s.id, s.name]));
    const backendRows = async (roadmapId: string) =>
      Object.fromEntries(
        (await db.select().from(staffingRows).where(eq(staffingRows.roadmapId, roadmapId)))
          .filter((r) => skillOf.get(r.skillId) === "Backend")
          .map((r) => [r.quarter, r.headcount]),
      );
    const base = await backendRows(roadmap.id);
    const more = await backendRows(scenario.id);
    const added = Object.keys(base)
      .sort()
      .filter((q) => more[q] === base[q] + 1);
    expect(added.length).toBeGreaterThan(0);
    expect(added[0]).toMatch(/-Q2$/);
    const copies = await db.select().from(items).where(eq(items.roadmapId, scenario.id));
    const originals = new Map(
      (await db.select().from(items).where(eq(items.roadmapId, roadmap.id))).map((i) => [i.id, i]),
    );
    const moved = copies.filter((c) => originals.get(c.sourceId!)!.startDate !== c.startDate);
    expect(moved.map((m) => m.title).sort()).toEqual(["EU expansion readiness", "Instant payouts"]);

    // Compared with the live plan: the EU launch and the finish come sooner, and nothing conflicts.
    const owner = (await verifyCredentials(db, DEMO_LOGIN.email, DEMO_LOGIN.password))!;
    const actor = { userId: owner.id, email: owner.email, name: owner.name, via: "session" as const };
    const comparison = await compareScenario(db, actor, scenario.id);
    expect(comparison.conflicts).toEqual([]);
    expect(comparison.projectFinish.scenario.earlyDate < comparison.projectFinish.base.earlyDate).toBe(true);
    const eu = comparison.milestones.find((m) => m.title === "EU launch")!;
    expect(eu.scenario!.earlyDate < eu.base!.earlyDate).toBe(true);
    expect(eu.scenario!.p80! < eu.base!.p80!).toBe(true);
  });
});
