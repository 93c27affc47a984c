import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activity, dependencies } from "@/db/schema";
import { createItem } from "@/lib/services/items/create";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import type { Team } from "@/lib/validation/teams";
import { api, etagVersion, type ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { createBoardFixture, featureInput, MONDAY, timelineState } from "../helpers/timeline";

describeEachDatabase("timeline versions and concurrent writes", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let team: Team;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor] = await Promise.all([createUser(db, "owner"), createUser(db, "editor")]);
    team = await createTeamWithMembers(db, owner, [{ member: editor, role: "editor" }]);
  });

  const newBoard = () => createBoardFixture(getCtx().db, owner.actor, team.id);
  const state = () => timelineState(getCtx().db, team.id);
  const getBoard = (roadmapId: string) =>
    api("GET /api/roadmaps/{roadmapId}", { params: { roadmapId }, token: editor.token });
  const getItem = (itemId: string) =>
    api("GET /api/items/{itemId}", { params: { itemId }, token: editor.token });

  /** The activity rows of one entity with one action. */
  const activityOf = (entityId: string, action: string) =>
    getCtx()
      .db.select({ changes: activity.changes })
      .from(activity)
      .where(and(eq(activity.entityId, entityId), eq(activity.action, action)));

  describe("PATCH and DELETE without If-Match: 428 precondition_required, nothing changes", () => {
    const cases = [
      ["PATCH /api/roadmaps/{roadmapId}", "roadmap"],
      ["DELETE /api/roadmaps/{roadmapId}", "roadmap"],
      ["PATCH /api/workstreams/{workstreamId}", "lane"],
      ["DELETE /api/workstreams/{workstreamId}", "lane"],
      ["PATCH /api/items/{itemId}", "item"],
      ["DELETE /api/items/{itemId}", "item"],
    ] as const;
    for (const [key, what] of cases) {
      it(`${key}`, async () => {
        const fx = await newBoard();
        const params: Record<string, string> =
          what === "roadmap"
            ? { roadmapId: fx.roadmap.id }
            : what === "lane"
              ? { workstreamId: fx.emptyLane.id }
              : { itemId: fx.feature.id };
        const before = await state();
        const res = await api(key, {
          params,
          token: editor.token,
          json: key.startsWith("PATCH") ? { name: "x", title: "x" } : undefined,
        });
        expectApiError(res, 428, "precondition_required");
        expect(await state()).toEqual(before);
      });
    }

    it("an If-Match that names no version: 400, nothing changes", async () => {
      const fx = await newBoard();
      const before = await state();
      const res = await api("PATCH /api/items/{itemId}", {
        params: { itemId: fx.feature.id },
        token: editor.token,
        ifMatch: "*",
        json: { title: "Star" },
      });
      expectApiError(res, 400, "invalid_request");
      expect(await state()).toEqual(before);
    });
  });

  describe("a stale If-Match: 412 version_mismatch with the resource as it is now and its ETag", () => {
    function expectStale(res: ApiResponse, current: unknown, version: number) {
      expectApiError(res, 412, "version_mismatch");
      expect(res.json.current).toEqual(current);
      expect(res.headers.get("etag")).toBe(`"${version}"`);
    }

    it("roadmap: PATCH and DELETE", async () => {
      const fx = await newBoard();
      const first = await api("PATCH /api/roadmaps/{roadmapId}", {
        params: { roadmapId: fx.roadmap.id },
        token: owner.token,
        ifMatch: fx.roadmap.version,
        json: { title: "First edit", description: "Now described" },
      });
      expect(first.status).toBe(200);
      expect(first.json.roadmap).toMatchObject({
        title: "First edit",
        description: "Now described",
        version: 2,
      });
      expect(etagVersion(first)).toBe(2);
      const now = (await getBoard(fx.roadmap.id)).json.roadmap;
      expect(now).toEqual(first.json.roadmap);

      const before = await state();
      const patch = await api("PATCH /api/roadmaps/{roadmapId}", {
        params: { roadmapId: fx.roadmap.id },
        token: editor.token,
        ifMatch: fx.roadmap.version,
        json: { title: "Lost edit" },
      });
      expectStale(patch, now, 2);
      const del = await api("DELETE /api/roadmaps/{roadmapId}", {
        params: { roadmapId: fx.roadmap.id },
        token: editor.token,
        ifMatch: fx.roadmap.version,
      });
      expectStale(del, now, 2);
      const future = await api("DELETE /api/roadmaps/{roadmapId}", {
        params: { roadmapId: fx.roadmap.id },
        token: editor.token,
        ifMatch: 99,
      });
      expectStale(future, now, 2);
      expect(await state()).toEqual(before);
    });

    it("lane: PATCH and DELETE", async () => {
      const fx = await newBoard();
      const first = await api("PATCH /api/workstreams/{workstreamId}", {
        params: { workstreamId: fx.emptyLane.id },
        token: owner.token,
        ifMatch: fx.emptyLane.version,
        json: { name: "Renamed", position: 7 },
      });
      expect(first.status).toBe(200);
      expect(first.json.workstream).toEqual({ ...fx.emptyLane, name: "Renamed", position: 7, version: 2 });
      expect(etagVersion(first)).toBe(2);
      const now = (await getBoard(fx.roadmap.id)).json.workstreams.find(
        (w: { id: string }) => w.id === fx.emptyLane.id,
      );
      expect(now).toEqual(first.json.workstream);

      const before = await state();
      const patch = await api("PATCH /api/workstreams/{workstreamId}", {
        params: { workstreamId: fx.emptyLane.id },
        token: editor.token,
        ifMatch: 1,
        json: { name: "Lost" },
      });
      expectStale(patch, now, 2);
      const del = await api("DELETE /api/workstreams/{workstreamId}", {
        params: { workstreamId: fx.emptyLane.id },
        token: editor.token,
        ifMatch: 1,
      });
      expectStale(del, now, 2);
      expect(await state()).toEqual(before);
    });

    it("item: PATCH and DELETE", async () => {
      const fx = await newBoard();
      const first = await api("PATCH /api/items/{itemId}", {
        params: { itemId: fx.feature.id },
        token: owner.token,
        ifMatch: fx.feature.version,
        json: { title: "First edit", status: "in_progress" },
      });
      expect(first.status).toBe(200);
      expect(first.json.item).toMatchObject({ title: "First edit", status: "in_progress", version: 2 });
      expect(etagVersion(first)).toBe(2);
      const now = (await getItem(fx.feature.id)).json.item;
      expect(now).toEqual(first.json.item);

      const before = await state();
      const patch = await api("PATCH /api/items/{itemId}", {
        params: { itemId: fx.feature.id },
        token: editor.token,
        ifMatch: 1,
        json: { title: "Lost edit" },
      });
      expectStale(patch, now, 2);
      const del = await api("DELETE /api/items/{itemId}", {
        params: { itemId: fx.feature.id },
        token: editor.token,
        ifMatch: 1,
      });
      expectStale(del, now, 2);
      expect(await state()).toEqual(before);
    });
  });

  describe("20 concurrent writes with the same If-Match: exactly one wins", () => {
    function checkRace(results: ApiResponse[], titles: string[], pick: (r: ApiResponse) => unknown) {
      const statuses = results.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 412)).toHaveLength(19);
      const winner = results[statuses.indexOf(200)];
      expect(etagVersion(winner)).toBe(2);
      for (const loser of results.filter((r) => r.status === 412)) {
        expectApiError(loser, 412, "version_mismatch");
        expect(loser.json.current).toEqual(pick(winner));
        expect(loser.headers.get("etag")).toBe('"2"');
      }
      return titles[statuses.indexOf(200)];
    }

    it("PATCH /api/items/{itemId}: one 200, 19 x 412 carrying the winner's item; the winner's title is stored", async () => {
      const fx = await newBoard();
      const titles = Array.from({ length: 20 }, (_, i) => `Writer ${i + 1}`);
      const results = await Promise.all(
        titles.map((title) =>
          api("PATCH /api/items/{itemId}", {
            params: { itemId: fx.feature.id },
            token: editor.token,
            ifMatch: 1,
            json: { title },
          }),
        ),
      );
      const winner = checkRace(results, titles, (r) => r.json.item);
      const stored = await getItem(fx.feature.id);
      expect(stored.json.item).toMatchObject({ title: winner, version: 2 });
      expect(await activityOf(fx.feature.id, "updated")).toEqual([
        { changes: { title: { from: "Fixture feature", to: winner }, version: 2 } },
      ]);
    });

    it("PATCH /api/roadmaps/{roadmapId}: one 200, 19 x 412 carrying the winner's roadmap; the winner's title is stored", async () => {
      const fx = await newBoard();
      const titles = Array.from({ length: 20 }, (_, i) => `Planner ${i + 1}`);
      const results = await Promise.all(
        titles.map((title) =>
          api("PATCH /api/roadmaps/{roadmapId}", {
            params: { roadmapId: fx.roadmap.id },
            token: editor.token,
            ifMatch: 1,
            json: { title },
          }),
        ),
      );
      const winner = checkRace(results, titles, (r) => r.json.roadmap);
      expect((await getBoard(fx.roadmap.id)).json.roadmap).toMatchObject({ title: winner, version: 2 });
      expect(await activityOf(fx.roadmap.id, "updated")).toEqual([
        { changes: { title: { from: "Fixture roadmap", to: winner }, version: 2 } },
      ]);
    });

    it("PATCH /api/workstreams/{workstreamId}: one 200, 19 x 412; the winner's name is stored", async () => {
      const fx = await newBoard();
      const names = Array.from({ length: 20 }, (_, i) => `Lane ${i + 1}`);
      const results = await Promise.all(
        names.map((name) =>
          api("PATCH /api/workstreams/{workstreamId}", {
            params: { workstreamId: fx.lane.id },
            token: editor.token,
            ifMatch: 1,
            json: { name },
          }),
        ),
      );
      const winner = checkRace(results, names, (r) => r.json.workstream);
      const lanes = (await getBoard(fx.roadmap.id)).json.workstreams;
      expect(lanes.find((w: { id: string }) => w.id === fx.lane.id)).toMatchObject({
        name: winner,
        version: 2,
      });
    });

    it("a PATCH and a DELETE of one item with the same If-Match: exactly one succeeds", async () => {
      for (let round = 0; round < 3; round++) {
        const fx = await newBoard();
        const [patch, del] = await Promise.all([
          api("PATCH /api/items/{itemId}", {
            params: { itemId: fx.second.id },
            token: editor.token,
            ifMatch: 1,
            json: { title: "Edited" },
          }),
          api("DELETE /api/items/{itemId}", {
            params: { itemId: fx.second.id },
            token: owner.token,
            ifMatch: 1,
          }),
        ]);
        expect([patch.status, del.status].sort()).toEqual([200, 412]);
        const read = await getItem(fx.second.id);
        if (patch.status === 200) expect(read.json.item).toMatchObject({ title: "Edited", version: 2 });
        else expectApiError(read, 404, "not_found");
      }
    });
  });

  describe("writes whose rules read other rows, at once", () => {
    // The horizon rule spans the roadmap and its items; each side checks the other before it writes.
    it("shrinking the horizon while an item moves out of it: exactly one succeeds, no item is left outside", async () => {
      const { db } = getCtx();
      for (let round = 0; round < 8; round++) {
        const roadmap = await createRoadmap(db, owner.actor, team.id, {
          title: `Horizon race ${round}`,
          startDate: MONDAY,
        });
        const item = await createItem(
          db,
          owner.actor,
          roadmap.id,
          featureInput("Mover", "2027-02-01", "2027-02-05"),
        );
        const [shrink, move] = await Promise.all([
          api("PATCH /api/roadmaps/{roadmapId}", {
            params: { roadmapId: roadmap.id },
            token: owner.token,
            ifMatch: roadmap.version,
            json: { horizonMonths: 3 },
          }),
          api("PATCH /api/items/{itemId}", {
            params: { itemId: item.id },
            token: editor.token,
            ifMatch: item.version,
            json: { startDate: "2027-06-01", endDate: "2027-06-04" },
          }),
        ]);
        expect({ round, statuses: [shrink.status, move.status].sort() }).toEqual({
          round,
          statuses: [200, 422],
        });
        expectApiError(shrink.status === 422 ? shrink : move, 422, "outside_horizon");
        const board = (await getBoard(roadmap.id)).json;
        const end = board.roadmap.horizonMonths === 3 ? "2027-04-03" : "2028-01-03";
        for (const i of board.items) expect(i.endDate <= end).toBe(true);
      }
    });

    // A lane may only be removed when empty; an item may only be put in a live lane.
    it("removing a lane while an item is created in it: exactly one succeeds, no item sits in a removed lane", async () => {
      const { db } = getCtx();
      for (let round = 0; round < 8; round++) {
        const roadmap = await createRoadmap(db, owner.actor, team.id, {
          title: `Lane race ${round}`,
          startDate: MONDAY,
        });
        const lane = await createWorkstream(db, owner.actor, roadmap.id, { name: "Contested" });
        const [remove, create] = await Promise.all([
          api("DELETE /api/workstreams/{workstreamId}", {
            params: { workstreamId: lane.id },
            token: owner.token,
            ifMatch: lane.version,
          }),
          api("POST /api/roadmaps/{roadmapId}/items", {
            params: { roadmapId: roadmap.id },
            token: editor.token,
            json: featureInput("Newcomer", "2027-02-01", "2027-02-05", { workstreamId: lane.id }),
          }),
        ]);
        const succeeded = [remove.status === 200, create.status === 201].filter(Boolean).length;
        expect({ round, succeeded }).toEqual({ round, succeeded: 1 });
        const board = (await getBoard(roadmap.id)).json;
        const lanes = new Set(board.workstreams.map((w: { id: string }) => w.id));
        for (const i of board.items) expect(i.workstreamId === null || lanes.has(i.workstreamId)).toBe(true);
      }
    });
  });

  describe("concurrent links", () => {
    async function twoItems(roadmapTitle: string) {
      const { db } = getCtx();
      const roadmap = await createRoadmap(db, owner.actor, team.id, {
        title: roadmapTitle,
        startDate: MONDAY,
      });
      const a = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-02-01", "2027-02-05"));
      const b = await createItem(db, owner.actor, roadmap.id, featureInput("B", "2027-02-08", "2027-02-12"));
      const c = await createItem(db, owner.actor, roadmap.id, featureInput("C", "2027-02-15", "2027-02-19"));
      return { roadmap, a, b, c };
    }
    const link = (roadmapId: string, fromId: string, toId: string, token = editor.token) =>
      api("POST /api/roadmaps/{roadmapId}/dependencies", {
        params: { roadmapId },
        token,
        json: { fromId, toId },
      });
    const storedLinks = (roadmapId: string) =>
      getCtx()
        .db.select({ fromId: dependencies.fromId, toId: dependencies.toId })
        .from(dependencies)
        .where(eq(dependencies.roadmapId, roadmapId));

    it("A->B and B->A at once: exactly one 201, the other 422 dependency_cycle (5 rounds)", async () => {
      for (let round = 0; round < 5; round++) {
        const { roadmap, a, b } = await twoItems(`Race ${round}`);
        const results = await Promise.all([
          link(roadmap.id, a.id, b.id),
          link(roadmap.id, b.id, a.id, owner.token),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 422]);
        const loser = results.find((r) => r.status === 422)!;
        expectApiError(loser, 422, "dependency_cycle");
        expect([...loser.json.error.details.cycle].sort()).toEqual([a.id, b.id].sort());
        expect(await storedLinks(roadmap.id)).toHaveLength(1);
        const schedule = await api("GET /api/roadmaps/{roadmapId}/schedule", {
          params: { roadmapId: roadmap.id },
          token: editor.token,
        });
        expect(schedule.status).toBe(200);
      }
    });

    it("A->B, B->C and C->A at once: exactly one is refused as a cycle", async () => {
      for (let round = 0; round < 3; round++) {
        const { roadmap, a, b, c } = await twoItems(`Triangle ${round}`);
        const results = await Promise.all([
          link(roadmap.id, a.id, b.id),
          link(roadmap.id, b.id, c.id, owner.token),
          link(roadmap.id, c.id, a.id),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([201, 201, 422]);
        expectApiError(
          results.find((r) => r.status === 422)!,
          422,
          "dependency_cycle",
        );
        expect(await storedLinks(roadmap.id)).toHaveLength(2);
      }
    });

    it("restoring B while C -> A is linked (A -> B -> C hidden by B's delete): exactly one succeeds (3 rounds)", async () => {
      for (let round = 0; round < 3; round++) {
        const { roadmap, a, b, c } = await twoItems(`Restore race ${round}`);
        expect((await link(roadmap.id, a.id, b.id)).status).toBe(201);
        expect((await link(roadmap.id, b.id, c.id)).status).toBe(201);
        const del = await api("DELETE /api/items/{itemId}", {
          params: { itemId: b.id },
          token: editor.token,
          ifMatch: 1,
        });
        expect(del.status).toBe(200);
        const [restore, closing] = await Promise.all([
          api("POST /api/items/{itemId}/restore", { params: { itemId: b.id }, token: owner.token }),
          link(roadmap.id, c.id, a.id),
        ]);
        const outcome = [restore.status, closing.status];
        expect([
          [200, 422],
          [422, 201],
        ]).toContainEqual(outcome);
        expectApiError(restore.status === 422 ? restore : closing, 422, "dependency_cycle");
        const schedule = await api("GET /api/roadmaps/{roadmapId}/schedule", {
          params: { roadmapId: roadmap.id },
          token: editor.token,
        });
        expect(schedule.status).toBe(200);
      }
    });

    it("two restores that together would close a loop: exactly one succeeds (3 rounds)", async () => {
      for (let round = 0; round < 3; round++) {
        const { roadmap, a, b, c } = await twoItems(`Double restore ${round}`);
        // A -> B -> C, then B deleted, C -> A linked, A deleted: each restore alone is fine, both close a loop.
        expect((await link(roadmap.id, a.id, b.id)).status).toBe(201);
        expect((await link(roadmap.id, b.id, c.id)).status).toBe(201);
        const delB = await api("DELETE /api/items/{itemId}", {
          params: { itemId: b.id },
          token: editor.token,
          ifMatch: 1,
        });
        expect(delB.status).toBe(200);
        expect((await link(roadmap.id, c.id, a.id)).status).toBe(201);
        const delA = await api("DELETE /api/items/{itemId}", {
          params: { itemId: a.id },
          token: editor.token,
          ifMatch: 1,
        });
        expect(delA.status).toBe(200);

        const results = await Promise.all([
          api("POST /api/items/{itemId}/restore", { params: { itemId: a.id }, token: owner.token }),
          api("POST /api/items/{itemId}/restore", { params: { itemId: b.id }, token: editor.token }),
        ]);
        expect(results.map((r) => r.status).sort()).toEqual([200, 422]);
        expectApiError(
          results.find((r) => r.status === 422)!,
          422,
          "dependency_cycle",
        );
        const schedule = await api("GET /api/roadmaps/{roadmapId}/schedule", {
          params: { roadmapId: roadmap.id },
          token: editor.token,
        });
        expect(schedule.status).toBe(200);
      }
    });

    it("the same link ten times at once: one 201, nine 409 conflict", async () => {
      const { roadmap, a, b } = await twoItems("Duplicates");
      const results = await Promise.all(Array.from({ length: 10 }, () => link(roadmap.id, a.id, b.id)));
      expect(results.map((r) => r.status).sort()).toEqual([201, ...Array(9).fill(409)]);
      for (const r of results.filter((x) => x.status === 409)) expectApiError(r, 409, "conflict");
      expect(await storedLinks(roadmap.id)).toEqual([{ fromId: a.id, toId: b.id }]);
    });
  });
});
