import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { risks } from "@/db/schema";
import { deleteItem } from "@/lib/services/items/delete";
import { restoreItem } from "@/lib/services/items/restore";
import type { Team } from "@/lib/validation/teams";
import { etagVersion } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import {
  deleteRisk,
  listRisks,
  ok,
  openEventStream,
  patchRisk,
  postRisk,
  resourceState,
  restoreRisk,
} from "../helpers/resources";
import { createBoardFixture, roadmapActivity, type BoardFixture } from "../helpers/timeline";

const RISK_KEYS = [
  "contingency",
  "createdAt",
  "delayDays",
  "description",
  "id",
  "impact",
  "itemIds",
  "kind",
  "likelihood",
  "needsContingency",
  "ownerId",
  "roadmapId",
  "score",
  "status",
  "title",
  "updatedAt",
  "version",
];

describeEachDatabase("risk register", (getCtx) => {
  let owner: TestUser;
  let editor: TestUser;
  let viewer: TestUser;
  let stranger: TestUser;
  let team: Team;
  let board: BoardFixture;
  /** Another roadmap of the same team. */
  let sibling: BoardFixture;
  /** A roadmap of another team. */
  let foreign: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    [owner, editor, viewer, stranger] = await Promise.all(
      ["owner", "editor", "viewer", "stranger"].map((label) => createUser(db, label)),
    );
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: viewer, role: "viewer" },
    ]);
    board = await createBoardFixture(db, owner.actor, team.id, { title: "Risky" });
    sibling = await createBoardFixture(db, owner.actor, team.id, { title: "Sibling" });
    const otherTeam = await createTeamWithMembers(db, stranger);
    foreign = await createBoardFixture(db, stranger.actor, otherTeam.id, { title: "Foreign" });
  });

  const vendorRisk = (extra: Record<string, unknown> = {}) => ({
    title: "Payment vendor slips its API",
    kind: "dependency",
    likelihood: 3,
    impact: 4,
    ...extra,
  });

  const create = async (extra: Record<string, unknown> = {}, roadmapId = board.roadmap.id) =>
    ok(await postRisk(editor.token, roadmapId, vendorRisk(extra)), 201).risk;

  describe("creating", () => {
    it("answers the risk with its score, links and version; the list shows it", async () => {
      const res = await postRisk(
        editor.token,
        board.roadmap.id,
        vendorRisk({
          description: "They have missed two dates already.",
          itemIds: [board.second.id, board.feature.id, board.feature.id],
          ownerId: viewer.user.id,
          delayDays: 10,
          contingency: "  Fall back to the old gateway.  ",
        }),
      );
      const { risk } = ok(res, 201);
      expect(Object.keys(risk).sort()).toEqual(RISK_KEYS);
      expect(risk).toMatchObject({
        roadmapId: board.roadmap.id,
        title: "Payment vendor slips its API",
        description: "They have missed two dates already.",
        kind: "dependency",
        likelihood: 3,
        impact: 4,
        score: 12,
        // In timeline order, each once.
        itemIds: [board.feature.id, board.second.id],
        ownerId: viewer.user.id,
        status: "open",
        delayDays: 10,
        contingency: "Fall back to the old gateway.",
        needsContingency: false,
        version: 1,
      });
      expect(etagVersion(res)).toBe(1);
      const listed = ok(await listRisks(viewer.token, board.roadmap.id)).items;
      expect(listed).toContainEqual(risk);
    });

    it("likelihood or impact 0 or 6, a fraction, an unknown kind or status: 400, nothing changes", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      const cases: [Record<string, unknown>, string[]][] = [
        [{ likelihood: 0 }, ["likelihood"]],
        [{ likelihood: 6 }, ["likelihood"]],
        [{ impact: 0 }, ["impact"]],
        [{ impact: 6 }, ["impact"]],
        [{ likelihood: 2.5 }, ["likelihood"]],
        [{ kind: "market" }, ["kind"]],
        [{ status: "done" }, ["status"]],
        [{ delayDays: -1 }, ["delayDays"]],
        [{ title: "  " }, ["title"]],
        [{ itemIds: ["not-an-id"] }, ["itemIds.0"]],
      ];
      for (const [extra, paths] of cases) {
        const res = await postRisk(editor.token, board.roadmap.id, vendorRisk(extra));
        expect({ extra, paths: expectInvalidRequest(res) }).toEqual({ extra, paths });
      }
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it("an item of another roadmap of the team: 422 cross_roadmap naming it, nothing changes", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      const res = await postRisk(
        editor.token,
        board.roadmap.id,
        vendorRisk({ itemIds: [board.feature.id, sibling.milestone.id] }),
      );
      expectApiError(res, 422, "cross_roadmap");
      expect(res.json.error.details).toEqual({ itemIds: [sibling.milestone.id] });
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it("an unknown item, a deleted one or another team's: 422 invalid_reference (the other team's is not revealed)", async () => {
      const { db } = getCtx();
      const doomed = await createBoardFixture(db, owner.actor, team.id, { title: "Doomed items" });
      await deleteItem(db, owner.actor, doomed.second.id, doomed.second.version);
      const before = await resourceState(db, doomed.roadmap.id);
      for (const itemId of ["00000000-0000-4000-8000-000000000000", doomed.second.id, foreign.feature.id]) {
        const res = await postRisk(editor.token, doomed.roadmap.id, vendorRisk({ itemIds: [itemId] }));
        expectApiError(res, 422, "invalid_reference");
        expect(res.json.error.details).toEqual([
          { path: "itemIds", message: expect.any(String), itemIds: [itemId] },
        ]);
      }
      expect(await resourceState(db, doomed.roadmap.id)).toEqual(before);
    });

    it("an owner who is not a member of the team: 422 invalid_reference, nothing changes", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      const res = await postRisk(editor.token, board.roadmap.id, vendorRisk({ ownerId: stranger.user.id }));
      expectApiError(res, 422, "invalid_reference");
      expect(res.json.error.details).toEqual([{ path: "ownerId", message: expect.any(String) }]);
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it("a viewer cannot add a risk: 403, nothing changes", async () => {
      const { db } = getCtx();
      const before = await resourceState(db, board.roadmap.id);
      expectApiError(await postRisk(viewer.token, board.roadmap.id, vendorRisk()), 403, "forbidden");
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });
  });

  describe("score and contingency", () => {
    it("needsContingency: score >= 15 without a plan; false once one is written, when closed, or below 15", async () => {
      const high = await create({ likelihood: 5, impact: 3 });
      expect(high).toMatchObject({ score: 15, contingency: null, needsContingency: true });

      const blank = ok(await patchRisk(editor.token, high.id, 1, { contingency: "   " })).risk;
      // Blank is no plan at all: stored as none, still flagged, and nothing changed.
      expect(blank).toMatchObject({ contingency: null, needsContingency: true, version: 1 });

      const planned = ok(
        await patchRisk(editor.token, high.id, 1, { contingency: "Contract a second vendor." }),
      ).risk;
      expect(planned).toMatchObject({
        contingency: "Contract a second vendor.",
        needsContingency: false,
        version: 2,
      });

      const removed = ok(await patchRisk(editor.token, high.id, 2, { contingency: null })).risk;
      expect(removed).toMatchObject({ needsContingency: true, version: 3 });

      const closed = ok(await patchRisk(editor.token, high.id, 3, { status: "closed" })).risk;
      expect(closed).toMatchObject({ needsContingency: false, version: 4 });

      const below = await create({ likelihood: 2, impact: 5 });
      expect(below).toMatchObject({ score: 10, needsContingency: false });
      const top = await create({ likelihood: 5, impact: 5 });
      expect(top).toMatchObject({ score: 25, needsContingency: true });
    });

    it("the list: live risks only, highest score first, then oldest first", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Ranked" });
      const id = fx.roadmap.id;
      const a = await create({ title: "A", likelihood: 2, impact: 3 }, id);
      const b = await create({ title: "B", likelihood: 4, impact: 4 }, id);
      const c = await create({ title: "C", likelihood: 3, impact: 2 }, id);
      const d = await create({ title: "D", likelihood: 5, impact: 5 }, id);
      const e = await create({ title: "E", likelihood: 1, impact: 1 }, id);
      ok(await deleteRisk(editor.token, d.id, d.version));
      const listed = ok(await listRisks(viewer.token, id)).items as { id: string; score: number }[];
      expect(listed.map((r) => r.id)).toEqual([b.id, a.id, c.id, e.id]);
      expect(listed.map((r) => r.score)).toEqual([16, 6, 6, 1]);
    });
  });

  describe("changing, deleting, restoring", () => {
    it("PATCH changes the fields named, moves the version, and checks links and owner like create", async () => {
      const { db } = getCtx();
      const risk = await create({ itemIds: [board.feature.id] });
      const changed = ok(
        await patchRisk(editor.token, risk.id, 1, {
          likelihood: 4,
          itemIds: [board.milestone.id],
          ownerId: editor.user.id,
        }),
      ).risk;
      expect(changed).toMatchObject({
        likelihood: 4,
        impact: 4,
        score: 16,
        itemIds: [board.milestone.id],
        ownerId: editor.user.id,
        title: risk.title,
        version: 2,
      });

      const before = await resourceState(db, board.roadmap.id);
      expectApiError(
        await patchRisk(editor.token, risk.id, 2, { itemIds: [sibling.feature.id] }),
        422,
        "cross_roadmap",
      );
      expectApiError(
        await patchRisk(editor.token, risk.id, 2, { ownerId: stranger.user.id }),
        422,
        "invalid_reference",
      );
      expectInvalidRequest(await patchRisk(editor.token, risk.id, 2, { impact: 6 }));
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it("PATCH without If-Match: 428; with a stale version: 412 with the risk as it is now; nothing changes", async () => {
      const { db } = getCtx();
      const risk = await create();
      const now = ok(await patchRisk(editor.token, risk.id, 1, { title: "Renamed" })).risk;
      const before = await resourceState(db, board.roadmap.id);
      expectApiError(
        await patchRisk(editor.token, risk.id, undefined, { title: "Again" }),
        428,
        "precondition_required",
      );
      const stale = await patchRisk(editor.token, risk.id, 1, { title: "Again" });
      expectApiError(stale, 412, "version_mismatch");
      expect(stale.json.current).toEqual(now);
      expect(etagVersion(stale)).toBe(2);
      expectApiError(await deleteRisk(editor.token, risk.id), 428, "precondition_required");
      expectApiError(await deleteRisk(editor.token, risk.id, 1), 412, "version_mismatch");
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it("two PATCHes with the same If-Match at once: exactly one wins", async () => {
      const risk = await create();
      const results = await Promise.all([
        patchRisk(editor.token, risk.id, 1, { title: "From the editor" }),
        patchRisk(owner.token, risk.id, 1, { title: "From the owner" }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 412]);
      const [row] = await getCtx().db.select().from(risks).where(eq(risks.id, risk.id));
      expect(row.version).toBe(2);
      expect(row.title).toBe(results.find((r) => r.status === 200)!.json.risk.title);
    });

    it("DELETE hides the risk (404 on PATCH), restore brings it back with its links", async () => {
      const risk = await create({ itemIds: [board.second.id] });
      const deleted = ok(await deleteRisk(editor.token, risk.id, 1));
      expect(deleted.risk.version).toBe(2);
      let listed = ok(await listRisks(viewer.token, board.roadmap.id)).items as { id: string }[];
      expect(listed.map((r) => r.id)).not.toContain(risk.id);
      expectApiError(await patchRisk(editor.token, risk.id, 2, { title: "Ghost" }), 404, "not_found");
      expectApiError(await deleteRisk(editor.token, risk.id, 2), 404, "not_found");

      const restored = ok(await restoreRisk(editor.token, risk.id)).risk;
      expect(restored).toMatchObject({ id: risk.id, version: 3, itemIds: [board.second.id] });
      // Restoring a live risk changes nothing.
      expect(ok(await restoreRisk(editor.token, risk.id)).risk).toEqual(restored);
      listed = ok(await listRisks(viewer.token, board.roadmap.id)).items;
      expect(listed.map((r) => r.id)).toContain(risk.id);
    });

    it("a risk deleted more than 30 days ago cannot be restored: 404", async () => {
      const { db } = getCtx();
      const risk = await create();
      ok(await deleteRisk(editor.token, risk.id, 1));
      await db
        .update(risks)
        .set({ deletedAt: new Date(Date.now() - 31 * 86_400_000) })
        .where(eq(risks.id, risk.id));
      const before = await resourceState(db, board.roadmap.id);
      expectApiError(await restoreRisk(editor.token, risk.id), 404, "not_found");
      expect(await resourceState(db, board.roadmap.id)).toEqual(before);
    });

    it("a linked item that is deleted drops out of itemIds and comes back when it is restored", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Linked" });
      const risk = await create({ itemIds: [fx.feature.id, fx.second.id] }, fx.roadmap.id);
      await deleteItem(db, owner.actor, fx.second.id, fx.second.version);
      let listed = ok(await listRisks(viewer.token, fx.roadmap.id)).items;
      expect(listed[0].itemIds).toEqual([fx.feature.id]);
      await restoreItem(db, owner.actor, fx.second.id);
      listed = ok(await listRisks(viewer.token, fx.roadmap.id)).items;
      expect(listed[0]).toMatchObject({ id: risk.id, itemIds: [fx.feature.id, fx.second.id] });
    });
  });

  describe("activity and live events", () => {
    it("create, change, delete and restore each log one row (entity risk, no item) and announce it with the next seq", async () => {
      const { db } = getCtx();
      const fx = await createBoardFixture(db, owner.actor, team.id, { title: "Logged risks" });
      const id = fx.roadmap.id;
      const { reader, hello } = await openEventStream(id, viewer);
      let risk: { id: string };
      try {
        risk = ok(await postRisk(editor.token, id, vendorRisk({ itemIds: [fx.feature.id] })), 201).risk;
        ok(await patchRisk(editor.token, risk.id, 1, { likelihood: 5, itemIds: [], contingency: "Plan B" }));
        // No change, no version, no log entry.
        ok(await patchRisk(editor.token, risk.id, 2, { likelihood: 5 }));
        expectApiError(await patchRisk(editor.token, risk.id, 1, { likelihood: 1 }), 412, "version_mismatch");
        ok(await deleteRisk(owner.token, risk.id, 2));
        ok(await restoreRisk(owner.token, risk.id));
        await reader.waitFor((d) => d.entity === "risk" && d.type === "restored");
        const events = reader.events.filter((e) => e.data.entity === "risk").map((e) => e.data);
        expect(events.map((e) => [e.type, e.version, e.seq, e.id, e.itemId])).toEqual([
          ["created", 1, hello.seq + 1, risk.id, null],
          ["updated", 2, hello.seq + 2, risk.id, null],
          ["deleted", 3, hello.seq + 3, risk.id, null],
          ["restored", 4, hello.seq + 4, risk.id, null],
        ]);
      } finally {
        reader.close();
      }
      const log = (await roadmapActivity(db, id)).filter((a) => a.entity === "risk");
      expect(
        log.map(({ actorId, entityId, action, changes }) => ({ actorId, entityId, action, changes })),
      ).toEqual([
        {
          actorId: editor.user.id,
          entityId: risk.id,
          action: "created",
          changes: {
            title: "Payment vendor slips its API",
            kind: "dependency",
            likelihood: 3,
            impact: 4,
            status: "open",
            version: 1,
          },
        },
        {
          actorId: editor.user.id,
          entityId: risk.id,
          action: "updated",
          changes: {
            likelihood: { from: 3, to: 5 },
            itemIds: { from: [fx.feature.id], to: [] },
            contingency: { from: null, to: "Plan B" },
            version: 2,
          },
        },
        {
          actorId: owner.user.id,
          entityId: risk.id,
          action: "deleted",
          changes: { title: "Payment vendor slips its API", version: 3 },
        },
        { actorId: owner.user.id, entityId: risk.id, action: "restored", changes: { version: 4 } },
      ]);
      expect(log.map((a) => a.seq)).toEqual([1, 2, 3, 4].map((n) => hello.seq + n));
      expect((await resourceState(db, id)).seq).toBe(hello.seq + 4);
    });
  });
});
