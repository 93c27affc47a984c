import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { items, roadmaps, snapshots, workstreams } from "@/db/schema";
import { createSkill } from "@/lib/services/staffing/skills";
import { api, etagVersion, type ApiResponse } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createTeamWithMembers, type Cast, type TestUser } from "../helpers/fixtures";
import { ok, putStaffing } from "../helpers/resources";
import {
  applyScenario,
  compareScenario,
  createScenarioBoard,
  discardScenario,
  listScenarios,
  makeScenario,
  planRows,
  type ScenarioBoard,
} from "../helpers/scenarios";
import { roadmapActivity } from "../helpers/timeline";
import { storedDocument } from "@/lib/services/snapshots/packed";

type Rows = Awaited<ReturnType<typeof planRows>>;

/** A row without what a copy gives anew (ids, roadmap, versions, timestamps). */
const planFields = (row: object) => {
  const out: Record<string, unknown> = { ...row };
  for (const key of ["id", "roadmapId", "sourceId", "version", "createdAt", "updatedAt", "workstreamId"])
    delete out[key];
  return out;
};

describeEachDatabase("what-if scenarios", (getCtx) => {
  let cast: Cast;
  let teamId: string;
  let backendId: string;
  let foreignScenarioId: string;

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    const team = await createTeamWithMembers(db, cast.owner, [
      { member: cast.editor, role: "editor" },
      { member: cast.commenter, role: "commenter" },
      { member: cast.viewer, role: "viewer" },
    ]);
    teamId = team.id;
    backendId = (await createSkill(db, cast.owner.actor, teamId, { name: "Backend" })).id;
    const other = await createTeamWithMembers(db, cast.outsider);
    const otherSkill = await createSkill(db, cast.outsider.actor, other.id, { name: "Backend" });
    const foreign = await createScenarioBoard(db, cast.outsider.actor, other.id, otherSkill.id);
    foreignScenarioId = ok(await makeScenario(cast.outsider.token, foreign.roadmap.id), 201).scenario.roadmap
      .id;
  });

  const freshBoard = () => createScenarioBoard(getCtx().db, cast.owner.actor, teamId, backendId);
  const rowsOf = (roadmapId: string) => planRows(getCtx().db, roadmapId);
  const newScenario = async (board: ScenarioBoard, name = "What if") =>
    ok(await makeScenario(cast.editor.token, board.roadmap.id, name), 201).scenario;
  /** The scenario's copy of a base row. */
  const copyOf = (rows: Rows, baseId: string) => rows.items.find((i) => i.sourceId === baseId)!;
  const patchItem = (who: TestUser, item: { id: string; version: number }, json: unknown) =>
    api("PATCH /api/items/{itemId}", {
      params: { itemId: item.id },
      token: who.token,
      ifMatch: item.version,
      json,
    });
  const baseVersion = async (board: ScenarioBoard) =>
    (await getCtx().db.select().from(roadmaps).where(eq(roadmaps.id, board.roadmap.id)))[0].version;

  /** Moves the scenario's copy of `second` (which the key milestone follows) a month later. */
  async function moveSecondLater(scenarioRows: Rows, board: ScenarioBoard) {
    const copy = copyOf(scenarioRows, board.second.id);
    return ok(await patchItem(cast.editor, copy, { startDate: "2027-04-01", endDate: "2027-04-14" }));
  }

  describe("making one", () => {
    it("copies lanes, items, skills, links, phases, staffing and risks, each with its source", async () => {
      const board = await freshBoard();
      const before = await rowsOf(board.roadmap.id);
      const res = await makeScenario(cast.editor.token, board.roadmap.id, "Hire a second backend engineer");
      const scenario = ok(res, 201).scenario;
      expect(scenario).toMatchObject({
        status: "open",
        baseRoadmapId: board.roadmap.id,
        baseSnapshotId: expect.any(String),
        createdBy: { id: cast.editor.user.id },
        roadmap: {
          kind: "scenario",
          baseRoadmapId: board.roadmap.id,
          title: "Hire a second backend engineer",
          startDate: board.roadmap.startDate,
          horizonMonths: board.roadmap.horizonMonths,
        },
      });
      expect(etagVersion(res)).toBe(scenario.roadmap.version);

      const copy = await rowsOf(scenario.roadmap.id);
      const laneOf = new Map(copy.workstreams.map((w) => [w.id, w.sourceId]));
      expect(copy.workstreams.map((w) => [w.sourceId, w.name, w.position]).sort()).toEqual(
        before.workstreams.map((w) => [w.id, w.name, w.position]).sort(),
      );
      expect(copy.items).toHaveLength(before.items.length);
      for (const original of before.items) {
        const c = copyOf(copy, original.id);
        expect(planFields(c)).toEqual(planFields(original));
        expect(c.workstreamId === null ? null : laneOf.get(c.workstreamId)).toBe(original.workstreamId);
      }
      const itemSource = new Map(copy.items.map((i) => [i.id, i.sourceId]));
      expect(copy.skills.map((s) => [itemSource.get(s.itemId), s.skillId, s.hours])).toEqual(
        before.skills.map((s) => [s.itemId, s.skillId, s.hours]),
      );
      const links = (rows: Rows, map: (id: string) => string | null | undefined) =>
        rows.dependencies.map((d) => `${map(d.fromId)}>${map(d.toId)}:${d.lagDays}`).sort();
      expect(links(copy, (id) => itemSource.get(id))).toEqual(links(before, (id) => id));
      expect(
        copy.phases.map((p) => [p.sourceId, p.name, p.startDate, p.endDate, p.gateTitle, p.decision]).sort(),
      ).toEqual(
        before.phases.map((p) => [p.id, p.name, p.startDate, p.endDate, p.gateTitle, p.decision]).sort(),
      );
      expect(copy.staffingPlan?.hiringLeadWeeks).toBe(6);
      expect(copy.staffingRows.map(planFields)).toEqual(before.staffingRows.map(planFields));
      expect(copy.risks.map((r) => [r.sourceId, planFields(r)])).toEqual(
        before.risks.map((r) => [r.id, planFields(r)]),
      );
      expect(copy.riskItems.map((r) => itemSource.get(r.itemId))).toEqual([board.second.id]);

      // The base: unchanged but for a snapshot (the ancestor) and the activity.
      const after = await rowsOf(board.roadmap.id);
      expect({ ...after, roadmap: null }).toEqual({ ...before, roadmap: null });
      const [snap] = await getCtx()
        .db.select()
        .from(snapshots)
        .where(eq(snapshots.id, scenario.baseSnapshotId));
      expect(snap).toMatchObject({
        roadmapId: board.roadmap.id,
        label: "Base of scenario “Hire a second backend engineer”",
      });
      expect((await storedDocument(snap)).items).toHaveLength(before.items.length);
      const logged = await roadmapActivity(getCtx().db, board.roadmap.id);
      expect(logged.at(-1)).toMatchObject({
        entity: "scenario",
        action: "created",
        entityId: scenario.roadmap.id,
      });
    });

    it("every roadmap route works on the scenario, and the team's roadmap list leaves it out", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      const roadmapId = scenario.roadmap.id;
      const params = { roadmapId };
      const token = cast.viewer.token;
      const boardRes = ok(await api("GET /api/roadmaps/{roadmapId}", { params, token }));
      expect(boardRes.roadmap).toMatchObject({ kind: "scenario", baseRoadmapId: board.roadmap.id });
      expect(boardRes.items).toHaveLength(5);
      ok(await api("GET /api/roadmaps/{roadmapId}/schedule", { params, token }));
      expect(ok(await api("GET /api/roadmaps/{roadmapId}/capacity", { params, token })).skills).toHaveLength(
        1,
      );
      ok(await api("GET /api/roadmaps/{roadmapId}/forecast", { params, token, query: { runs: "200" } }));
      const phaseList = ok(await api("GET /api/roadmaps/{roadmapId}/phases", { params, token })).items;
      expect(
        phaseList.map((p: { name: string; subjectToReplanning: boolean }) => [p.name, p.subjectToReplanning]),
      ).toEqual([
        ["Discovery", false],
        ["Build", false],
      ]);
      const listed = ok(await api("GET /api/teams/{teamId}/roadmaps", { params: { teamId }, token })).items;
      expect(listed.map((r: { id: string }) => r.id)).not.toContain(roadmapId);
    });

    it("lists a roadmap's scenarios, open ones first and then newest first", async () => {
      const board = await freshBoard();
      const first = await newScenario(board, "First");
      const second = await newScenario(board, "Second");
      const third = await newScenario(board, "Third");
      ok(await discardScenario(cast.editor.token, third.roadmap.id));
      const listed = ok(await listScenarios(cast.viewer.token, board.roadmap.id)).items;
      expect(
        listed.map((s: { roadmap: { title: string }; status: string }) => [s.roadmap.title, s.status]),
      ).toEqual([
        ["Second", "open"],
        ["First", "open"],
        ["Third", "discarded"],
      ]);
      expect(ok(await listScenarios(cast.viewer.token, first.roadmap.id)).items).toEqual([]);
      expect(second.roadmap.id).not.toBe(first.roadmap.id);
    });

    it("refuses a scenario of a scenario (422), a bad name (400), and the wrong people", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      expectApiError(await makeScenario(cast.editor.token, scenario.roadmap.id), 422, "not_a_base");
      expect(expectInvalidRequest(await makeScenario(cast.editor.token, board.roadmap.id, ""))).toContain(
        "name",
      );
      const tooLong = await api("POST /api/roadmaps/{roadmapId}/scenarios", {
        params: { roadmapId: board.roadmap.id },
        token: cast.editor.token,
        json: { name: "x".repeat(201) },
      });
      expect(expectInvalidRequest(tooLong)).toContain("name");
      const countScenarios = async () =>
        (await getCtx().db.select().from(roadmaps).where(eq(roadmaps.baseRoadmapId, board.roadmap.id)))
          .length;
      const before = await countScenarios();
      for (const who of [cast.commenter, cast.viewer])
        expectApiError(await makeScenario(who.token, board.roadmap.id), 403, "forbidden");
      expectApiError(await makeScenario(cast.outsider.token, board.roadmap.id), 404, "not_found");
      expectApiError(
        await api("POST /api/roadmaps/{roadmapId}/scenarios", {
          params: { roadmapId: board.roadmap.id },
          json: { name: "x" },
        }),
        401,
        "unauthenticated",
      );
      expect(await countScenarios()).toBe(before);
      ok(await makeScenario(cast.owner.token, board.roadmap.id), 201);
    });
  });

  describe("comparing", () => {
    it("shows the moved feature, a later finish and P80, and the staffing gap closing", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      const unchanged = ok(await compareScenario(cast.viewer.token, scenario.roadmap.id));
      expect(unchanged.diff.summary).toMatchObject({ added: 0, removed: 0, moved: 0, changed: 0 });
      expect(unchanged.projectFinish.scenario).toEqual(unchanged.projectFinish.base);
      expect(unchanged.conflicts).toEqual([]);

      const copy = await rowsOf(scenario.roadmap.id);
      await moveSecondLater(copy, board);
      ok(
        await putStaffing(cast.editor.token, scenario.roadmap.id, 1, {
          rows: [{ skillId: backendId, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 32 }],
        }),
      );
      const res = await compareScenario(cast.viewer.token, scenario.roadmap.id);
      const cmp = ok(res);
      expect(etagVersion(res)).toBe(await baseVersion(board));
      expect(cmp.base).toMatchObject({ id: board.roadmap.id, version: await baseVersion(board) });
      expect(cmp.scenario).toMatchObject({ status: "open", roadmap: { id: scenario.roadmap.id } });
      expect(cmp.diff.items.moved).toEqual([
        expect.objectContaining({ id: board.second.id, title: "Second feature" }),
      ]);
      expect(cmp.projectFinish.scenario.earlyDate > cmp.projectFinish.base.earlyDate).toBe(true);
      expect(cmp.projectFinish.scenario.p80 > cmp.projectFinish.base.p80).toBe(true);
      expect(cmp.milestones).toHaveLength(1);
      const [launch] = cmp.milestones;
      expect(launch).toMatchObject({ id: board.launch.id, title: "Launch", isKey: true });
      expect(launch.scenario.earlyDate > launch.base.earlyDate).toBe(true);
      expect(launch.scenario.p80 > launch.base.p80).toBe(true);
      const [backend] = cmp.staffing;
      expect(backend).toMatchObject({ skillId: backendId, name: "Backend" });
      expect(backend.baseGapHours).toBeGreaterThan(0);
      expect(backend.scenarioGapHours).toBeLessThan(backend.baseGapHours);
      expect(cmp.conflicts).toEqual([]);
    });

    it("is readable by every member, 404 for another team's scenario and for a plain roadmap, 401 anonymous", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      for (const who of [cast.owner, cast.editor, cast.commenter, cast.viewer])
        ok(await compareScenario(who.token, scenario.roadmap.id));
      expectApiError(await compareScenario(cast.outsider.token, scenario.roadmap.id), 404, "not_found");
      expectApiError(await compareScenario(cast.editor.token, foreignScenarioId), 404, "not_found");
      expectApiError(await compareScenario(cast.editor.token, board.roadmap.id), 404, "not_found");
      expectApiError(
        await api("GET /api/scenarios/{scenarioId}/compare", { params: { scenarioId: scenario.roadmap.id } }),
        401,
        "unauthenticated",
      );
    });
  });

  describe("applying", () => {
    it("writes the scenario's changes to the base in one go and closes the scenario", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board, "Replan");
      const copy = await rowsOf(scenario.roadmap.id);
      await moveSecondLater(copy, board);
      ok(
        await putStaffing(cast.editor.token, scenario.roadmap.id, 1, {
          rows: [{ skillId: backendId, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 32 }],
        }),
      );
      // A new lane with a new feature that follows a copied one; the empty lane and a milestone go.
      const { workstream: lane } = ok(
        await api("POST /api/roadmaps/{roadmapId}/workstreams", {
          params: { roadmapId: scenario.roadmap.id },
          token: cast.editor.token,
          json: { name: "Mobile" },
        }),
        201,
      );
      const { item: added } = ok(
        await api("POST /api/roadmaps/{roadmapId}/items", {
          params: { roadmapId: scenario.roadmap.id },
          token: cast.editor.token,
          json: {
            kind: "feature",
            title: "Wallets",
            startDate: "2027-03-01",
            endDate: "2027-03-12",
            workstreamId: lane.id,
          },
        }),
        201,
      );
      ok(
        await api("POST /api/roadmaps/{roadmapId}/dependencies", {
          params: { roadmapId: scenario.roadmap.id },
          token: cast.editor.token,
          json: { fromId: copyOf(copy, board.feature.id).id, toId: added.id },
        }),
        201,
      );
      const emptyCopy = copy.workstreams.find((w) => w.sourceId === board.emptyLane.id)!;
      ok(
        await api("DELETE /api/workstreams/{workstreamId}", {
          params: { workstreamId: emptyCopy.id },
          token: cast.editor.token,
          ifMatch: emptyCopy.version,
        }),
      );
      const milestoneCopy = copyOf(copy, board.milestone.id);
      ok(
        await api("DELETE /api/items/{itemId}", {
          params: { itemId: milestoneCopy.id },
          token: cast.editor.token,
          ifMatch: milestoneCopy.version,
        }),
      );

      const version = await baseVersion(board);
      const res = await applyScenario(cast.editor.token, scenario.roadmap.id, version);
      const body = ok(res);
      expect(body).toMatchObject({
        scenario: { status: "applied", roadmap: { id: scenario.roadmap.id } },
        base: { id: board.roadmap.id, version: version + 1 },
        applied: { added: 2, updated: 2, removed: 2, dependencies: 1 },
        snapshotId: expect.any(String),
      });
      expect(etagVersion(res)).toBe(version + 1);

      const base = await rowsOf(board.roadmap.id);
      const byId = new Map(base.items.map((i) => [i.id, i]));
      expect(byId.get(board.second.id)).toMatchObject({
        startDate: "2027-04-01",
        endDate: "2027-04-14",
        version: 2,
      });
      expect(byId.get(board.milestone.id)?.deletedAt).not.toBeNull();
      const wallets = base.items.find((i) => i.title === "Wallets")!;
      expect(wallets.id).not.toBe(added.id);
      const mobile = base.workstreams.find((w) => w.name === "Mobile")!;
      expect(wallets.workstreamId).toBe(mobile.id);
      expect(base.dependencies.some((d) => d.fromId === board.feature.id && d.toId === wallets.id)).toBe(
        true,
      );
      expect(base.workstreams.find((w) => w.id === board.emptyLane.id)?.deletedAt).not.toBeNull();
      expect(base.staffingRows.map((r) => [r.quarter, r.headcount])).toEqual([["2027-Q1", 2]]);
      // Untouched things stay as they were (the risk, phases and their decision, other items).
      expect(byId.get(board.feature.id)).toMatchObject({ version: board.feature.version });
      expect(base.phases.find((p) => p.id === board.phaseIds[0])?.decision).toBe("proceed");

      const logged = await roadmapActivity(getCtx().db, board.roadmap.id);
      expect(
        logged.some((a) => a.entity === "item" && a.entityId === board.second.id && a.action === "updated"),
      ).toBe(true);
      expect(logged.at(-1)).toMatchObject({
        entity: "scenario",
        entityId: scenario.roadmap.id,
        action: "updated",
        changes: {
          status: { from: "open", to: "applied" },
          snapshotId: body.snapshotId,
          baseVersion: version + 1,
        },
      });
      const [snap] = await getCtx().db.select().from(snapshots).where(eq(snapshots.id, body.snapshotId));
      expect((await storedDocument(snap)).items.find((i) => i.id === board.second.id)?.startDate).toBe(
        "2027-03-01",
      );

      // Once only: applying again, or discarding, is refused and changes nothing.
      expectApiError(
        await applyScenario(cast.editor.token, scenario.roadmap.id, version + 1),
        409,
        "scenario_closed",
      );
      expectApiError(await discardScenario(cast.editor.token, scenario.roadmap.id), 409, "scenario_closed");
      expect(await rowsOf(board.roadmap.id)).toEqual(base);
    });

    it("needs If-Match with the base's version: 428 without, 412 stale with the base, nothing changed", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      await moveSecondLater(await rowsOf(scenario.roadmap.id), board);
      const before = await rowsOf(board.roadmap.id);
      expectApiError(
        await applyScenario(cast.editor.token, scenario.roadmap.id),
        428,
        "precondition_required",
      );
      const version = await baseVersion(board);
      const stale = await applyScenario(cast.editor.token, scenario.roadmap.id, version - 1);
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toMatchObject({ id: board.roadmap.id, version });
      expect(await rowsOf(board.roadmap.id)).toEqual(before);
      expect((await rowsOf(scenario.roadmap.id)).roadmap.scenarioStatus).toBe("open");
    });

    it("a change to the same field in the base since: 409 scenario_conflict naming it, nothing written", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      await moveSecondLater(await rowsOf(scenario.roadmap.id), board);
      ok(await patchItem(cast.owner, board.second, { startDate: "2027-03-08", endDate: "2027-03-19" }));
      const conflict = {
        entity: "item",
        id: board.second.id,
        title: "Second feature",
        field: "startDate",
        base: "2027-03-08",
        scenario: "2027-04-01",
      };
      const cmp = ok(await compareScenario(cast.editor.token, scenario.roadmap.id));
      expect(cmp.conflicts).toContainEqual(conflict);

      const before = await rowsOf(board.roadmap.id);
      const beforeScenario = await rowsOf(scenario.roadmap.id);
      const res = await applyScenario(cast.editor.token, scenario.roadmap.id, cmp.base.version);
      expectApiError(res, 409, "scenario_conflict");
      expect(res.json.error.details.conflicts).toContainEqual(conflict);
      expect(res.json.error.message).toContain("Second feature");
      expect(await rowsOf(board.roadmap.id)).toEqual(before);
      expect(await rowsOf(scenario.roadmap.id)).toEqual(beforeScenario);
    });

    it("refuses the wrong people and another team's scenario, changing nothing", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      await moveSecondLater(await rowsOf(scenario.roadmap.id), board);
      const before = await rowsOf(board.roadmap.id);
      const version = await baseVersion(board);
      for (const who of [cast.commenter, cast.viewer]) {
        expectApiError(await applyScenario(who.token, scenario.roadmap.id, version), 403, "forbidden");
        expectApiError(await discardScenario(who.token, scenario.roadmap.id), 403, "forbidden");
      }
      expectApiError(
        await applyScenario(cast.outsider.token, scenario.roadmap.id, version),
        404,
        "not_found",
      );
      expectApiError(await discardScenario(cast.outsider.token, scenario.roadmap.id), 404, "not_found");
      expectApiError(await applyScenario(cast.editor.token, foreignScenarioId, 1), 404, "not_found");
      expectApiError(await discardScenario(cast.editor.token, foreignScenarioId), 404, "not_found");
      expectApiError(await applyScenario(cast.editor.token, board.roadmap.id, version), 404, "not_found");
      const anonymous = await api("POST /api/scenarios/{scenarioId}/apply", {
        params: { scenarioId: scenario.roadmap.id },
        ifMatch: version,
      });
      expectApiError(anonymous, 401, "unauthenticated");
      expect(await rowsOf(board.roadmap.id)).toEqual(before);
      expect((await rowsOf(scenario.roadmap.id)).roadmap.scenarioStatus).toBe("open");
      // The owner may.
      ok(await applyScenario(cast.owner.token, scenario.roadmap.id, version));
    });

    it("racing a PATCH of the same base item by someone else: exactly one wins, never a mix", async () => {
      for (let round = 0; round < 4; round++) {
        const board = await freshBoard();
        const scenario = await newScenario(board);
        await moveSecondLater(await rowsOf(scenario.roadmap.id), board);
        const version = await baseVersion(board);
        const patch = () =>
          patchItem(cast.owner, board.second, { startDate: "2027-03-08", endDate: "2027-03-19" });
        const apply = () => applyScenario(cast.editor.token, scenario.roadmap.id, version);
        // Alternate which request leaves first.
        const [applied, patched]: ApiResponse[] =
          round % 2 === 0
            ? await Promise.all([apply(), patch()])
            : (await Promise.all([patch(), apply()])).reverse();
        const [second] = await getCtx().db.select().from(items).where(eq(items.id, board.second.id));
        const status = (await rowsOf(scenario.roadmap.id)).roadmap.scenarioStatus;
        if (applied.status === 200) {
          expectApiError(patched, 412, "version_mismatch");
          expect(second).toMatchObject({ startDate: "2027-04-01", endDate: "2027-04-14", version: 2 });
          expect(status).toBe("applied");
        } else {
          expect(patched.status).toBe(200);
          expectApiError(applied, 409, "scenario_conflict");
          expect(second).toMatchObject({ startDate: "2027-03-08", endDate: "2027-03-19", version: 2 });
          expect(status).toBe("open");
          expect(await baseVersion(board)).toBe(version);
        }
      }
    });

    it("a large apply is recorded as one roadmap change rather than one per row", async () => {
      const { db } = getCtx();
      const board = await freshBoard();
      await db.insert(items).values(
        Array.from({ length: 210 }, (_, i) => ({
          roadmapId: board.roadmap.id,
          kind: "feature" as const,
          title: `Bulk ${i + 1}`,
          startDate: "2027-05-03",
          endDate: "2027-05-14",
        })),
      );
      const scenario = await newScenario(board);
      await db
        .update(items)
        .set({ startDate: "2027-05-10", endDate: "2027-05-21" })
        .where(and(eq(items.roadmapId, scenario.roadmap.id), like(items.title, "Bulk %")));
      const seqBefore = (await rowsOf(board.roadmap.id)).roadmap.seq;
      const body = ok(await applyScenario(cast.editor.token, scenario.roadmap.id, await baseVersion(board)));
      expect(body.applied).toMatchObject({ updated: 210, added: 0, removed: 0 });
      const moved = await db
        .select()
        .from(items)
        .where(and(eq(items.roadmapId, board.roadmap.id), like(items.title, "Bulk %")));
      expect(moved.every((i) => i.startDate === "2027-05-10" && i.version === 2)).toBe(true);
      const logged = (await roadmapActivity(db, board.roadmap.id)).filter((a) => (a.seq ?? 0) > seqBefore);
      expect(logged.map((a) => a.entity)).toEqual(["snapshot", "scenario"]);
    });

    it("a lane the scenario removes that the base has since filled: a conflict", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      const emptyCopy = (await rowsOf(scenario.roadmap.id)).workstreams.find(
        (w) => w.sourceId === board.emptyLane.id,
      )!;
      ok(
        await api("DELETE /api/workstreams/{workstreamId}", {
          params: { workstreamId: emptyCopy.id },
          token: cast.editor.token,
          ifMatch: emptyCopy.version,
        }),
      );
      ok(
        await api("POST /api/roadmaps/{roadmapId}/items", {
          params: { roadmapId: board.roadmap.id },
          token: cast.owner.token,
          json: {
            kind: "feature",
            title: "Fraud rules",
            startDate: "2027-02-01",
            endDate: "2027-02-05",
            workstreamId: board.emptyLane.id,
          },
        }),
        201,
      );
      const res = await applyScenario(cast.editor.token, scenario.roadmap.id, await baseVersion(board));
      expectApiError(res, 409, "scenario_conflict");
      expect(res.json.error.details.conflicts).toEqual([
        expect.objectContaining({ entity: "workstream", id: board.emptyLane.id, field: "removed" }),
      ]);
      const [lane] = await getCtx()
        .db.select()
        .from(workstreams)
        .where(and(eq(workstreams.id, board.emptyLane.id)));
      expect(lane.deletedAt).toBeNull();
    });
  });

  describe("discarding", () => {
    it("marks it discarded; it stays readable; once only", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      const res = await discardScenario(cast.editor.token, scenario.roadmap.id);
      const body = ok(res);
      expect(body.scenario).toMatchObject({
        status: "discarded",
        roadmap: { version: scenario.roadmap.version + 1 },
      });
      expect(etagVersion(res)).toBe(scenario.roadmap.version + 1);
      ok(await compareScenario(cast.viewer.token, scenario.roadmap.id));
      ok(
        await api("GET /api/roadmaps/{roadmapId}", {
          params: { roadmapId: scenario.roadmap.id },
          token: cast.viewer.token,
        }),
      );
      expectApiError(await discardScenario(cast.editor.token, scenario.roadmap.id), 409, "scenario_closed");
      expectApiError(
        await applyScenario(cast.editor.token, scenario.roadmap.id, await baseVersion(board)),
        409,
        "scenario_closed",
      );
      const logged = await roadmapActivity(getCtx().db, board.roadmap.id);
      expect(logged.at(-1)).toMatchObject({
        entity: "scenario",
        action: "updated",
        entityId: scenario.roadmap.id,
      });
    });

    it("a discarded scenario can no longer be edited (409 scenario_closed), but can be commented on", async () => {
      const board = await freshBoard();
      const scenario = await newScenario(board);
      ok(await discardScenario(cast.editor.token, scenario.roadmap.id));
      const edit = await api("POST /api/roadmaps/{roadmapId}/items", {
        params: { roadmapId: scenario.roadmap.id },
        token: cast.editor.token,
        json: { kind: "feature", title: "Late idea", startDate: "2027-02-01", endDate: "2027-02-05" },
      });
      expectApiError(edit, 409, "scenario_closed");
      const [item] = await getCtx().db.select().from(items).where(eq(items.roadmapId, scenario.roadmap.id));
      const comment = await api("POST /api/items/{itemId}/comments", {
        params: { itemId: item.id },
        token: cast.commenter.token,
        json: { body: "Why did we drop this one?" },
      });
      expect(comment.status).toBe(201);
    });
  });
});
