// Snapshots are stored packed (compact tabular JSON, gzipped) from migration 0007; rows written
// before it keep their jsonb document and must read exactly as they did.
import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { roadmaps, snapshots } from "@/db/schema";
import { runAutoSchedule, undoAutoSchedule } from "@/lib/services/schedule/auto-schedule";
import { loadRoadmapDocument } from "@/lib/services/roadmaps/document";
import { storedDocument } from "@/lib/services/snapshots/packed";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";
import { api } from "../helpers/api";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createTeamWithMembers, type Cast } from "../helpers/fixtures";
import { ok } from "../helpers/resources";
import { createBoardFixture } from "../helpers/timeline";

describeEachDatabase("snapshot storage", (getCtx) => {
  let cast: Cast;
  let teamId: string;

  beforeAll(async () => {
    cast = await createCast(getCtx().db);
    const team = await createTeamWithMembers(getCtx().db, cast.owner, [
      { member: cast.editor, role: "editor" },
    ]);
    teamId = team.id;
  });

  const fresh = () => createBoardFixture(getCtx().db, cast.owner.actor, teamId, { title: "Stored plan" });
  const roadmapRow = async (id: string) =>
    (await getCtx().db.select().from(roadmaps).where(eq(roadmaps.id, id)))[0];
  const getSnapshot = (snapshotId: string) =>
    api("GET /api/snapshots/{snapshotId}", { params: { snapshotId }, token: cast.editor.token });

  it("a snapshot taken now is stored packed, once, and reads back as the roadmap was", async () => {
    const board = await fresh();
    const expected = await loadRoadmapDocument(getCtx().db, await roadmapRow(board.roadmap.id));
    const { snapshot } = ok(
      await api("POST /api/roadmaps/{roadmapId}/snapshots", {
        params: { roadmapId: board.roadmap.id },
        token: cast.editor.token,
        json: { label: "Packed" },
      }),
      201,
    );
    const [row] = await getCtx().db.select().from(snapshots).where(eq(snapshots.id, snapshot.id));
    expect(row.document).toBeNull();
    expect(row.packed).toBeInstanceOf(Uint8Array);
    const { exportedAt: _at, ...content } = expected;
    const read = ok(await getSnapshot(snapshot.id)).document;
    expect(read).toMatchObject(content);
    expect(read.items.map((i: { id: string }) => i.id).sort()).toEqual(
      [board.feature.id, board.second.id, board.milestone.id].sort(),
    );
  });

  it("a row of the old form (jsonb, no phases) still reads through the snapshot and diff paths", async () => {
    const board = await fresh();
    const roadmap = await roadmapRow(board.roadmap.id);
    const { phases: _phases, ...old } = await loadRoadmapDocument(getCtx().db, roadmap);
    const [legacy] = await getCtx()
      .db.insert(snapshots)
      .values({
        roadmapId: roadmap.id,
        label: "Written before packing",
        kind: "manual",
        document: old as RoadmapDocument,
        itemCount: old.items.length,
        seq: roadmap.seq,
        createdBy: cast.owner.user.id,
      })
      .returning();
    const body = ok(await getSnapshot(legacy.id));
    expect(body.snapshot).toMatchObject({ id: legacy.id, label: "Written before packing", itemCount: 3 });
    expect(body.document).toEqual(JSON.parse(JSON.stringify({ ...old, phases: [] })));

    // Moving the milestone, then comparing the old snapshot with now, finds the move.
    ok(
      await api("PATCH /api/items/{itemId}", {
        params: { itemId: board.milestone.id },
        token: cast.editor.token,
        ifMatch: board.milestone.version,
        json: { startDate: "2027-04-15", endDate: "2027-04-15" },
      }),
    );
    const diff = ok(
      await api("GET /api/roadmaps/{roadmapId}/diff", {
        params: { roadmapId: roadmap.id },
        token: cast.editor.token,
        query: { from: legacy.id, to: "now" },
      }),
    );
    expect(diff.diff.summary.moved).toBe(1);
  });

  it("an auto-schedule's packed snapshot undoes the run; a row with no document at all is refused", async () => {
    const board = await fresh();
    const run = await runAutoSchedule(getCtx().db, cast.editor.actor, board.roadmap.id, undefined, {
      mode: "earliest",
    });
    const [row] = await getCtx().db.select().from(snapshots).where(eq(snapshots.id, run.snapshotId!));
    const frozen = await storedDocument(row);
    expect(frozen.items.find((i) => i.id === board.feature.id)?.startDate).toBe("2027-02-01");
    const undone = await undoAutoSchedule(getCtx().db, cast.editor.actor, board.roadmap.id, run.snapshotId!);
    expect(undone.restored.map((r) => r.id).sort()).toEqual([board.feature.id, board.second.id].sort());

    const refused = await getCtx()
      .db.execute(sql`update snapshots set packed = null where id = ${run.snapshotId}`)
      .then(
        () => null,
        (error: { cause?: unknown }) => error,
      );
    // drizzle wraps the driver's error: the check's name is in its cause.
    expect(String(refused?.cause)).toMatch(/snapshots_document_present/);
  });
});
