import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dependencies, items } from "@/db/schema";
import { createDependency } from "@/lib/services/dependencies/edges";
import { clearForecastCache, getForecast } from "@/lib/services/forecast/forecast";
import { createItem } from "@/lib/services/items/create";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Team } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import { api, type LooseJson } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { ok, patchRisk, postRisk, resourceState } from "../helpers/resources";
import { featureInput, milestoneInput, MONDAY } from "../helpers/timeline";

const withoutElapsed = ({ elapsedMs: _elapsed, ...rest }: LooseJson) => rest;

describeEachDatabase("forecast", (getCtx) => {
  let owner: TestUser;
  let viewer: TestUser;
  let team: Team;
  let roadmap: Roadmap;
  let design: Item;
  let build: Item;
  let beta: Item;
  let checkpoint: Item;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, viewer] = await Promise.all(["owner", "viewer"].map((label) => createUser(db, label)));
    team = await createTeamWithMembers(db, owner, [{ member: viewer, role: "viewer" }]);
    roadmap = await createRoadmap(db, owner.actor, team.id, { title: "Forecast", startDate: MONDAY });
    const add = (input: Parameters<typeof createItem>[3]) => createItem(db, owner.actor, roadmap.id, input);
    design = await add(
      featureInput("Design", "2027-02-01", "2027-02-12", {
        estimate: { optimisticHours: 40, likelyHours: 60, pessimisticHours: 120 },
      }),
    );
    build = await add(
      featureInput("Build", "2027-02-15", "2027-03-12", {
        estimate: { optimisticHours: 100, likelyHours: 160, pessimisticHours: 400 },
      }),
    );
    beta = await add(milestoneInput("Beta", "2027-03-19", { isKey: true }));
    checkpoint = await add(milestoneInput("Checkpoint", "2027-06-01"));
    await createDependency(db, owner.actor, roadmap.id, { fromId: design.id, toId: build.id });
    await createDependency(db, owner.actor, roadmap.id, { fromId: build.id, toId: beta.id });
  });

  beforeEach(() => clearForecastCache());

  const forecast = (query: Record<string, string> = {}, roadmapId = roadmap.id, token = viewer.token) =>
    api("GET /api/roadmaps/{roadmapId}/forecast", { params: { roadmapId }, token, query });

  describe("the query", () => {
    it("runs above 100,000, below 100, or not a number; a negative or fractional seed: 400 naming it", async () => {
      const cases: [Record<string, string>, string][] = [
        [{ runs: "100001" }, "runs"],
        [{ runs: "abc" }, "runs"],
        [{ runs: "99" }, "runs"],
        [{ runs: "1000.5" }, "runs"],
        [{ seed: "-1" }, "seed"],
        [{ seed: "x" }, "seed"],
      ];
      for (const [query, path] of cases) {
        const res = await forecast(query);
        expect({ query, paths: expectInvalidRequest(res) }).toEqual({ query, paths: [path] });
      }
    });

    it("runs default to 5,000 and the seed to 1; the answer says which were used", async () => {
      const body = ok(await forecast());
      expect({ runs: body.runs, seed: body.seed }).toEqual({ runs: 5_000, seed: 1 });
      const asked = ok(await forecast({ runs: "100000", seed: "42" }));
      expect({ runs: asked.runs, seed: asked.seed }).toEqual({ runs: 100_000, seed: 42 });
    });
  });

  describe("the answer", () => {
    it("per milestone: ordered percentiles, an on-time probability in [0, 1]; per item: a criticality index", async () => {
      const body = ok(await forecast({ runs: "2000", seed: "7" }));
      expect(body.method.durations).toBe("pert-beta");
      expect(body.milestones.map((m: LooseJson) => m.id).sort()).toEqual([beta.id, checkpoint.id].sort());
      const betaForecast = body.milestones.find((m: LooseJson) => m.id === beta.id);
      expect(betaForecast).toMatchObject({ title: "Beta", isKey: true, targetDate: "2027-03-19" });
      for (const m of body.milestones) {
        expect(m.onTimeProbability).toBeGreaterThanOrEqual(0);
        expect(m.onTimeProbability).toBeLessThanOrEqual(1);
        expect(m.p50 <= m.p80 && m.p80 <= m.p95).toBe(true);
        expect(m.distribution.at(-1).cumulative).toBe(1);
      }
      // Build's pessimistic estimate is 2.5x its likely one: Beta is sometimes late, sometimes not.
      expect(betaForecast.onTimeProbability).toBeGreaterThan(0);
      expect(betaForecast.onTimeProbability).toBeLessThan(1);
      expect(body.items.map((i: LooseJson) => i.id).sort()).toEqual(
        [design.id, build.id, beta.id, checkpoint.id].sort(),
      );
      for (const i of body.items) {
        expect(i.criticalityIndex).toBeGreaterThanOrEqual(0);
        expect(i.criticalityIndex).toBeLessThanOrEqual(1);
      }
      expect(body.projectFinish.p50 <= body.projectFinish.p95).toBe(true);
      expect(typeof body.elapsedMs).toBe("number");
    });

    it("the same seed gives the same answer (computed twice), another seed another one", async () => {
      const first = ok(await forecast({ runs: "1000", seed: "123" }));
      clearForecastCache();
      const second = ok(await forecast({ runs: "1000", seed: "123" }));
      expect(withoutElapsed(second)).toEqual(withoutElapsed(first));
      const other = ok(await forecast({ runs: "1000", seed: "124" }));
      expect(withoutElapsed(other)).not.toEqual(withoutElapsed(first));
    });

    it("a roadmap with no milestones answers empty milestones", async () => {
      const { db } = getCtx();
      const plain = await createRoadmap(db, owner.actor, team.id, {
        title: "No milestones",
        startDate: MONDAY,
      });
      await createItem(db, owner.actor, plain.id, featureInput("Only work", "2027-02-01", "2027-02-12"));
      const body = ok(await forecast({ runs: "100" }, plain.id));
      expect(body.milestones).toEqual([]);
      expect(body.items).toHaveLength(1);
      const empty = await createRoadmap(db, owner.actor, team.id, { title: "Empty", startDate: MONDAY });
      expect(ok(await forecast({ runs: "100" }, empty.id))).toMatchObject({ milestones: [], items: [] });
    });

    it("reading writes nothing; another team's member gets 404, anonymous 401", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, roadmap.id);
      ok(await forecast({ runs: "100" }));
      expect(await resourceState(db, roadmap.id)).toEqual(before);
      const stranger = await createUser(db, "stranger");
      expectApiError(await forecast({}, roadmap.id, stranger.token), 404, "not_found");
      expectApiError(
        await api("GET /api/roadmaps/{roadmapId}/forecast", { params: { roadmapId: roadmap.id } }),
        401,
        "unauthenticated",
      );
    });
  });

  describe("risks", () => {
    it("an open risk on the path delays the milestone; closed, it counts for nothing", async () => {
      const { db } = getCtx();
      const fx = await createRoadmap(db, owner.actor, team.id, { title: "Risked", startDate: MONDAY });
      const work = await createItem(
        db,
        owner.actor,
        fx.id,
        featureInput("Work", "2027-02-01", "2027-02-12", {
          estimate: { optimisticHours: 70, likelyHours: 80, pessimisticHours: 100 },
        }),
      );
      const done = await createItem(db, owner.actor, fx.id, milestoneInput("Done", "2027-02-26"));
      await createDependency(db, owner.actor, fx.id, { fromId: work.id, toId: done.id });
      const query = { runs: "2000", seed: "5" };
      const milestoneOf = (body: LooseJson) => body.milestones[0];

      const calm = ok(await forecast(query, fx.id));
      const risk = ok(
        await postRisk(owner.token, fx.id, {
          title: "Vendor outage",
          kind: "external",
          likelihood: 5,
          impact: 4,
          delayDays: 20,
          itemIds: [work.id],
        }),
        201,
      ).risk;
      const risky = ok(await forecast(query, fx.id));
      // Likelihood 5 happens in ~90% of runs and adds 20 working days to Work.
      expect(milestoneOf(risky).p50 > milestoneOf(calm).p50).toBe(true);
      expect(milestoneOf(risky).onTimeProbability).toBeLessThan(milestoneOf(calm).onTimeProbability);

      ok(await patchRisk(owner.token, risk.id, risk.version, { status: "closed" }));
      const closed = ok(await forecast(query, fx.id));
      expect(withoutElapsed(closed)).toEqual(withoutElapsed(calm));
    });
  });

  describe("caching and not blocking", () => {
    it("a repeated read is answered from memory; any change to the roadmap gives a fresh forecast", async () => {
      const query = { runs: "3000", seed: "9" };
      const first = ok(await forecast(query));
      const again = ok(await forecast(query));
      expect(again).toEqual(first);
      // The service hands out the very object it computed before: nothing was recomputed.
      const { db } = getCtx();
      const options = { runs: 3000, seed: 9 };
      expect(await getForecast(db, viewer.actor, roadmap.id, options)).toBe(
        await getForecast(db, viewer.actor, roadmap.id, options),
      );

      const moved = ok(
        await api("PATCH /api/items/{itemId}", {
          params: { itemId: checkpoint.id },
          token: owner.token,
          ifMatch: checkpoint.version,
          json: { startDate: "2027-06-08" },
        }),
      ).item;
      checkpoint = moved;
      const after = ok(await forecast(query));
      expect(after.milestones.find((m: LooseJson) => m.id === checkpoint.id).targetDate).toBe("2027-06-08");
      expect(first.milestones.find((m: LooseJson) => m.id === checkpoint.id).targetDate).toBe("2027-06-01");
    });

    it("100,000 runs on a board of 200 features yield to the event loop: a timer keeps firing", async () => {
      const { db } = getCtx();
      const big = await createRoadmap(db, owner.actor, team.id, { title: "Big", startDate: MONDAY });
      // Written straight to the tables: the board is the point here, not how it was made.
      const rows = await db
        .insert(items)
        .values(
          Array.from({ length: 200 }, (_, i) => ({
            roadmapId: big.id,
            kind: "feature" as const,
            title: `Feature ${i}`,
            startDate: "2027-02-01",
            endDate: "2027-02-05",
            optimisticHours: 20,
            likelyHours: 40,
            pessimisticHours: 80,
          })),
        )
        .returning({ id: items.id });
      // Seven chains of thirty (the last shorter).
      await db
        .insert(dependencies)
        .values(
          rows.flatMap((row, i) =>
            i % 30 === 0 ? [] : [{ roadmapId: big.id, fromId: rows[i - 1].id, toId: row.id }],
          ),
        );

      let longestGap = 0;
      let last = performance.now();
      const timer = setInterval(() => {
        const now = performance.now();
        longestGap = Math.max(longestGap, now - last);
        last = now;
      }, 5);
      try {
        const body = ok(await forecast({ runs: "100000", seed: "3" }, big.id));
        // The stretch since the timer last fired counts too (a blocked loop never lets it fire).
        longestGap = Math.max(longestGap, performance.now() - last);
        expect(body.runs).toBe(100_000);
        expect(body.items).toHaveLength(200);
        // The work is long enough that running it in one go would stall the timer for all of it...
        expect(body.elapsedMs).toBeGreaterThan(600);
        // ...but it runs in chunks of ~10 ms, so the timer never waits much longer than one chunk.
        expect(longestGap).toBeLessThan(300);
      } finally {
        clearInterval(timer);
      }
    });
  });
});
