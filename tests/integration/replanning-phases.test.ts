import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { phases, snapshots } from "@/db/schema";
import { api, etagVersion } from "../helpers/api";
import { storedDocument } from "@/lib/services/snapshots/packed";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createTeamWithMembers, type Cast } from "../helpers/fixtures";
import { ok } from "../helpers/resources";
import { createBoardFixture, roadmapActivity, type BoardFixture } from "../helpers/timeline";

describeEachDatabase("phases and gates", (getCtx) => {
  let cast: Cast;
  let board: BoardFixture;
  let foreign: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    const team = await createTeamWithMembers(db, cast.owner, [
      { member: cast.editor, role: "editor" },
      { member: cast.commenter, role: "commenter" },
      { member: cast.viewer, role: "viewer" },
    ]);
    // 2027-01-04 for 12 months: the horizon ends 2028-01-03.
    board = await createBoardFixture(db, cast.owner.actor, team.id, { title: "Phased", horizonMonths: 12 });
    const otherTeam = await createTeamWithMembers(db, cast.outsider);
    foreign = await createBoardFixture(db, cast.outsider.actor, otherTeam.id);
  });

  const create = (json: unknown, token = cast.editor.token, roadmapId = board.roadmap.id) =>
    api("POST /api/roadmaps/{roadmapId}/phases", { params: { roadmapId }, token, json });
  const list = (token = cast.viewer.token, roadmapId = board.roadmap.id) =>
    api("GET /api/roadmaps/{roadmapId}/phases", { params: { roadmapId }, token });
  const phaseRows = async () =>
    getCtx().db.select().from(phases).where(eq(phases.roadmapId, board.roadmap.id));

  const gate = (title: string) => ({ title, outcome: `${title}: the criteria are met` });

  describe("creating and listing", () => {
    it("adds ordered phases with gates; later phases after an undecided gate are subject to replanning", async () => {
      const second = ok(
        await create({
          name: "Build",
          startDate: "2027-04-01",
          endDate: "2027-08-31",
          gate: gate("Beta go"),
        }),
        201,
      ).phase;
      const first = ok(
        await create({
          name: "Discovery",
          startDate: "2027-01-04",
          endDate: "2027-03-31",
          gate: gate("Scope go"),
        }),
        201,
      ).phase;
      const third = ok(
        await create({ name: "Launch", startDate: "2027-09-01", endDate: "2027-12-31" }),
        201,
      ).phase;
      expect(first).toMatchObject({
        name: "Discovery",
        position: 0,
        gate: { title: "Scope go", outcome: "Scope go: the criteria are met", decision: null },
        subjectToReplanning: false,
        version: 1,
      });
      const items = ok(await list()).items;
      expect(items.map((p: { id: string }) => p.id)).toEqual([first.id, second.id, third.id]);
      expect(items.map((p: { subjectToReplanning: boolean }) => p.subjectToReplanning)).toEqual([
        false,
        true,
        true,
      ]);
      expect(third.gate).toBeNull();
    });

    it("refuses an overlapping phase with 422 phase_overlap naming the other, and writes nothing", async () => {
      const before = await phaseRows();
      const res = await create({ name: "Overlap", startDate: "2027-03-31", endDate: "2027-04-15" });
      expectApiError(res, 422, "phase_overlap");
      expect(res.json.error.details).toMatchObject({ name: "Discovery" });
      expect(await phaseRows()).toEqual(before);
    });

    it("refuses a phase outside the horizon (422) and one ending before it starts (400)", async () => {
      expectApiError(
        await create({ name: "Early", startDate: "2026-12-01", endDate: "2026-12-31" }),
        422,
        "outside_horizon",
      );
      expectApiError(
        await create({ name: "Late", startDate: "2028-01-01", endDate: "2028-02-01" }),
        422,
        "outside_horizon",
      );
      const backwards = await create({ name: "Backwards", startDate: "2027-12-31", endDate: "2027-12-01" });
      expect(expectInvalidRequest(backwards)).toContain("endDate");
      expect(expectInvalidRequest(await create({ name: "", startDate: "2027-12-01", endDate: "x" }))).toEqual(
        expect.arrayContaining(["name", "endDate"]),
      );
    });

    it("lets viewers read; commenters and viewers may not write (403); other teams see nothing (404); 401 without identity", async () => {
      expect((await list(cast.viewer.token)).status).toBe(200);
      for (const who of [cast.commenter, cast.viewer]) {
        expectApiError(
          await create({ name: "X", startDate: "2027-12-20", endDate: "2027-12-24" }, who.token),
          403,
          "forbidden",
        );
      }
      expectApiError(await list(cast.outsider.token), 404, "not_found");
      expectApiError(
        await create({ name: "X", startDate: "2027-12-20", endDate: "2027-12-24" }, cast.outsider.token),
        404,
        "not_found",
      );
      expectApiError(await list(cast.owner.token, foreign.roadmap.id), 404, "not_found");
      const anonymous = await api("GET /api/roadmaps/{roadmapId}/phases", {
        params: { roadmapId: board.roadmap.id },
      });
      expectApiError(anonymous, 401, "unauthenticated");
    });
  });

  describe("changing and removing", () => {
    it("renames and moves with If-Match; stale 412 with current; missing 428; overlap 422", async () => {
      const launch = ok(await list()).items[2];
      const res = await api("PATCH /api/phases/{phaseId}", {
        params: { phaseId: launch.id },
        token: cast.editor.token,
        ifMatch: launch.version,
        json: { name: "Launch & scale", endDate: "2027-12-24" },
      });
      const { phase } = ok(res);
      expect(phase).toMatchObject({
        name: "Launch & scale",
        endDate: "2027-12-24",
        version: launch.version + 1,
      });
      expect(etagVersion(res)).toBe(launch.version + 1);

      const stale = await api("PATCH /api/phases/{phaseId}", {
        params: { phaseId: launch.id },
        token: cast.editor.token,
        ifMatch: launch.version,
        json: { name: "Stale" },
      });
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toMatchObject({ name: "Launch & scale" });
      const missing = await api("PATCH /api/phases/{phaseId}", {
        params: { phaseId: launch.id },
        token: cast.editor.token,
        json: { name: "No version" },
      });
      expectApiError(missing, 428, "precondition_required");
      const overlap = await api("PATCH /api/phases/{phaseId}", {
        params: { phaseId: launch.id },
        token: cast.editor.token,
        ifMatch: phase.version,
        json: { startDate: "2027-08-01" },
      });
      expectApiError(overlap, 422, "phase_overlap");
      const backwards = await api("PATCH /api/phases/{phaseId}", {
        params: { phaseId: launch.id },
        token: cast.editor.token,
        ifMatch: phase.version,
        json: { startDate: "2027-12-30" },
      });
      expectApiError(backwards, 400, "invalid_request");
    });

    it("deletes with If-Match (editor only)", async () => {
      const spare = ok(
        await create({ name: "Spare", startDate: "2027-12-27", endDate: "2027-12-31" }),
        201,
      ).phase;
      const asViewer = await api("DELETE /api/phases/{phaseId}", {
        params: { phaseId: spare.id },
        token: cast.viewer.token,
        ifMatch: spare.version,
      });
      expectApiError(asViewer, 403, "forbidden");
      const res = await api("DELETE /api/phases/{phaseId}", {
        params: { phaseId: spare.id },
        token: cast.editor.token,
        ifMatch: spare.version,
      });
      expect(res.status).toBe(200);
      expect((await phaseRows()).some((p) => p.id === spare.id)).toBe(false);
    });
  });

  describe("gate decisions", () => {
    const decide = (phaseId: string, json: unknown, token = cast.editor.token) =>
      api("POST /api/phases/{phaseId}/decision", { params: { phaseId }, token, json });

    it("records a replan at the first gate with a snapshot; later phases stay subject to replanning", async () => {
      const [discovery] = ok(await list()).items;
      const res = await decide(discovery.id, {
        decision: "replan",
        notes: "Scope too wide for the team we have.",
      });
      const { phase, snapshot } = ok(res, 201);
      expect(phase.gate.decision).toMatchObject({
        decision: "replan",
        notes: "Scope too wide for the team we have.",
        decidedBy: { id: cast.editor.user.id },
        snapshotId: snapshot.id,
      });
      expect(snapshot).toMatchObject({ kind: "gate", roadmapId: board.roadmap.id });
      const [row] = await getCtx().db.select().from(snapshots).where(eq(snapshots.id, snapshot.id));
      expect((await storedDocument(row)).items.length).toBeGreaterThan(0);
      const marks = ok(await list()).items.map(
        (p: { subjectToReplanning: boolean }) => p.subjectToReplanning,
      );
      expect(marks).toEqual([false, true, true]);
      const logged = await roadmapActivity(getCtx().db, board.roadmap.id);
      expect(
        logged.some((a) => a.entity === "phase" && a.entityId === discovery.id && a.action === "updated"),
      ).toBe(true);
    });

    it("a second decision is refused with 409 and changes nothing; a decided gate can't be retitled", async () => {
      const [discovery] = ok(await list()).items;
      const before = await phaseRows();
      expectApiError(await decide(discovery.id, { decision: "proceed", notes: "" }), 409, "gate_decided");
      const retitle = await api("PATCH /api/phases/{phaseId}", {
        params: { phaseId: discovery.id },
        token: cast.editor.token,
        ifMatch: discovery.version,
        json: { gate: null },
      });
      expectApiError(retitle, 409, "gate_decided");
      expect(await phaseRows()).toEqual(before);
    });

    it("a phase without a gate: 422 no_gate; a bad decision: 400; a commenter: 403; an outsider: 404", async () => {
      const launch = ok(await list()).items.find((p: { gate: unknown }) => p.gate === null);
      expectApiError(await decide(launch.id, { decision: "proceed", notes: "" }), 422, "no_gate");
      const build = ok(await list()).items[1];
      expect(expectInvalidRequest(await decide(build.id, { decision: "maybe" }))).toContain("decision");
      expectApiError(await decide(build.id, { decision: "proceed" }, cast.commenter.token), 403, "forbidden");
      expectApiError(await decide(build.id, { decision: "proceed" }, cast.outsider.token), 404, "not_found");
      // Proceeding at the second gate settles it; the last phase stays marked while the first was a replan.
      ok(await decide(build.id, { decision: "proceed", notes: "Beta criteria met." }), 201);
      const marks = ok(await list()).items.map(
        (p: { subjectToReplanning: boolean }) => p.subjectToReplanning,
      );
      expect(marks).toEqual([false, false, false]);
    });
  });
});
