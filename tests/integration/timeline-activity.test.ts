import { beforeAll, describe, expect, it } from "vitest";
import { createSkill } from "@/lib/services/staffing/skills";
import type { Skill, Team } from "@/lib/validation/teams";
import { api, etagVersion, type ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import {
  createBoardFixture,
  featureInput,
  milestoneInput,
  MONDAY,
  roadmapActivity,
  roadmapSeq,
} from "../helpers/timeline";

describeEachDatabase("timeline activity, board and ETags", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let commenter: TestUser;
  let viewer: TestUser;
  let team: Team;
  let skill: Skill;
  let otherSkill: Skill;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor, commenter, viewer] = await Promise.all(
      ["owner", "editor", "commenter", "viewer"].map((label) => createUser(db, label)),
    );
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: commenter, role: "commenter" },
      { member: viewer, role: "viewer" },
    ]);
    skill = await createSkill(db, owner.actor, team.id, { name: "Backend" });
    otherSkill = await createSkill(db, owner.actor, team.id, { name: "Design" });
  });

  const ok = (res: ApiResponse, status = 200) => {
    expect(res.status).toBe(status);
    return res.json;
  };

  describe("activity", () => {
    it("each write appends one row with the roadmap's next seq, in order, by the actor who made it", async () => {
      const { db } = getCtx();
      const token = editor.token;
      const { roadmap } = ok(
        await api("POST /api/teams/{teamId}/roadmaps", {
          params: { teamId: team.id },
          token,
          json: { title: "Logged", startDate: MONDAY },
        }),
        201,
      );
      const roadmapId = roadmap.id as string;
      const { workstream: lane } = ok(
        await api("POST /api/roadmaps/{roadmapId}/workstreams", {
          params: { roadmapId },
          token,
          json: { name: "Lane" },
        }),
        201,
      );
      const { item: a } = ok(
        await api("POST /api/roadmaps/{roadmapId}/items", {
          params: { roadmapId },
          token,
          json: featureInput("A", "2027-02-01", "2027-02-05"),
        }),
        201,
      );
      const { item: b } = ok(
        await api("POST /api/roadmaps/{roadmapId}/items", {
          params: { roadmapId },
          token,
          json: milestoneInput("B", "2027-03-01"),
        }),
        201,
      );
      const { item: a2 } = ok(
        await api("PATCH /api/items/{itemId}", {
          params: { itemId: a.id },
          token,
          ifMatch: a.version,
          json: { title: "A, renamed", status: "planned", startDate: "2027-02-08", endDate: "2027-02-12" },
        }),
      );
      const { dependency } = ok(
        await api("POST /api/roadmaps/{roadmapId}/dependencies", {
          params: { roadmapId },
          token,
          json: { fromId: a.id, toId: b.id, lagDays: 1 },
        }),
        201,
      );
      ok(
        await api("DELETE /api/dependencies/{dependencyId}", {
          params: { dependencyId: dependency.id },
          token,
        }),
      );
      ok(
        await api("PATCH /api/workstreams/{workstreamId}", {
          params: { workstreamId: lane.id },
          token,
          ifMatch: lane.version,
          json: { name: "Lane, renamed" },
        }),
      );
      const { item: deleted } = ok(
        await api("DELETE /api/items/{itemId}", { params: { itemId: a.id }, token, ifMatch: a2.version }),
      );
      ok(await api("POST /api/items/{itemId}/restore", { params: { itemId: a.id }, token }));
      ok(
        await api("DELETE /api/workstreams/{workstreamId}", {
          params: { workstreamId: lane.id },
          token,
          ifMatch: lane.version + 1,
        }),
      );
      const { roadmap: r2 } = ok(
        await api("PATCH /api/roadmaps/{roadmapId}", {
          params: { roadmapId },
          token,
          ifMatch: roadmap.version,
          json: { title: "Logged, renamed", horizonMonths: 18 },
        }),
      );
      ok(
        await api("DELETE /api/roadmaps/{roadmapId}", { params: { roadmapId }, token, ifMatch: r2.version }),
      );
      ok(await api("POST /api/roadmaps/{roadmapId}/restore", { params: { roadmapId }, token }));

      const rows = await roadmapActivity(db, roadmapId);
      expect(rows.map((r) => r.seq)).toEqual(Array.from({ length: 14 }, (_, i) => i + 1));
      expect(await roadmapSeq(db, roadmapId)).toBe(14);
      for (const row of rows) expect(row.actorId).toBe(editor.user.id);
      expect(rows.map((r) => [r.entity, r.entityId, r.action])).toEqual([
        ["roadmap", roadmapId, "created"],
        ["workstream", lane.id, "created"],
        ["item", a.id, "created"],
        ["item", b.id, "created"],
        ["item", a.id, "updated"],
        ["dependency", dependency.id, "created"],
        ["dependency", dependency.id, "deleted"],
        ["workstream", lane.id, "updated"],
        ["item", a.id, "deleted"],
        ["item", a.id, "restored"],
        ["workstream", lane.id, "deleted"],
        ["roadmap", roadmapId, "updated"],
        ["roadmap", roadmapId, "deleted"],
        ["roadmap", roadmapId, "restored"],
      ]);
      // Updates carry before/after for exactly the fields that changed (status was already "planned").
      expect(rows[4].changes).toEqual({
        title: { from: "A", to: "A, renamed" },
        startDate: { from: "2027-02-01", to: "2027-02-08" },
        endDate: { from: "2027-02-05", to: "2027-02-12" },
        version: a2.version,
      });
      expect(rows[7].changes).toEqual({
        name: { from: "Lane", to: "Lane, renamed" },
        version: lane.version + 1,
      });
      expect(rows[11].changes).toEqual({
        title: { from: "Logged", to: "Logged, renamed" },
        horizonMonths: { from: 12, to: 18 },
        version: r2.version,
      });
      expect(rows[5].changes).toEqual({ fromId: a.id, toId: b.id, lagDays: 1 });
      expect(rows[8].changes).toMatchObject({ version: deleted.version });
    });

    it("item updates log estimates and skills as before/after too", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Estimates" });
      const estimate = { optimisticHours: 12, likelyHours: 24, pessimisticHours: 48 };
      const res = await api("PATCH /api/items/{itemId}", {
        params: { itemId: fx.second.id },
        token: editor.token,
        ifMatch: fx.second.version,
        json: { estimate, skills: [{ skillId: skill.id, hours: 24 }], isKey: true },
      });
      expect(res.status).toBe(200);
      const rows = await roadmapActivity(db, fx.roadmap.id);
      expect(rows.at(-1)).toMatchObject({ entity: "item", entityId: fx.second.id, action: "updated" });
      expect(rows.at(-1)?.changes).toEqual({
        estimate: { from: null, to: estimate },
        skills: { from: [], to: [{ skillId: skill.id, hours: 24 }] },
        isKey: { from: false, to: true },
        version: fx.second.version + 1,
      });
      expect(rows.at(-1)?.seq).toBe(await roadmapSeq(db, fx.roadmap.id));
    });

    it("ten concurrent writes to one roadmap get distinct, gap-free seqs", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Busy roadmap" });
      const seq = await roadmapSeq(db, fx.roadmap.id);
      const results = await Promise.all(
        Array.from({ length: 10 }, (_, i) =>
          api("POST /api/roadmaps/{roadmapId}/items", {
            params: { roadmapId: fx.roadmap.id },
            token: i % 2 ? editor.token : owner.token,
            json: featureInput(`Parallel ${i}`, "2027-05-03", "2027-05-07"),
          }),
        ),
      );
      expect(results.map((r) => r.status)).toEqual(Array(10).fill(201));
      const rows = (await roadmapActivity(db, fx.roadmap.id)).filter((r) => (r.seq ?? 0) > seq);
      expect(rows.map((r) => r.seq).sort((x, y) => (x ?? 0) - (y ?? 0))).toEqual(
        Array.from({ length: 10 }, (_, i) => seq + i + 1),
      );
      expect(new Set(rows.map((r) => r.entityId))).toEqual(new Set(results.map((r) => r.json.item.id)));
      expect(await roadmapSeq(db, fx.roadmap.id)).toBe(seq + 10);
    });

    it("refused writes append nothing and take no seq", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Refusals" });
      const before = await roadmapActivity(db, fx.roadmap.id);
      const seq = await roadmapSeq(db, fx.roadmap.id);
      const refusals: [ApiResponse, number][] = [
        [
          await api("PATCH /api/items/{itemId}", {
            params: { itemId: fx.feature.id },
            token: viewer.token,
            ifMatch: fx.feature.version,
            json: { title: "Viewer" },
          }),
          403,
        ],
        [
          await api("POST /api/roadmaps/{roadmapId}/items", {
            params: { roadmapId: fx.roadmap.id },
            token: commenter.token,
            json: featureInput("Commenter", "2027-02-01", "2027-02-05"),
          }),
          403,
        ],
        [
          await api("PATCH /api/items/{itemId}", {
            params: { itemId: fx.feature.id },
            token: editor.token,
            ifMatch: fx.feature.version + 5,
            json: { title: "Stale" },
          }),
          412,
        ],
        [
          await api("DELETE /api/roadmaps/{roadmapId}", {
            params: { roadmapId: fx.roadmap.id },
            token: editor.token,
          }),
          428,
        ],
        [
          await api("POST /api/roadmaps/{roadmapId}/dependencies", {
            params: { roadmapId: fx.roadmap.id },
            token: editor.token,
            json: { fromId: fx.second.id, toId: fx.feature.id },
          }),
          422,
        ],
        [
          await api("POST /api/roadmaps/{roadmapId}/dependencies", {
            params: { roadmapId: fx.roadmap.id },
            token: editor.token,
            json: { fromId: fx.feature.id, toId: fx.second.id },
          }),
          409,
        ],
        [
          await api("POST /api/roadmaps/{roadmapId}/items", {
            params: { roadmapId: fx.roadmap.id },
            token: editor.token,
            json: featureInput("Late", "2027-06-01", "2029-01-01"),
          }),
          422,
        ],
        [
          await api("PATCH /api/roadmaps/{roadmapId}", {
            params: { roadmapId: fx.roadmap.id },
            token: editor.token,
            ifMatch: fx.roadmap.version,
            json: { horizonMonths: 40 },
          }),
          422,
        ],
        [
          await api("DELETE /api/workstreams/{workstreamId}", {
            params: { workstreamId: fx.lane.id },
            token: editor.token,
            ifMatch: fx.lane.version,
          }),
          422,
        ],
        [
          await api("PATCH /api/items/{itemId}", {
            params: { itemId: fx.feature.id },
            token: editor.token,
            ifMatch: fx.feature.version,
            json: { endDate: "2026-01-01" },
          }),
          400,
        ],
        [
          await api("POST /api/roadmaps/{roadmapId}/workstreams", {
            params: { roadmapId: fx.roadmap.id },
            json: { name: "Anonymous" },
          }),
          401,
        ],
      ];
      expect(refusals.map(([res]) => res.status)).toEqual(refusals.map(([, status]) => status));
      expect(await roadmapActivity(db, fx.roadmap.id)).toEqual(before);
      expect(await roadmapSeq(db, fx.roadmap.id)).toBe(seq);
    });
  });

  describe("the board and ETags", () => {
    it("GET /api/roadmaps/{id}: role, versions, each item's skills and estimate; ETag = sequence number and role", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Board" });
      const skilled = await api("PATCH /api/items/{itemId}", {
        params: { itemId: fx.feature.id },
        token: editor.token,
        ifMatch: fx.feature.version,
        json: {
          skills: [
            { skillId: skill.id, hours: 12 },
            { skillId: otherSkill.id, hours: 6.5 },
          ],
          ownerId: editor.user.id,
          description: "Build it",
        },
      });
      expect(skilled.status).toBe(200);

      for (const [who, user] of [
        ["viewer", viewer],
        ["commenter", commenter],
        ["editor", editor],
      ] as const) {
        const res = await api("GET /api/roadmaps/{roadmapId}", {
          params: { roadmapId: fx.roadmap.id },
          token: user.token,
        });
        expect(res.status).toBe(200);
        expect(res.json.role).toBe(who);
        expect(Object.keys(res.json).sort()).toEqual([
          "dependencies",
          "feedback",
          "items",
          "roadmap",
          "role",
          "seq",
          "workstreams",
        ]);
        // The board's ETag names the board (sequence number and role, for If-None-Match: #15); the
        // roadmap's version, for If-Match, is in the body.
        expect(res.headers.get("etag")).toBe(`W/"${res.json.roadmap.version}-b${res.json.seq}-${who}"`);
        expect(res.json.roadmap.version).toBe(fx.roadmap.version);
        expect(res.json.roadmap).toEqual(fx.roadmap);
        expect(res.json.workstreams).toEqual([fx.lane, fx.emptyLane]);
        expect(res.json.dependencies).toEqual([fx.dependency]);
        const feature = res.json.items.find((i: { id: string }) => i.id === fx.feature.id);
        expect(feature).toEqual({
          id: fx.feature.id,
          roadmapId: fx.roadmap.id,
          workstreamId: fx.lane.id,
          kind: "feature",
          title: "Fixture feature",
          description: "Build it",
          startDate: "2027-02-01",
          endDate: "2027-02-12",
          outcome: null,
          isKey: false,
          status: "planned",
          estimate: { optimisticHours: 10, likelyHours: 20, pessimisticHours: 40 },
          skills: expect.arrayContaining([
            { skillId: skill.id, hours: 12 },
            { skillId: otherSkill.id, hours: 6.5 },
          ]),
          ownerId: editor.user.id,
          actualStart: null,
          actualFinish: null,
          remainingHours: null,
          version: fx.feature.version + 1,
          updatedAt: skilled.json.item.updatedAt,
        });
        expect(feature.skills).toHaveLength(2);
        const milestone = res.json.items.find((i: { id: string }) => i.id === fx.milestone.id);
        expect(milestone).toMatchObject({
          kind: "milestone",
          estimate: null,
          skills: [],
          outcome: "Fixture milestone is reached",
        });
        for (const item of res.json.items) expect(item.version).toEqual(expect.any(Number));
      }
    });

    it("the roadmap list counts live features and milestones", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Counted" });
      const del = await api("DELETE /api/items/{itemId}", {
        params: { itemId: fx.second.id },
        token: editor.token,
        ifMatch: fx.second.version,
      });
      expect(del.status).toBe(200);
      const res = await api("GET /api/teams/{teamId}/roadmaps", {
        params: { teamId: team.id },
        token: viewer.token,
      });
      const summary = res.json.items.find((r: { id: string }) => r.id === fx.roadmap.id);
      expect(summary).toEqual({ ...fx.roadmap, itemCount: 1, milestoneCount: 1 });
    });

    it("GET /api/items/{id} works for viewers; its ETag follows the item's version through writes", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "ETags" });
      const read = await api("GET /api/items/{itemId}", {
        params: { itemId: fx.feature.id },
        token: viewer.token,
      });
      expect(read.status).toBe(200);
      expect(read.json).toEqual({ item: fx.feature });
      expect(read.headers.get("etag")).toBe(`"${fx.feature.version}"`);

      const write = await api("PATCH /api/items/{itemId}", {
        params: { itemId: fx.feature.id },
        token: editor.token,
        ifMatch: read.headers.get("etag")!,
        json: { title: "Changed" },
      });
      expect(write.status).toBe(200);
      expect(etagVersion(write)).toBe(fx.feature.version + 1);
      expect(write.json.item.version).toBe(fx.feature.version + 1);

      const again = await api("GET /api/items/{itemId}", {
        params: { itemId: fx.feature.id },
        token: viewer.token,
      });
      expect(etagVersion(again)).toBe(fx.feature.version + 1);
      expect(again.json.item).toEqual(write.json.item);

      const roadmap = await api("PATCH /api/roadmaps/{roadmapId}", {
        params: { roadmapId: fx.roadmap.id },
        token: editor.token,
        ifMatch: fx.roadmap.version,
        json: { status: "active" },
      });
      expect(etagVersion(roadmap)).toBe(fx.roadmap.version + 1);
      const boardRead = await api("GET /api/roadmaps/{roadmapId}", {
        params: { roadmapId: fx.roadmap.id },
        token: viewer.token,
      });
      // The board's ETag names the board (sequence number and role, #15); the version is in its body.
      expect(boardRead.headers.get("etag")).toBe(
        `W/"${boardRead.json.roadmap.version}-b${boardRead.json.seq}-viewer"`,
      );
      expect(boardRead.json.roadmap).toMatchObject({ status: "active", version: fx.roadmap.version + 1 });
      const lane = await api("PATCH /api/workstreams/{workstreamId}", {
        params: { workstreamId: fx.lane.id },
        token: editor.token,
        ifMatch: fx.lane.version,
        json: { position: 5 },
      });
      expect(etagVersion(lane)).toBe(fx.lane.version + 1);
    });

    it("a viewer cannot read an item of a team they are not in (404), nor anyone anonymously (401)", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Private" });
      const stranger = await createUser(db, "stranger");
      expectApiError(
        await api("GET /api/items/{itemId}", { params: { itemId: fx.feature.id }, token: stranger.token }),
        404,
        "not_found",
      );
      expectApiError(
        await api("GET /api/items/{itemId}", { params: { itemId: fx.feature.id } }),
        401,
        "unauthenticated",
      );
    });
  });
});
