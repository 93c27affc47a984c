// #17 webhooks: the events of forecasts (a key milestone at risk or missed, its P80 moved), of bulk
// writes (auto-schedule and its undo, scenario apply, imports: one batched event per kind), of an
// item restored, and of a comment edited to "not feasible". Each is queued in its change's
// transaction: here read back as webhook_deliveries rows (delivery itself: webhooks.test.ts).
import { asc, eq } from "drizzle-orm";
import { afterEach, beforeAll, expect, it } from "vitest";
import { items, roadmaps, webhookDeliveries } from "@/db/schema";
import { createDependency } from "@/lib/services/dependencies/edges";
import { clearForecastCache } from "@/lib/services/forecast/forecast";
import { recordDailyForecast } from "@/lib/services/forecast/records";
import { createItem } from "@/lib/services/items/create";
import { deleteItem } from "@/lib/services/items/delete";
import { restoreItem } from "@/lib/services/items/restore";
import { updateItem } from "@/lib/services/items/update";
import { createReview } from "@/lib/services/reviews/reviews";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import type { Team } from "@/lib/validation/teams";
import { api } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { importAs } from "../helpers/imports";
import { ok } from "../helpers/resources";
import { applyScenario, makeScenario } from "../helpers/scenarios";
import { featureInput, milestoneInput, MONDAY } from "../helpers/timeline";

const EIGHTY_HOURS = { optimisticHours: 80, likelyHours: 80, pessimisticHours: 80 };
type Payload = { type: string; data: Record<string, unknown> };

describeEachDatabase("webhook events of forecasts, bulk writes, restores and edited verdicts", (getCtx) => {
  let owner: TestUser;
  let team: Team;

  beforeAll(async () => {
    owner = await createUser(getCtx().db, "owner");
    team = await createTeamWithMembers(getCtx().db, owner, []);
  }, 60_000);

  afterEach(() => {
    delete process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE;
  });

  /** A webhook wanting `events`, to a closed port (nothing is delivered: no worker runs here). */
  const addWebhook = async (events: string[]) => {
    process.env.CAIRN_WEBHOOK_ALLOW_PRIVATE = "1";
    const res = await api("POST /api/teams/{teamId}/webhooks", {
      params: { teamId: team.id },
      token: owner.token,
      json: { url: "http://127.0.0.1:9/hook", events },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    const id = (res.json as { webhook: { id: string } }).webhook.id;
    /** The events queued for it so far, oldest first; `since` drops the first ones. */
    return async (since = 0): Promise<Payload[]> =>
      (
        await getCtx()
          .db.select({ payload: webhookDeliveries.payload })
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.webhookId, id))
          .orderBy(asc(webhookDeliveries.createdAt))
      )
        .map((r) => r.payload as unknown as Payload)
        .slice(since);
  };

  const roadmapRow = async (id: string) =>
    (await getCtx().db.select().from(roadmaps).where(eq(roadmaps.id, id)))[0]!;

  it("a forecast record: a key milestone newly at risk and its P80 moved; at a review after its date, missed", async () => {
    const { db } = getCtx();
    const events = await addWebhook(["milestone.at_risk", "milestone.p80_moved"]);
    const roadmap = await createRoadmap(db, owner.actor, team.id, {
      title: "Forecast hooks",
      startDate: MONDAY,
    });
    // Build (10 working days, o = m = p: PERT keeps the plan) then Launch, a key milestone.
    const build = await createItem(
      db,
      owner.actor,
      roadmap.id,
      featureInput("Build", MONDAY, "2027-01-15", { estimate: EIGHTY_HOURS }),
    );
    const launch = await createItem(
      db,
      owner.actor,
      roadmap.id,
      milestoneInput("Launch", "2027-01-18", { isKey: true }),
    );
    await createDependency(db, owner.actor, roadmap.id, { fromId: build.id, toId: launch.id });

    clearForecastCache();
    await recordDailyForecast(db, await roadmapRow(roadmap.id), new Date("2026-12-01T09:00:00Z"));
    expect(await events()).toEqual([]); // on track, and nothing recorded before it

    // Build takes two more weeks: Launch cannot make its date, and its P80 moves two weeks later.
    await updateItem(db, owner.actor, build.id, build.version, {
      endDate: "2027-01-29",
      estimate: { optimisticHours: 160, likelyHours: 160, pessimisticHours: 160 },
    });
    clearForecastCache();
    await recordDailyForecast(db, await roadmapRow(roadmap.id), new Date("2026-12-02T09:00:00Z"));
    const [atRisk, moved, ...rest] = await events();
    expect(rest).toEqual([]);
    expect(atRisk).toMatchObject({
      type: "milestone.at_risk",
      data: {
        roadmapId: roadmap.id,
        roadmapName: "Forecast hooks",
        itemId: launch.id,
        state: "at_risk",
        onTimeProbability: 0,
        previousOnTimeProbability: 1,
        targetDate: "2027-01-18",
        title: "Launch is at risk: 0% chance of 2027-01-18",
        url: expect.stringContaining(`/roadmaps/${roadmap.id}?item=${launch.id}`),
      },
    });
    expect(moved).toMatchObject({
      type: "milestone.p80_moved",
      data: { itemId: launch.id, fromP80: "2027-01-15", p80: "2027-01-29", days: 14 },
    });

    // The same forecast again the next day: no record, no event.
    await recordDailyForecast(db, await roadmapRow(roadmap.id), new Date("2026-12-03T09:00:00Z"));
    expect(await events(2)).toEqual([]);

    // A review after the target date records whatever changed: Launch is now missed (once).
    await createReview(
      db,
      owner.actor,
      roadmap.id,
      { audience: "engineering", heldOn: "2027-01-20", notes: "", decisions: [] },
      new Date("2027-01-20T12:00:00Z"),
    );
    expect(await events(2)).toEqual([
      expect.objectContaining({
        type: "milestone.at_risk",
        data: expect.objectContaining({
          itemId: launch.id,
          state: "missed",
          title: "Launch missed its target of 2027-01-18",
        }),
      }),
    ]);
    await createReview(
      db,
      owner.actor,
      roadmap.id,
      { audience: "engineering", heldOn: "2027-01-21", notes: "", decisions: [] },
      new Date("2027-01-21T12:00:00Z"),
    );
    expect(await events(3)).toEqual([]);

    // A what-if copy's forecast (its first record, Launch missed there too) tells nobody.
    const scenario = ok(await makeScenario(owner.token, roadmap.id, "Forecast what-if"), 201);
    await recordDailyForecast(
      db,
      await roadmapRow(scenario.scenario.roadmap.id),
      new Date("2027-01-22T09:00:00Z"),
    );
    expect(await events(3)).toEqual([]);
  });

  it("auto-schedule, its undo, a scenario applied and an import: one item event per kind naming the items; a restored item is created again", async () => {
    const { db } = getCtx();
    const events = await addWebhook(["item.created", "item.updated", "item.deleted"]);
    const roadmap = await createRoadmap(db, owner.actor, team.id, { title: "Bulk hooks", startDate: MONDAY });
    const first = await createItem(db, owner.actor, roadmap.id, featureInput("First", MONDAY, "2027-01-15"));
    const second = await createItem(
      db,
      owner.actor,
      roadmap.id,
      featureInput("Second", MONDAY, "2027-01-08"),
    );
    await createDependency(db, owner.actor, roadmap.id, { fromId: first.id, toId: second.id });
    const before = (await events()).length; // the two single item.created events

    const run = ok(
      await api("POST /api/roadmaps/{roadmapId}/auto-schedule", {
        params: { roadmapId: roadmap.id },
        token: owner.token,
        json: { mode: "earliest" },
      }),
    );
    expect(run.moved.map((m: { id: string }) => m.id)).toEqual([second.id]);
    ok(
      await api("POST /api/roadmaps/{roadmapId}/auto-schedule/undo", {
        params: { roadmapId: roadmap.id },
        token: owner.token,
        json: { snapshotId: run.snapshotId },
      }),
    );
    const bulk = (cause: string, type: string, count: number) =>
      expect.objectContaining({
        type,
        data: expect.objectContaining({
          roadmapId: roadmap.id,
          url: expect.stringMatching(new RegExp(`/roadmaps/${roadmap.id}$`)),
          bulk: expect.objectContaining({ cause, count, truncated: false }),
        }),
      });
    const [scheduled, undone] = await events(before);
    expect(scheduled).toEqual(bulk("auto_schedule", "item.updated", 1));
    expect(scheduled.data).toMatchObject({
      title: "1 item changed by auto-schedule",
      bulk: { items: [{ itemId: second.id, title: "Second" }] },
    });
    expect(undone).toEqual(bulk("auto_schedule_undo", "item.updated", 1));

    // A scenario that changes one item, adds one and removes one, applied: three events.
    const made = ok(await makeScenario(owner.token, roadmap.id, "Bulk what-if"), 201);
    const scenarioId = made.scenario.roadmap.id;
    const copies = await db.select().from(items).where(eq(items.roadmapId, scenarioId));
    const copy = (title: string) => copies.find((i) => i.title === title)!;
    await updateItem(db, owner.actor, copy("First").id, copy("First").version, { title: "First, renamed" });
    await deleteItem(db, owner.actor, copy("Second").id, copy("Second").version);
    await createItem(db, owner.actor, scenarioId, featureInput("Third", MONDAY, "2027-01-08"));
    const base = await roadmapRow(roadmap.id);
    const beforeApply = (await events()).length; // the scenario's own edits sent none
    ok(await applyScenario(owner.token, scenarioId, base.version));
    const applied = await events(beforeApply);
    expect(applied).toHaveLength(3);
    expect(applied).toEqual(
      expect.arrayContaining([
        bulk("scenario_apply", "item.created", 1),
        bulk("scenario_apply", "item.updated", 1),
        bulk("scenario_apply", "item.deleted", 1),
      ]),
    );
    expect(applied.find((e) => e.type === "item.deleted")!.data.bulk).toMatchObject({
      items: [{ itemId: second.id }],
    });

    // Deleted by the apply, restored by hand: created again, marked restored.
    await restoreItem(db, owner.actor, second.id);
    const [restored] = await events(beforeApply + applied.length);
    expect(restored).toMatchObject({
      type: "item.created",
      data: { itemId: second.id, title: "Second", changes: { restored: true } },
    });

    // An import: one item.created for the new roadmap's items.
    const csv = "title,start,end\nAlpha,2027-01-04,2027-01-08\nBeta,2027-01-11,2027-01-15\n";
    const imported = ok(await importAs(owner, team.id, csv, { type: "text/csv" }), 201);
    const [importEvent, ...none] = await events(beforeApply + applied.length + 1);
    expect(none).toEqual([]);
    expect(importEvent).toMatchObject({
      type: "item.created",
      data: {
        roadmapId: imported.roadmap.id,
        title: "2 items added by an import",
        bulk: { cause: "import", count: 2 },
      },
    });
    expect(
      (importEvent.data.bulk as { items: { title: string }[] }).items.map((i) => i.title).sort(),
    ).toEqual(["Alpha", "Beta"]);
  });

  it("a comment edited to 'not feasible' is announced once, marked edited; edits that keep the verdict are not", async () => {
    const { db } = getCtx();
    const events = await addWebhook(["comment.not_feasible"]);
    const roadmap = await createRoadmap(db, owner.actor, team.id, {
      title: "Verdict hooks",
      startDate: MONDAY,
    });
    const item = await createItem(db, owner.actor, roadmap.id, featureInput("Risky", MONDAY, "2027-01-15"));
    const posted = ok(
      await api("POST /api/items/{itemId}/comments", {
        params: { itemId: item.id },
        token: owner.token,
        json: { body: "Should be fine.", feasibility: "feasible" },
      }),
      201,
    );
    const edit = async (json: object, version: number) =>
      ok(
        await api("PATCH /api/comments/{commentId}", {
          params: { commentId: posted.comment.id },
          token: owner.token,
          json,
          headers: { "if-match": `"${version}"` },
        }),
      );
    const edited = await edit({ feasibility: "not_feasible" }, posted.comment.version);
    await edit({ body: "Not by then, on reflection." }, edited.comment.version);
    expect(await events()).toEqual([
      {
        type: "comment.not_feasible",
        timestamp: expect.any(String),
        data: expect.objectContaining({
          itemId: item.id,
          commentId: posted.comment.id,
          edited: true,
          title: "Not feasible: “Should be fine.”",
        }),
      },
    ]);
  });
});
