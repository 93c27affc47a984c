import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { dependencies, feedbackResponses, feedbackRounds, reviews, roadmaps } from "@/db/schema";
import type { Database } from "@/db/types";
import type { Actor } from "@/lib/services/kernel/actor";
import { createComment } from "@/lib/services/comments/create";
import { buildDashboard } from "@/lib/services/dashboards/build";
import { createDependency } from "@/lib/services/dependencies/edges";
import { clearForecastCache } from "@/lib/services/forecast/forecast";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { createRisk } from "@/lib/services/risks/create";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { takeSnapshot } from "@/lib/services/snapshots/take";
import { putStaffing } from "@/lib/services/staffing/staffing";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import {
  engineeringDashboardSchema,
  executiveDashboardSchema,
  productDashboardSchema,
  type SnapshotKind,
} from "@/lib/validation/communication";
import type { Item } from "@/lib/validation/timeline";
import { api } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createCastTeam, type Cast } from "../helpers/fixtures";
import { ok } from "../helpers/resources";
import { featureInput, MONDAY, milestoneInput } from "../helpers/timeline";

const dashboard = (token: string | undefined, roadmapId: string, audience: string) =>
  api("GET /api/roadmaps/{roadmapId}/dashboards/{audience}", { params: { roadmapId, audience }, token });

async function snapshotNow(db: Database, actor: Actor, roadmapId: string, kind: SnapshotKind) {
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    return takeSnapshot(tx, actor, roadmap, { label: `${kind} snapshot`, kind });
  });
}

/** Keys of an object and of every object in it, for "exactly the schema's fields" checks. */
function keysOf(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(keysOf);
  if (value && typeof value === "object") {
    return Object.entries(value).flatMap(([k, v]) => [k, ...keysOf(v).map((sub) => `${k}.${sub}`)]);
  }
  return [];
}

describeEachDatabase("audience dashboards", (getCtx) => {
  let cast: Cast;
  let teamId: string;
  let backendSkillId: string;
  let roadmapId: string;
  /** Build API (done, Platform) -> Ship UI (in progress, Growth) -> Beta (key, Q1) -> Launch (key, Q2). */
  let buildApi: Item;
  let shipUi: Item;
  let docs: Item;
  let beta: Item;
  let launch: Item;
  let pilot: Item;
  let openRoundId: string;
  let reviewId: string;

  beforeAll(async () => {
    const { db } = getCtx();
    clearForecastCache();
    cast = await createCast(db);
    const { team } = await createCastTeam(db, cast);
    teamId = team.id;
    const [{ id: skillId }] = (
      await api("GET /api/teams/{teamId}/skills", { params: { teamId }, token: cast.owner.token })
    ).json.items;
    backendSkillId = skillId;
    const { owner } = cast;
    const roadmap = await createRoadmap(db, owner.actor, teamId, { title: "Dashboards", startDate: MONDAY });
    roadmapId = roadmap.id;
    const platform = await createWorkstream(db, owner.actor, roadmapId, { name: "Platform" });
    const growth = await createWorkstream(db, owner.actor, roadmapId, { name: "Growth" });
    buildApi = await createItem(
      db,
      owner.actor,
      roadmapId,
      featureInput("Build API", "2027-01-04", "2027-01-29", {
        workstreamId: platform.id,
        status: "done",
        estimate: { optimisticHours: 40, likelyHours: 80, pessimisticHours: 120 },
        skills: [{ skillId: backendSkillId, hours: 800 }],
      }),
    );
    shipUi = await createItem(
      db,
      owner.actor,
      roadmapId,
      featureInput("Ship UI", "2027-02-01", "2027-02-26", {
        workstreamId: growth.id,
        status: "in_progress",
        estimate: { optimisticHours: 60, likelyHours: 60, pessimisticHours: 60 },
      }),
    );
    docs = await createItem(db, owner.actor, roadmapId, featureInput("Docs", "2027-02-01", "2027-02-19"));
    beta = await createItem(
      db,
      owner.actor,
      roadmapId,
      milestoneInput("Beta", "2027-03-15", { isKey: true }),
    );
    launch = await createItem(
      db,
      owner.actor,
      roadmapId,
      milestoneInput("Launch", "2027-05-14", { isKey: true, status: "at_risk" }),
    );
    pilot = await createItem(
      db,
      owner.actor,
      roadmapId,
      milestoneInput("Pilot", "2027-04-15", { status: "done" }),
    );
    await createItem(
      db,
      owner.actor,
      roadmapId,
      milestoneInput("Dropped", "2027-06-01", { isKey: true, status: "cut" }),
    );
    for (const [from, to] of [
      [buildApi, shipUi],
      [shipUi, beta],
      [beta, launch],
      [docs, launch],
    ]) {
      await createDependency(db, owner.actor, roadmapId, { fromId: from.id, toId: to.id });
    }

    await createRisk(db, owner.actor, roadmapId, {
      title: "Vendor API slips",
      kind: "dependency",
      likelihood: 5,
      impact: 4,
    });
    await createRisk(db, owner.actor, roadmapId, {
      title: "Designer leaves",
      kind: "roadblock",
      likelihood: 2,
      impact: 3,
      contingency: "Agency on call.",
    });
    await createRisk(db, owner.actor, roadmapId, {
      title: "Old closed worry",
      kind: "external",
      likelihood: 5,
      impact: 5,
      status: "closed",
    });
    // One Backend person at 40 h/week in 2027-Q1 (63 working days from Jan 4): 504 h against 800 h.
    await putStaffing(db, owner.actor, roadmapId, 0, {
      rows: [{ skillId: backendSkillId, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 40 }],
    });

    await createComment(db, cast.commenter.actor, shipUi.id, {
      body: "Too much for one sprint.",
      feasibility: "not_feasible",
    });
    await createComment(db, cast.editor.actor, shipUi.id, { body: "Tight.", feasibility: "concerns" });
    await createComment(db, cast.commenter.actor, launch.id, {
      body: "Depends on Beta.",
      feasibility: "concerns",
    });
    await createComment(db, cast.editor.actor, buildApi.id, { body: "Fine.", feasibility: "feasible" });

    // Feedback rounds: one open with two respondents (one answered twice), one closed early, one past.
    const feedbackSnapshot = await snapshotNow(db, cast.owner.actor, roadmapId, "feedback");
    const round = (question: string, closesOn: string, closedAt: Date | null = null) => ({
      roadmapId,
      snapshotId: feedbackSnapshot.id,
      question,
      audience: "product" as const,
      closesOn,
      closedAt,
      createdBy: cast.owner.user.id,
    });
    const [open, closed] = await db
      .insert(feedbackRounds)
      .values([
        round("Is the launch scope right?", "2099-12-31"),
        round("Closed early?", "2099-12-31", new Date()),
        round("Last year's question", "2020-01-01"),
      ])
      .returning();
    openRoundId = open.id;
    await db.insert(feedbackResponses).values([
      { roundId: open.id, userId: cast.commenter.user.id, itemId: null, rating: 4, text: "Private words" },
      { roundId: open.id, userId: cast.commenter.user.id, itemId: launch.id, rating: 2 },
      { roundId: open.id, userId: cast.editor.user.id, itemId: null, rating: 5 },
      { roundId: closed.id, userId: cast.viewer.user.id, itemId: null, rating: 1 },
    ]);

    // The executive review, then changes after it: Launch two weeks later, Ship UI a week longer.
    const reviewSnapshot = await snapshotNow(db, cast.owner.actor, roadmapId, "review");
    [{ id: reviewId }] = await db
      .insert(reviews)
      .values({ roadmapId, audience: "executive", heldOn: "2027-01-15", snapshotId: reviewSnapshot.id })
      .returning();
    // A later review of another audience is not the executive's.
    const engineeringSnapshot = await snapshotNow(db, cast.owner.actor, roadmapId, "review");
    await db.insert(reviews).values({
      roadmapId,
      audience: "engineering",
      heldOn: "2027-02-01",
      snapshotId: engineeringSnapshot.id,
    });
    launch = await updateItem(db, cast.owner.actor, launch.id, launch.version, {
      startDate: "2027-05-28",
      endDate: "2027-05-28",
    });
    shipUi = await updateItem(db, cast.owner.actor, shipUi.id, shipUi.version, { endDate: "2027-03-05" });
  });

  describe("executive", () => {
    it("milestones per quarter, key milestones with the forecast, finish, risks, staffing gaps, changes since the review", async () => {
      const body = ok(await dashboard(cast.viewer.token, roadmapId, "executive"));
      expect(executiveDashboardSchema.strict().safeParse(body).success).toBe(true);
      expect(body.roadmap).toEqual({
        id: roadmapId,
        title: "Dashboards",
        startDate: MONDAY,
        horizonMonths: 12,
      });
      const zero = { planned: 0, inProgress: 0, atRisk: 0, done: 0, cut: 0 };
      expect(body.milestonesByQuarter).toEqual([
        { quarter: "2027-Q1", ...zero, planned: 1 },
        { quarter: "2027-Q2", ...zero, atRisk: 1, done: 1, cut: 1 },
        { quarter: "2027-Q3", ...zero },
        { quarter: "2027-Q4", ...zero },
        { quarter: "2028-Q1", ...zero },
      ]);

      // The same simulation as the forecast route with 2,000 runs and seed 1.
      const forecast = ok(
        await api("GET /api/roadmaps/{roadmapId}/forecast", {
          params: { roadmapId },
          query: { runs: "2000", seed: "1" },
          token: cast.viewer.token,
        }),
      );
      const outlook = (id: string) => forecast.milestones.find((m: { id: string }) => m.id === id);
      expect(body.keyMilestones).toEqual([
        {
          id: beta.id,
          title: "Beta",
          date: "2027-03-15",
          status: "planned",
          p80: outlook(beta.id).p80,
          onTimeProbability: outlook(beta.id).onTimeProbability,
        },
        {
          id: launch.id,
          title: "Launch",
          date: "2027-05-28",
          status: "at_risk",
          p80: outlook(launch.id).p80,
          onTimeProbability: outlook(launch.id).onTimeProbability,
        },
      ]);
      // CPM: Build API (20 working days from Jan 4) then Ship UI, now 25 working days: Mar 5.
      expect(body.projectFinish).toEqual({
        planned: "2027-03-05",
        p50: forecast.projectFinish.p50,
        p80: forecast.projectFinish.p80,
      });
      expect(body.topRisks.map((r: { title: string }) => r.title)).toEqual([
        "Vendor API slips",
        "Designer leaves",
      ]);
      expect(body.topRisks[0]).toEqual({
        id: expect.any(String),
        title: "Vendor API slips",
        kind: "dependency",
        score: 20,
        status: "open",
        needsContingency: true,
        contingency: null,
      });
      // 800 h of Backend in Q1 against 1 person x 40 h x 63/5 weeks = 504 h: 296 h short, one more person.
      expect(body.staffingGaps).toEqual([
        {
          skillId: backendSkillId,
          skill: "Backend",
          worstQuarter: "2027-Q1",
          gapHours: 296,
          addHeadcount: 1,
        },
      ]);
      expect(body.sinceLastReview).toEqual({
        reviewId,
        heldOn: "2027-01-15",
        summary: expect.objectContaining({ added: 0, removed: 0, moved: 2 }),
        finishDays: 7,
        moved: [
          { id: launch.id, title: "Launch", fromStart: "2027-05-14", toStart: "2027-05-28", startDays: 14 },
          { id: shipUi.id, title: "Ship UI", fromStart: "2027-02-01", toStart: "2027-02-01", startDays: 0 },
        ],
      });
    });

    it("without an executive review, sinceLastReview is null", async () => {
      const { db } = getCtx();
      const bare = await createRoadmap(db, cast.owner.actor, teamId, { title: "Bare", startDate: MONDAY });
      const body = ok(await dashboard(cast.owner.token, bare.id, "executive"));
      expect(body.sinceLastReview).toBeNull();
      // Nothing to plan: the plan and its forecast finish where they start.
      expect(body.projectFinish).toEqual({ planned: MONDAY, p50: MONDAY, p80: MONDAY });
      expect(body.keyMilestones).toEqual([]);
    });
  });

  describe("engineering", () => {
    it("critical path in order, finish, verdicts, skill demand, hot spots", async () => {
      const body = ok(await dashboard(cast.commenter.token, roadmapId, "engineering"));
      expect(engineeringDashboardSchema.strict().safeParse(body).success).toBe(true);
      const schedule = ok(
        await api("GET /api/roadmaps/{roadmapId}/schedule", {
          params: { roadmapId },
          token: cast.viewer.token,
        }),
      );
      // The schedule's order: by early start, then finish, then id (Beta and Launch tie).
      expect(body.criticalPath.map((c: { id: string }) => c.id)).toEqual(schedule.criticalPath);
      const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => (a.id < b.id ? -1 : 1));
      expect(byId(body.criticalPath)).toEqual(
        byId([
          {
            id: buildApi.id,
            title: "Build API",
            kind: "feature",
            earlyStart: "2027-01-04",
            earlyFinish: "2027-01-29",
          },
          {
            id: shipUi.id,
            title: "Ship UI",
            kind: "feature",
            earlyStart: "2027-02-01",
            earlyFinish: "2027-03-05",
          },
          {
            id: beta.id,
            title: "Beta",
            kind: "milestone",
            earlyStart: "2027-03-05",
            earlyFinish: "2027-03-05",
          },
          {
            id: launch.id,
            title: "Launch",
            kind: "milestone",
            earlyStart: "2027-03-05",
            earlyFinish: "2027-03-05",
          },
        ]),
      );
      expect(body.criticalPath.slice(0, 2).map((c: { title: string }) => c.title)).toEqual([
        "Build API",
        "Ship UI",
      ]);
      expect(body.projectFinish).toBe("2027-03-05");
      expect(body.verdicts).toEqual({
        feasible: 1,
        concerns: 2,
        notFeasible: 1,
        flagged: [
          { id: shipUi.id, title: "Ship UI", concerns: 1, notFeasible: 1, feasible: 0 },
          { id: launch.id, title: "Launch", concerns: 1, notFeasible: 0, feasible: 0 },
        ],
      });
      expect(body.skillDemand).toEqual([
        {
          skillId: backendSkillId,
          skill: "Backend",
          quarters: [
            { quarter: "2027-Q1", demandHours: 800, capacityHours: 504 },
            ...["2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1"].map((quarter) => ({
              quarter,
              demandHours: 0,
              capacityHours: 0,
            })),
          ],
        },
      ]);
      // Build API is done: nothing waits on it any more. Docs (15 working days) may start Jan 4 and
      // end Jan 22; Launch waits for Ship UI till Mar 5: 30 working days of slack.
      expect(body.hotSpots).toEqual([
        {
          id: shipUi.id,
          title: "Ship UI",
          predecessors: 1,
          successors: 1,
          downstream: 2,
          slackDays: 0,
          critical: true,
        },
        {
          id: beta.id,
          title: "Beta",
          predecessors: 1,
          successors: 1,
          downstream: 1,
          slackDays: 0,
          critical: true,
        },
        {
          id: docs.id,
          title: "Docs",
          predecessors: 0,
          successors: 1,
          downstream: 1,
          slackDays: 30,
          critical: false,
        },
      ]);
    });
  });

  describe("product", () => {
    it("progress per lane, open rounds with respondents, risks needing contingency, upcoming milestones", async () => {
      const body = ok(await dashboard(cast.editor.token, roadmapId, "product"));
      expect(productDashboardSchema.strict().safeParse(body).success).toBe(true);
      expect(body.workstreams).toEqual([
        {
          id: expect.any(String),
          name: "Platform",
          planned: 0,
          inProgress: 0,
          atRisk: 0,
          done: 1,
          cut: 0,
          progress: 1,
        },
        {
          id: expect.any(String),
          name: "Growth",
          planned: 0,
          inProgress: 1,
          atRisk: 0,
          done: 0,
          cut: 0,
          progress: 0,
        },
        // Docs, Beta, Launch, Pilot and Dropped: one hour each, Pilot done, Dropped cut.
        { id: null, name: "No lane", planned: 2, inProgress: 0, atRisk: 1, done: 1, cut: 1, progress: 0.25 },
      ]);
      expect(body.openRounds).toEqual([
        {
          id: openRoundId,
          question: "Is the launch scope right?",
          audience: "product",
          closesOn: "2099-12-31",
          respondentCount: 2,
        },
      ]);
      expect(body.risksNeedingContingency.map((r: { title: string }) => r.title)).toEqual([
        "Vendor API slips",
      ]);
      expect(body.upcomingMilestones).toEqual([
        { id: beta.id, title: "Beta", date: "2027-03-15", status: "planned" },
        { id: launch.id, title: "Launch", date: "2027-05-28", status: "at_risk" },
      ]);
      expect(body.upcomingMilestones.map((m: { id: string }) => m.id)).not.toContain(pilot.id);
    });

    it("'today' decides which milestones are upcoming and which rounds are open", async () => {
      const { db } = getCtx();
      const [row] = await db.select().from(roadmaps).where(eq(roadmaps.id, roadmapId));
      const later = await buildDashboard(db, row, "product", { now: new Date("2027-04-01T12:00:00Z") });
      if (later.audience !== "product") throw new Error("not the product dashboard");
      expect(later.upcomingMilestones.map((m) => m.title)).toEqual(["Launch"]);
      expect(later.generatedAt).toBe("2027-04-01T12:00:00.000Z");
      const afterAll = await buildDashboard(db, row, "product", { now: new Date("2100-01-01T00:00:00Z") });
      expect(afterAll.audience === "product" && afterAll.openRounds).toEqual([]);
    });
  });

  describe("for a share link", () => {
    it("holds no person, email or comment text, and leaves out the team's feedback rounds", async () => {
      const { db } = getCtx();
      const [row] = await db.select().from(roadmaps).where(eq(roadmaps.id, roadmapId));
      const people = Object.values(cast).flatMap((u) => [u.user.email, u.user.name]);
      for (const audience of ["executive", "engineering", "product"] as const) {
        const shared = await buildDashboard(db, row, audience, { forShare: true });
        const text = JSON.stringify(shared);
        for (const secret of [...people, "Too much for one sprint", "Private words", "Agency on call"]) {
          // The contingency is the plan, not a person; it is the one free text allowed.
          if (secret === "Agency on call") continue;
          expect({ audience, leaked: text.includes(secret) ? secret : null }).toEqual({
            audience,
            leaked: null,
          });
        }
        expect(keysOf(shared).some((k) => /owner|author|email|createdBy|text$/i.test(k))).toBe(false);
        if (shared.audience === "product") expect(shared.openRounds).toEqual([]);
      }
    });
  });

  describe("access and errors", () => {
    it("every member role reads each dashboard; an outsider gets 404; no identity 401", async () => {
      for (const who of [cast.owner, cast.editor, cast.commenter, cast.viewer]) {
        for (const audience of ["executive", "engineering", "product"]) {
          const res = await dashboard(who.token, roadmapId, audience);
          expect({ audience, status: res.status, kind: res.json.audience }).toEqual({
            audience,
            status: 200,
            kind: audience,
          });
          expect(res.headers.get("cache-control")).toBe("no-store");
        }
      }
      expectApiError(await dashboard(cast.outsider.token, roadmapId, "executive"), 404, "not_found");
      expectApiError(await dashboard(undefined, roadmapId, "product"), 401, "unauthenticated");
    });

    it("an unknown audience, an unknown or malformed roadmap id: 404", async () => {
      for (const audience of ["board", "Executive", "executive.json", ""]) {
        expectApiError(await dashboard(cast.viewer.token, roadmapId, audience), 404, "not_found");
      }
      expectApiError(
        await dashboard(cast.viewer.token, "00000000-0000-4000-8000-000000000000", "executive"),
        404,
        "not_found",
      );
      expectApiError(await dashboard(cast.viewer.token, "not-a-uuid", "executive"), 404, "not_found");
    });

    it("a dependency loop written straight into the database: every dashboard answers, forecast fields null", async () => {
      const { db } = getCtx();
      const looped = await createRoadmap(db, cast.owner.actor, teamId, {
        title: "Looped",
        startDate: MONDAY,
      });
      const a = await createItem(
        db,
        cast.owner.actor,
        looped.id,
        featureInput("A", "2027-01-04", "2027-01-15"),
      );
      const b = await createItem(
        db,
        cast.owner.actor,
        looped.id,
        featureInput("B", "2027-01-18", "2027-01-29"),
      );
      const m = await createItem(
        db,
        cast.owner.actor,
        looped.id,
        milestoneInput("Key", "2027-02-15", { isKey: true }),
      );
      await createDependency(db, cast.owner.actor, looped.id, { fromId: a.id, toId: b.id });
      await createDependency(db, cast.owner.actor, looped.id, { fromId: b.id, toId: m.id });
      await db.insert(dependencies).values({ roadmapId: looped.id, fromId: b.id, toId: a.id, lagDays: 0 });
      // The forecast route refuses it, which is what the dashboard must survive.
      expectApiError(
        await api("GET /api/roadmaps/{roadmapId}/forecast", {
          params: { roadmapId: looped.id },
          token: cast.viewer.token,
        }),
        422,
        "dependency_cycle",
      );

      const executive = ok(await dashboard(cast.viewer.token, looped.id, "executive"));
      expect(executive.keyMilestones).toEqual([
        { id: m.id, title: "Key", date: "2027-02-15", status: "planned", p80: null, onTimeProbability: null },
      ]);
      // No schedule: the latest planned end stands in for the finish.
      expect(executive.projectFinish).toEqual({ planned: "2027-02-15", p50: null, p80: null });

      const engineering = ok(await dashboard(cast.viewer.token, looped.id, "engineering"));
      expect(engineering.criticalPath).toEqual([]);
      expect(engineering.projectFinish).toBe("2027-02-15");
      expect(engineering.hotSpots).toEqual([
        {
          id: a.id,
          title: "A",
          predecessors: 1,
          successors: 1,
          downstream: 2,
          slackDays: 0,
          critical: false,
        },
        {
          id: b.id,
          title: "B",
          predecessors: 1,
          successors: 2,
          downstream: 2,
          slackDays: 0,
          critical: false,
        },
      ]);
      ok(await dashboard(cast.viewer.token, looped.id, "product"));
    });
  });

  describe("after further changes (runs last: it changes the roadmap)", () => {
    it("what changed since the review follows every change, and a newer executive review resets it", async () => {
      const { db } = getCtx();
      const before = ok(await dashboard(cast.viewer.token, roadmapId, "executive")).sinceLastReview;
      expect(before.summary.moved).toBe(2);
      docs = await updateItem(db, cast.owner.actor, docs.id, docs.version, {
        startDate: "2027-02-08",
        endDate: "2027-02-26",
      });
      const after = ok(await dashboard(cast.viewer.token, roadmapId, "executive")).sinceLastReview;
      expect(after.summary.moved).toBe(3);
      expect(after.moved.map((m: { title: string; startDays: number }) => [m.title, m.startDays])).toEqual([
        ["Launch", 14],
        ["Docs", 7],
        ["Ship UI", 0],
      ]);

      const snapshot = await snapshotNow(db, cast.owner.actor, roadmapId, "review");
      const [newer] = await db
        .insert(reviews)
        .values({ roadmapId, audience: "executive", heldOn: "2027-03-01", snapshotId: snapshot.id })
        .returning();
      const reset = ok(await dashboard(cast.viewer.token, roadmapId, "executive")).sinceLastReview;
      expect(reset).toMatchObject({ reviewId: newer.id, heldOn: "2027-03-01", finishDays: 0, moved: [] });
      expect(reset.summary.moved).toBe(0);
    });
  });
});
