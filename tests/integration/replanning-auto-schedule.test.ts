import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { items, roadmaps } from "@/db/schema";
import { api, etagVersion } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createTeamWithMembers, type Cast } from "../helpers/fixtures";
import { ok } from "../helpers/resources";
import { createBoardFixture, roadmapActivity, roadmapSeq, type BoardFixture } from "../helpers/timeline";

describeEachDatabase("auto-schedule", (getCtx) => {
  let cast: Cast;
  let teamId: string;

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    const team = await createTeamWithMembers(db, cast.owner, [
      { member: cast.editor, role: "editor" },
      { member: cast.commenter, role: "commenter" },
      { member: cast.viewer, role: "viewer" },
    ]);
    teamId = team.id;
  });

  // The fixture: "Fixture feature" 2027-02-01..02-12 -> "Second feature" 03-01..03-12, a milestone
  // on 04-01; the roadmap starts Monday 2027-01-04.
  const fresh = () => createBoardFixture(getCtx().db, cast.owner.actor, teamId, { title: "Loose plan" });
  const run = (board: BoardFixture, json: unknown, options: { token?: string; ifMatch?: number } = {}) =>
    api("POST /api/roadmaps/{roadmapId}/auto-schedule", {
      params: { roadmapId: board.roadmap.id },
      token: options.token ?? cast.editor.token,
      ifMatch: options.ifMatch,
      json,
    });
  const undo = (board: BoardFixture, snapshotId: string, token = cast.editor.token) =>
    api("POST /api/roadmaps/{roadmapId}/auto-schedule/undo", {
      params: { roadmapId: board.roadmap.id },
      token,
      json: { snapshotId },
    });
  const datesOf = async (board: BoardFixture) =>
    Object.fromEntries(
      (
        await getCtx()
          .db.select({ id: items.id, start: items.startDate, end: items.endDate, version: items.version })
          .from(items)
          .where(eq(items.roadmapId, board.roadmap.id))
      ).map((r) => [r.id, r]),
    );

  it("pulls every feature to its earliest start, keeping lengths; a second run moves nothing", async () => {
    const board = await fresh();
    const seqBefore = await roadmapSeq(getCtx().db, board.roadmap.id);
    const loggedBefore = (await roadmapActivity(getCtx().db, board.roadmap.id)).length;
    const res = await run(board, { mode: "earliest" });
    const body = ok(res);
    expect(body.moved).toEqual([
      {
        id: board.feature.id,
        fromStart: "2027-02-01",
        fromEnd: "2027-02-12",
        toStart: "2027-01-04",
        toEnd: "2027-01-15",
      },
      {
        id: board.second.id,
        fromStart: "2027-03-01",
        fromEnd: "2027-03-12",
        toStart: "2027-01-18",
        toEnd: "2027-01-29",
      },
    ]);
    expect(body.snapshotId).toEqual(expect.any(String));
    expect(body.roadmapVersion).toBe(board.roadmap.version + 1);
    expect(etagVersion(res)).toBe(body.roadmapVersion);
    const dates = await datesOf(board);
    expect(dates[board.feature.id]).toMatchObject({ start: "2027-01-04", end: "2027-01-15", version: 2 });
    expect(dates[board.second.id]).toMatchObject({ start: "2027-01-18", end: "2027-01-29", version: 2 });
    // The milestone does not move: its row is not written, its version stays.
    expect(dates[board.milestone.id]).toMatchObject({ start: "2027-04-01", version: 1 });
    // One bulk change: the snapshot and one roadmap change (each an activity row and a live event
    // at the next sequence number), not a row per moved feature.
    const logged = await roadmapActivity(getCtx().db, board.roadmap.id);
    expect(logged.slice(loggedBefore).map((a) => [a.entity, a.action, a.seq])).toEqual([
      ["snapshot", "created", seqBefore + 1],
      ["roadmap", "updated", seqBefore + 2],
    ]);
    expect(await roadmapSeq(getCtx().db, board.roadmap.id)).toBe(seqBefore + 2);
    expect(logged.at(-1)?.changes).toMatchObject({
      autoSchedule: { snapshotId: body.snapshotId, moved: body.moved },
      version: body.roadmapVersion,
    });

    const again = ok(await run(board, { mode: "earliest" }));
    expect(again).toMatchObject({ moved: [], snapshotId: null });
  });

  it("undo puts the dates back from the snapshot; features changed since stay and are listed", async () => {
    const board = await fresh();
    const { snapshotId } = ok(await run(board, { mode: "earliest" }));
    // Someone edits the second feature after the auto-schedule.
    const current = (await datesOf(board))[board.second.id];
    ok(
      await api("PATCH /api/items/{itemId}", {
        params: { itemId: board.second.id },
        token: cast.editor.token,
        ifMatch: current.version,
        json: { startDate: "2027-01-25", endDate: "2027-02-05" },
      }),
    );
    const body = ok(await undo(board, snapshotId));
    expect(body.restored).toEqual([{ id: board.feature.id, toStart: "2027-02-01" }]);
    expect(body.skipped).toEqual([{ id: board.second.id, reason: expect.stringMatching(/changed since/) }]);
    const dates = await datesOf(board);
    expect(dates[board.feature.id]).toMatchObject({ start: "2027-02-01", end: "2027-02-12" });
    expect(dates[board.second.id]).toMatchObject({ start: "2027-01-25" });
  });

  it("moves only the features named", async () => {
    const board = await fresh();
    const body = ok(await run(board, { mode: "earliest", itemIds: [board.second.id] }));
    // The second waits for the first, which stays where it is (Feb 1-12).
    expect(body.moved).toEqual([
      expect.objectContaining({ id: board.second.id, toStart: "2027-02-15", toEnd: "2027-02-26" }),
    ]);
  });

  it("a stale If-Match: 412 with the roadmap, and nothing moves", async () => {
    const board = await fresh();
    const before = await datesOf(board);
    const [row] = await getCtx().db.select().from(roadmaps).where(eq(roadmaps.id, board.roadmap.id));
    const stale = await run(board, { mode: "earliest" }, { ifMatch: row.version + 5 });
    expectApiError(stale, 412, "version_mismatch");
    expect(stale.json.current).toMatchObject({ id: board.roadmap.id, version: row.version });
    expect(await datesOf(board)).toEqual(before);
    ok(await run(board, { mode: "earliest" }, { ifMatch: row.version }));
  });

  it("refuses bad input and the wrong people, changing nothing", async () => {
    const board = await fresh();
    const before = await datesOf(board);
    expect(expectInvalidRequest(await run(board, { mode: "latest" }))).toContain("mode");
    expect(expectInvalidRequest(await run(board, { mode: "earliest", itemIds: ["nope"] }))).toContain(
      "itemIds.0",
    );
    const other = await fresh();
    expectApiError(
      await run(board, { mode: "earliest", itemIds: [other.feature.id] }),
      422,
      "invalid_reference",
    );
    for (const who of [cast.commenter, cast.viewer]) {
      expectApiError(await run(board, { mode: "earliest" }, { token: who.token }), 403, "forbidden");
    }
    expectApiError(await run(board, { mode: "earliest" }, { token: cast.outsider.token }), 404, "not_found");
    const anonymous = await api("POST /api/roadmaps/{roadmapId}/auto-schedule", {
      params: { roadmapId: board.roadmap.id },
      json: { mode: "earliest" },
    });
    expectApiError(anonymous, 401, "unauthenticated");
    expect(await datesOf(board)).toEqual(before);
  });

  it("undo refuses a snapshot of another roadmap (422 cross_roadmap) or not taken by an auto-schedule (422)", async () => {
    const board = await fresh();
    const other = await fresh();
    const { snapshotId } = ok(await run(other, { mode: "earliest" }));
    expectApiError(await undo(board, snapshotId), 422, "cross_roadmap");
    const manual = ok(
      await api("POST /api/roadmaps/{roadmapId}/snapshots", {
        params: { roadmapId: board.roadmap.id },
        token: cast.editor.token,
        json: { label: "By hand" },
      }),
      201,
    ).snapshot;
    expectApiError(await undo(board, manual.id), 422, "invalid_reference");
    expectApiError(await undo(board, manual.id, cast.viewer.token), 403, "forbidden");
  });
});
