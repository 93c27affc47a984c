import { beforeAll, describe, expect, it } from "vitest";
import { createSkill } from "@/lib/services/staffing/skills";
import type { Skill, Team } from "@/lib/validation/teams";
import { api, etagVersion } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { getStaffing, ok, openEventStream, putStaffing, resourceState } from "../helpers/resources";
import { createBoardFixture, featureInput, roadmapActivity, type BoardFixture } from "../helpers/timeline";

describeEachDatabase("staffing plans", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let team: Team;
  let backend: Skill;
  let design: Skill;
  let foreignSkill: Skill;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor, viewer] = await Promise.all(
      ["owner", "editor", "viewer"].map((label) => createUser(db, label)),
    );
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: viewer, role: "viewer" },
    ]);
    backend = await createSkill(db, owner.actor, team.id, { name: "Backend" });
    design = await createSkill(db, owner.actor, team.id, { name: "Design" });
    const stranger = await createUser(db, "stranger");
    const otherTeam = await createTeamWithMembers(db, stranger);
    foreignSkill = await createSkill(db, stranger.actor, otherTeam.id, { name: "Backend" });
  });

  /** A fresh roadmap (2027-01-04, 12 months: 2027-Q1 to 2028-Q1) of the team. */
  const newBoard = (title = "Staffed") => createBoardFixture(getCtx().db, owner.actor, team.id, { title });

  const row = (skill: Skill, quarter: string, headcount = 2, hoursPerWeek = 32) => ({
    skillId: skill.id,
    quarter,
    headcount,
    hoursPerWeek,
  });

  describe("reading and replacing the plan", () => {
    it("a plan never saved reads as version 0 with the default lead time and no rows, and reading writes nothing", async () => {
      const { db } = getCtx();
      const board = await newBoard();
      const before = await resourceState(db, board.roadmap.id);
      const res = await getStaffing(viewer.token, board.roadmap.id);
      expect(ok(res)).toEqual({
        staffing: { roadmapId: board.roadmap.id, version: 0, hiringLeadWeeks: 8, rows: [] },
      });
      expect(res.headers.get("etag")).toBe('"0"');
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
      expect(before.plan).toBeNull();
    });

    it('PUT with If-Match "0" creates the plan (version 1); GET answers the same plan and ETag', async () => {
      const board = await newBoard();
      const rows = [
        row(backend, "2027-Q1", 2, 32),
        row(design, "2027-Q2", 0.5, 20),
        row(backend, "2027-Q2", 3, 40),
      ];
      const put = await putStaffing(editor.token, board.roadmap.id, 0, { rows, hiringLeadWeeks: 6 });
      const { staffing } = ok(put);
      expect(staffing).toEqual({
        roadmapId: board.roadmap.id,
        version: 1,
        hiringLeadWeeks: 6,
        rows: expect.arrayContaining(rows),
      });
      expect(staffing.rows).toHaveLength(3);
      expect(etagVersion(put)).toBe(1);
      const read = await getStaffing(viewer.token, board.roadmap.id);
      expect(ok(read)).toEqual({ staffing });
      expect(etagVersion(read)).toBe(1);
    });

    it("a later PUT replaces every row, keeps the lead time unless given, and moves the version on", async () => {
      const board = await newBoard();
      const id = board.roadmap.id;
      ok(
        await putStaffing(editor.token, id, 0, {
          rows: [row(backend, "2027-Q1"), row(design, "2027-Q1")],
          hiringLeadWeeks: 4,
        }),
      );
      const second = ok(await putStaffing(editor.token, id, 1, { rows: [row(design, "2027-Q3", 1, 16)] }));
      expect(second.staffing).toEqual({
        roadmapId: id,
        version: 2,
        hiringLeadWeeks: 4,
        rows: [row(design, "2027-Q3", 1, 16)],
      });
      const emptied = ok(await putStaffing(editor.token, id, 2, { rows: [], hiringLeadWeeks: 0 }));
      expect(emptied.staffing).toEqual({ roadmapId: id, version: 3, hiringLeadWeeks: 0, rows: [] });
      expect((await resourceState(getCtx().db, id)).rows).toEqual([]);
    });
  });

  describe("a shorter horizon", () => {
    it("hides the rows of quarters it no longer covers, so the plan as read can be sent back", async () => {
      const board = await newBoard("Shortened");
      const id = board.roadmap.id;
      ok(
        await putStaffing(editor.token, id, 0, {
          rows: [row(backend, "2027-Q1"), row(design, "2027-Q4"), row(backend, "2028-Q1")],
        }),
      );
      ok(
        await api("PATCH /api/roadmaps/{roadmapId}", {
          params: { roadmapId: id },
          token: editor.token,
          ifMatch: board.roadmap.version,
          json: { horizonMonths: 6 },
        }),
      );
      // 2027-01-04 plus 6 months touches 2027-Q1 to 2027-Q3.
      const read = ok(await getStaffing(viewer.token, id)).staffing;
      expect(read).toMatchObject({ version: 1, rows: [row(backend, "2027-Q1")] });
      const sentBack = ok(await putStaffing(editor.token, id, 1, { rows: read.rows })).staffing;
      expect(sentBack).toMatchObject({ version: 2, rows: [row(backend, "2027-Q1")] });
      expect((await resourceState(getCtx().db, id)).rows).toHaveLength(1);
    });
  });

  describe("If-Match", () => {
    let board: BoardFixture;
    beforeAll(async () => {
      board = await newBoard("Guarded");
      ok(await putStaffing(editor.token, board.roadmap.id, 0, { rows: [row(backend, "2027-Q1")] }));
    });

    it("a PUT without If-Match: 428, nothing changes", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      const res = await putStaffing(editor.token, board.roadmap.id, undefined, { rows: [] });
      expectApiError(res, 428, "precondition_required");
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it("a stale version: 412 with the plan as it is now, nothing changes", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      for (const stale of [0, 2]) {
        const res = await putStaffing(editor.token, board.roadmap.id, stale, { rows: [] });
        expectApiError(res, 412, "version_mismatch");
        expect(res.json.current).toEqual({
          roadmapId: board.roadmap.id,
          version: 1,
          hiringLeadWeeks: 8,
          rows: [row(backend, "2027-Q1")],
        });
        expect(etagVersion(res)).toBe(1);
      }
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it('If-Match "1" on a plan never saved: 412 with the version-0 plan', async () => {
      const { db } = getCtx();
      const fresh = await newBoard();
      const res = await putStaffing(editor.token, fresh.roadmap.id, 1, { rows: [row(backend, "2027-Q1")] });
      expectApiError(res, 412, "version_mismatch");
      expect(res.json.current).toMatchObject({ version: 0, rows: [] });
      expect((await resourceState(db, fresh.roadmap.id)).plan).toBeNull();
    });

    it("two PUTs with the same If-Match at once: exactly one wins, the other gets 412", async () => {
      const fresh = await newBoard();
      const results = await Promise.all([
        putStaffing(editor.token, fresh.roadmap.id, 0, { rows: [row(backend, "2027-Q1", 1)] }),
        putStaffing(owner.token, fresh.roadmap.id, 0, { rows: [row(design, "2027-Q2", 2)] }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const winner = results.find((r) => r.status === 200)!;
      const state = await resourceState(getCtx().db, fresh.roadmap.id);
      expect(state.plan?.version).toBe(1);
      expect(state.rows.map(({ skillId, quarter, headcount }) => ({ skillId, quarter, headcount }))).toEqual(
        winner.json.staffing.rows.map(({ skillId, quarter, headcount }: (typeof state.rows)[number]) => ({
          skillId,
          quarter,
          headcount,
        })),
      );
      const logged = (await roadmapActivity(getCtx().db, fresh.roadmap.id)).filter(
        (a) => a.entity === "staffing",
      );
      expect(logged).toHaveLength(1);
    });
  });

  describe("bad input: refused, nothing changes", () => {
    let board: BoardFixture;
    beforeAll(async () => {
      board = await newBoard("Refusals");
      ok(await putStaffing(editor.token, board.roadmap.id, 0, { rows: [row(backend, "2027-Q1")] }));
    });

    const refused = async (json: unknown, check: (res: Awaited<ReturnType<typeof putStaffing>>) => void) => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      const res = await putStaffing(editor.token, board.roadmap.id, 1, json);
      check(res);
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
      return res;
    };

    it("headcount below zero: 400 naming the row's field", async () => {
      await refused({ rows: [row(backend, "2027-Q1", -1)] }, (res) =>
        expect(expectInvalidRequest(res)).toEqual(["rows.0.headcount"]),
      );
    });

    it("hoursPerWeek 81 (or below zero), an absurd headcount: 400", async () => {
      await refused({ rows: [row(backend, "2027-Q1", 1, 81)] }, (res) =>
        expect(expectInvalidRequest(res)).toEqual(["rows.0.hoursPerWeek"]),
      );
      await refused({ rows: [row(design, "2027-Q1"), row(backend, "2027-Q1", 1, -5)] }, (res) =>
        expect(expectInvalidRequest(res)).toEqual(["rows.1.hoursPerWeek"]),
      );
      await refused({ rows: [row(backend, "2027-Q1", 1_000_001)] }, (res) =>
        expect(expectInvalidRequest(res)).toEqual(["rows.0.headcount"]),
      );
    });

    it("a quarter that is not a quarter, a lead time that is not whole weeks, an unknown field: 400", async () => {
      await refused({ rows: [row(backend, "2027-Q5")] }, (res) =>
        expect(expectInvalidRequest(res)).toEqual(["rows.0.quarter"]),
      );
      await refused({ rows: [], hiringLeadWeeks: 2.5 }, (res) =>
        expect(expectInvalidRequest(res)).toEqual(["hiringLeadWeeks"]),
      );
      await refused({ rows: [{ ...row(backend, "2027-Q1"), cost: 3 }] }, (res) => expectInvalidRequest(res));
      await refused({}, (res) => expect(expectInvalidRequest(res)).toEqual(["rows"]));
    });

    it("the same skill twice in one quarter: 400 naming the second row", async () => {
      await refused(
        { rows: [row(backend, "2027-Q2", 1), row(design, "2027-Q2"), row(backend, "2027-Q2", 2)] },
        (res) => expect(expectInvalidRequest(res)).toEqual(["rows.2"]),
      );
    });

    it("a quarter outside the roadmap's horizon: 422 outside_horizon naming it", async () => {
      for (const quarter of ["2026-Q4", "2028-Q2"]) {
        const res = await refused({ rows: [row(backend, "2027-Q1"), row(backend, quarter)] }, (r) =>
          expectApiError(r, 422, "outside_horizon"),
        );
        expect(res.json.error.details).toEqual({
          quarters: [quarter],
          horizonQuarters: ["2027-Q1", "2027-Q2", "2027-Q3", "2027-Q4", "2028-Q1"],
        });
        expect(res.json.error.message).toContain(quarter);
      }
    });

    it("a skill of another team: 422 invalid_reference naming the row", async () => {
      const res = await refused({ rows: [row(backend, "2027-Q1"), row(foreignSkill, "2027-Q2")] }, (r) =>
        expectApiError(r, 422, "invalid_reference"),
      );
      expect(res.json.error.details).toEqual([
        { path: "rows.1.skillId", message: expect.stringContaining("catalogue") },
      ]);
      expect(res.json.error.message).toContain(foreignSkill.id);
    });

    it("a skill id that names nothing: 422 invalid_reference", async () => {
      await refused(
        { rows: [{ ...row(backend, "2027-Q1"), skillId: "00000000-0000-4000-8000-000000000000" }] },
        (r) => expectApiError(r, 422, "invalid_reference"),
      );
    });

    it("a viewer's PUT: 403; the plan stays", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      expectApiError(await putStaffing(viewer.token, board.roadmap.id, 1, { rows: [] }), 403, "forbidden");
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it("hours on items are refused by the items API itself (negative, absurd)", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      for (const hours of [-8, 100_001]) {
        const res = await api("POST /api/roadmaps/{roadmapId}/items", {
          params: { roadmapId: board.roadmap.id },
          token: editor.token,
          json: featureInput("Bad hours", "2027-02-01", "2027-02-05", {
            skills: [{ skillId: backend.id, hours }],
          }),
        });
        expect(expectInvalidRequest(res)).toEqual(["skills.0.hours"]);
      }
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });
  });

  describe("activity and live events", () => {
    it("each PUT appends one activity row (entity staffing, the roadmap's id) and one live event with the next seq", async () => {
      const { db } = getCtx();
      const board = await newBoard("Watched");
      const id = board.roadmap.id;
      const { reader, hello } = await openEventStream(id, viewer);
      try {
        ok(
          await putStaffing(editor.token, id, 0, { rows: [row(backend, "2027-Q1"), row(design, "2027-Q1")] }),
        );
        ok(await putStaffing(owner.token, id, 1, { rows: [row(backend, "2027-Q2")], hiringLeadWeeks: 12 }));
        // A refused PUT is neither logged nor announced.
        expectApiError(await putStaffing(editor.token, id, 1, { rows: [] }), 412, "version_mismatch");

        const second = await reader.waitFor((d) => d.entity === "staffing" && d.version === 2);
        const first = reader.events.find((e) => e.data.entity === "staffing" && e.data.version === 1)!;
        expect(first.data).toMatchObject({
          type: "created",
          entity: "staffing",
          id,
          actorId: editor.user.id,
          seq: hello.seq + 1,
          itemId: null,
        });
        expect(second.data).toMatchObject({
          type: "updated",
          entity: "staffing",
          id,
          actorId: owner.user.id,
          seq: hello.seq + 2,
        });
        expect(first.id).toBe(String(hello.seq + 1));
      } finally {
        reader.close();
      }

      const log = (await roadmapActivity(db, id)).filter((a) => a.entity === "staffing");
      expect(log).toEqual([
        {
          seq: expect.any(Number),
          actorId: editor.user.id,
          entity: "staffing",
          entityId: id,
          action: "created",
          changes: { rows: { from: 0, to: 2 }, version: 1 },
        },
        {
          seq: log[0].seq! + 1,
          actorId: owner.user.id,
          entity: "staffing",
          entityId: id,
          action: "updated",
          changes: { rows: { from: 2, to: 1 }, hiringLeadWeeks: { from: 8, to: 12 }, version: 2 },
        },
      ]);
      expect((await resourceState(db, id)).seq).toBe(log[1].seq);
    });
  });
});
