import { beforeAll, describe, expect, it } from "vitest";
import { createDependency } from "@/lib/services/dependencies/edges";
import { createItem } from "@/lib/services/items/create";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import type { Team } from "@/lib/validation/teams";
import { api, etagVersion, type ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { featureInput, MONDAY, timelineState } from "../helpers/timeline";

const ids = (list: { id: string }[]) => list.map((x) => x.id).sort();

describeEachDatabase("timeline soft delete and restore", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let team: Team;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor, viewer] = await Promise.all(["owner", "editor", "viewer"].map((l) => createUser(db, l)));
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: viewer, role: "viewer" },
    ]);
  });

  const board = (roadmapId: string, token = viewer.token) =>
    api("GET /api/roadmaps/{roadmapId}", { params: { roadmapId }, token });
  const schedule = (roadmapId: string, token = viewer.token) =>
    api("GET /api/roadmaps/{roadmapId}/schedule", { params: { roadmapId }, token });
  const getItem = (itemId: string, token = viewer.token) =>
    api("GET /api/items/{itemId}", { params: { itemId }, token });
  const deleteItem = (itemId: string, ifMatch: number) =>
    api("DELETE /api/items/{itemId}", { params: { itemId }, token: editor.token, ifMatch });
  const restoreItem = (itemId: string, token = editor.token) =>
    api("POST /api/items/{itemId}/restore", { params: { itemId }, token });
  const scheduled = (res: ApiResponse, id: string) =>
    (res.json.items as { id: string; earlyStart: string }[]).find((i) => i.id === id);

  /** A -> B -> C, each five working days, back to back from the roadmap's first Monday. */
  async function chain(title = "Chain") {
    const { db } = getCtx();
    const roadmap = await createRoadmap(db, owner.actor, team.id, { title, startDate: MONDAY });
    const a = await createItem(db, owner.actor, roadmap.id, featureInput("A", "2027-01-04", "2027-01-08"));
    const b = await createItem(db, owner.actor, roadmap.id, featureInput("B", "2027-01-11", "2027-01-15"));
    const c = await createItem(db, owner.actor, roadmap.id, featureInput("C", "2027-01-18", "2027-01-22"));
    const ab = await createDependency(db, owner.actor, roadmap.id, { fromId: a.id, toId: b.id });
    const bc = await createDependency(db, owner.actor, roadmap.id, { fromId: b.id, toId: c.id });
    return { roadmap, a, b, c, ab, bc };
  }

  describe("items", () => {
    it("a deleted item leaves the board and the schedule with its links; restore brings both back with a new version", async () => {
      const { roadmap, a, b, c, ab, bc } = await chain();
      expect(scheduled(await schedule(roadmap.id), c.id)?.earlyStart).toBe("2027-01-18");

      const del = await deleteItem(b.id, b.version);
      expect(del.status).toBe(200);
      expect(del.json.item).toMatchObject({ id: b.id, version: b.version + 1 });
      expect(etagVersion(del)).toBe(b.version + 1);

      const gone = await board(roadmap.id);
      expect(ids(gone.json.items)).toEqual([a.id, c.id].sort());
      expect(gone.json.dependencies).toEqual([]);
      const withoutB = await schedule(roadmap.id);
      expect(ids(withoutB.json.items)).toEqual([a.id, c.id].sort());
      // Nothing holds C back any more.
      expect(scheduled(withoutB, c.id)?.earlyStart).toBe("2027-01-04");
      expectApiError(await getItem(b.id), 404, "not_found");
      expectApiError(
        await api("PATCH /api/items/{itemId}", {
          params: { itemId: b.id },
          token: editor.token,
          ifMatch: b.version + 1,
          json: { title: "Ghost" },
        }),
        404,
        "not_found",
      );
      expectApiError(await deleteItem(b.id, b.version + 1), 404, "not_found");

      const restored = await restoreItem(b.id);
      expect(restored.status).toBe(200);
      expect(restored.json.item).toMatchObject({ id: b.id, title: "B", version: b.version + 2 });
      expect(etagVersion(restored)).toBe(b.version + 2);

      const back = await board(roadmap.id);
      expect(ids(back.json.items)).toEqual([a.id, b.id, c.id].sort());
      expect(ids(back.json.dependencies)).toEqual([ab.id, bc.id].sort());
      const withB = await schedule(roadmap.id);
      expect(ids(withB.json.items)).toEqual([a.id, b.id, c.id].sort());
      expect(scheduled(withB, c.id)?.earlyStart).toBe("2027-01-18");
      expect((await getItem(b.id)).json.item).toEqual(restored.json.item);
    });

    it("restoring an item whose links would now close a loop: 422 dependency_cycle, it stays deleted", async () => {
      const { db } = getCtx();
      const { roadmap, a, b, c } = await chain("Loop on restore");
      expect((await deleteItem(b.id, b.version)).status).toBe(200);
      // With B gone, A -> B -> C is invisible, so C -> A is allowed...
      const ca = await api("POST /api/roadmaps/{roadmapId}/dependencies", {
        params: { roadmapId: roadmap.id },
        token: editor.token,
        json: { fromId: c.id, toId: a.id },
      });
      expect(ca.status).toBe(201);

      // ...and bringing B back would close A -> B -> C -> A.
      const before = await timelineState(db, team.id);
      const res = await restoreItem(b.id);
      expectApiError(res, 422, "dependency_cycle");
      expect([...res.json.error.details.cycle].sort()).toEqual([a.id, b.id, c.id].sort());
      expect(await timelineState(db, team.id)).toEqual(before);
      expectApiError(await getItem(b.id), 404, "not_found");
      expect((await schedule(roadmap.id)).status).toBe(200);

      // Removing the new link lets B come back.
      expect(
        (
          await api("DELETE /api/dependencies/{dependencyId}", {
            params: { dependencyId: ca.json.dependency.id },
            token: editor.token,
          })
        ).status,
      ).toBe(200);
      expect((await restoreItem(b.id)).status).toBe(200);
    });

    it("viewers and commenters cannot restore an item: 403, it stays deleted", async () => {
      const { b } = await chain("Viewer restore");
      expect((await deleteItem(b.id, b.version)).status).toBe(200);
      expectApiError(await restoreItem(b.id, viewer.token), 403, "forbidden");
      expectApiError(await getItem(b.id), 404, "not_found");
    });

    // Deleted items do not hold the horizon open (the roadmap PATCH ignores them), so restore must check it.
    it("restoring an item whose dates are outside the horizon shrunk meanwhile: refused with 422 outside_horizon", async () => {
      const { db } = getCtx();
      const roadmap = await createRoadmap(db, owner.actor, team.id, { title: "Shrunk", startDate: MONDAY });
      const late = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("Late", "2027-11-01", "2027-11-12"),
      );
      expect((await deleteItem(late.id, late.version)).status).toBe(200);
      const shrink = await api("PATCH /api/roadmaps/{roadmapId}", {
        params: { roadmapId: roadmap.id },
        token: editor.token,
        ifMatch: roadmap.version,
        json: { horizonMonths: 3 },
      });
      expect(shrink.status).toBe(200);

      const res = await restoreItem(late.id);
      expectApiError(res, 422, "outside_horizon");
      const live = await board(roadmap.id);
      expect(live.json.items).toEqual([]);
    });

    // A lane with only deleted items may be removed, so restore must not bring an item back into it.
    it("restoring an item whose lane was removed meanwhile: the item does not point at the removed lane", async () => {
      const { db } = getCtx();
      const roadmap = await createRoadmap(db, owner.actor, team.id, {
        title: "Lost lane",
        startDate: MONDAY,
      });
      const lane = await createWorkstream(db, owner.actor, roadmap.id, { name: "Soon gone" });
      const item = await createItem(
        db,
        owner.actor,
        roadmap.id,
        featureInput("In the lane", "2027-02-01", "2027-02-05", { workstreamId: lane.id }),
      );
      expect((await deleteItem(item.id, item.version)).status).toBe(200);
      const removed = await api("DELETE /api/workstreams/{workstreamId}", {
        params: { workstreamId: lane.id },
        token: editor.token,
        ifMatch: lane.version,
      });
      expect(removed.status).toBe(200);

      const res = await restoreItem(item.id);
      // Either refused, or restored without a lane: never back in a lane the board does not show.
      if (res.status === 200) {
        const after = await board(roadmap.id);
        const lanes = after.json.workstreams.map((w: { id: string }) => w.id);
        const restored = after.json.items.find((i: { id: string }) => i.id === item.id);
        expect(restored.workstreamId === null || lanes.includes(restored.workstreamId)).toBe(true);
      } else {
        expect(res.status).toBe(422);
      }
    });
  });

  describe("roadmaps", () => {
    const listed = (deleted: boolean, token = editor.token) =>
      api("GET /api/teams/{teamId}/roadmaps", {
        params: { teamId: team.id },
        token,
        query: deleted ? { deleted: "true" } : undefined,
      });

    it("a deleted roadmap answers 404, is listed under ?deleted=true for editors, and restore brings it back", async () => {
      const { roadmap, b } = await chain("To delete");
      const del = await api("DELETE /api/roadmaps/{roadmapId}", {
        params: { roadmapId: roadmap.id },
        token: editor.token,
        ifMatch: roadmap.version,
      });
      expect(del.status).toBe(200);
      expect(del.json.roadmap).toMatchObject({ id: roadmap.id, version: roadmap.version + 1 });

      expectApiError(await board(roadmap.id), 404, "not_found");
      expectApiError(await schedule(roadmap.id), 404, "not_found");
      expectApiError(await getItem(b.id), 404, "not_found");
      expectApiError(
        await api("POST /api/roadmaps/{roadmapId}/items", {
          params: { roadmapId: roadmap.id },
          token: editor.token,
          json: featureInput("Into the void", "2027-02-01", "2027-02-05"),
        }),
        404,
        "not_found",
      );
      expect(ids((await listed(false)).json.items)).not.toContain(roadmap.id);
      for (const token of [editor.token, owner.token]) {
        const recent = await listed(true, token);
        expect(recent.status).toBe(200);
        expect(recent.json.items).toContainEqual(
          expect.objectContaining({ id: roadmap.id, title: "To delete", version: roadmap.version + 1 }),
        );
      }

      const restored = await api("POST /api/roadmaps/{roadmapId}/restore", {
        params: { roadmapId: roadmap.id },
        token: editor.token,
      });
      expect(restored.status).toBe(200);
      expect(restored.json.roadmap).toMatchObject({ id: roadmap.id, version: roadmap.version + 2 });
      expect(etagVersion(restored)).toBe(roadmap.version + 2);

      const back = await board(roadmap.id);
      expect(back.status).toBe(200);
      expect(back.json.roadmap).toEqual(restored.json.roadmap);
      expect(back.json.items).toHaveLength(3);
      expect(back.json.dependencies).toHaveLength(2);
      expect(ids((await listed(false)).json.items)).toContain(roadmap.id);
      expect(ids((await listed(true)).json.items)).not.toContain(roadmap.id);
    });

    it("viewers cannot list deleted roadmaps or restore one: 403, it stays deleted", async () => {
      const { db } = getCtx();
      const roadmap = await createRoadmap(db, owner.actor, team.id, { title: "Viewer's", startDate: MONDAY });
      expect(
        (
          await api("DELETE /api/roadmaps/{roadmapId}", {
            params: { roadmapId: roadmap.id },
            token: owner.token,
            ifMatch: roadmap.version,
          })
        ).status,
      ).toBe(200);
      const before = await timelineState(db, team.id);
      expectApiError(await listed(true, viewer.token), 403, "forbidden");
      expectApiError(
        await api("POST /api/roadmaps/{roadmapId}/restore", {
          params: { roadmapId: roadmap.id },
          token: viewer.token,
        }),
        403,
        "forbidden",
      );
      expect(await timelineState(db, team.id)).toEqual(before);
      expectApiError(await board(roadmap.id, owner.token), 404, "not_found");
    });
  });
});
