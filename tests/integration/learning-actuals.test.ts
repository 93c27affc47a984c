// #18 actuals through the API: the item PATCH's actual dates and remaining hours, and time entries,
// for every role and every bad input of the issue.
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { activity, timeEntries } from "@/db/schema";
import { createItem } from "@/lib/services/items/create";
import { updateItem } from "@/lib/services/items/update";
import { utcDate } from "@/lib/services/reviews/cadence";
import { addDays } from "@/lib/planning/civil-date";
import type { Item } from "@/lib/validation/timeline";
import { api } from "../helpers/api";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createCastTeam, createUser, type Cast, type CastTeam } from "../helpers/fixtures";
import { ok } from "../helpers/resources";
import { createBoardFixture, featureInput, type BoardFixture } from "../helpers/timeline";

const TODAY = utcDate(new Date());
const TOMORROW = addDays(TODAY, 1);
const EDITORS = ["owner", "editor"] as const;
const READ_ONLY = ["commenter", "viewer"] as const;

describeEachDatabase("actuals and time entries", (getCtx) => {
  let cast: Cast;
  let fx: CastTeam;
  let board: BoardFixture;

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    fx = await createCastTeam(db, cast);
    board = await createBoardFixture(db, cast.owner.actor, fx.team.id);
  });

  const current = async (itemId: string) =>
    ok(await api("GET /api/items/{itemId}", { params: { itemId }, token: cast.viewer.token })).item as Item;
  const patch = async (itemId: string, json: unknown, token = cast.editor.token) =>
    api("PATCH /api/items/{itemId}", {
      params: { itemId },
      token,
      ifMatch: (await current(itemId)).version,
      json,
    });
  const logHours = (itemId: string, json: unknown, token = cast.editor.token) =>
    api("POST /api/items/{itemId}/time-entries", { params: { itemId }, token, json });
  const newFeature = (title: string) =>
    createItem(
      getCtx().db,
      cast.owner.actor,
      board.roadmap.id,
      featureInput(title, "2027-02-01", "2027-02-05"),
    );

  describe("the item PATCH", () => {
    it("owners and editors store actual dates and remaining hours; the answer and the activity carry them", async () => {
      for (const who of EDITORS) {
        const item = await newFeature(`Actuals by ${who}`);
        const json = { actualStart: "2026-11-02", actualFinish: "2026-11-06", remainingHours: 4.5 };
        const body = ok(await patch(item.id, json, cast[who].token));
        expect(body.item).toMatchObject(json);
        expect(await current(item.id)).toMatchObject(json);
        const [logged] = await getCtx()
          .db.select({ changes: activity.changes })
          .from(activity)
          .where(and(eq(activity.entityId, item.id), eq(activity.action, "updated")));
        expect(Object.keys(logged.changes as object)).toEqual(
          expect.arrayContaining(["actualStart", "actualFinish", "remainingHours"]),
        );
      }
    });

    it("commenters and viewers: 403; an outsider: 404; nothing changes", async () => {
      const item = await newFeature("Guarded actuals");
      for (const who of READ_ONLY) {
        expectApiError(
          await patch(item.id, { actualStart: "2026-11-02" }, cast[who].token),
          403,
          "forbidden",
        );
      }
      expectApiError(
        await patch(item.id, { actualStart: "2026-11-02" }, cast.outsider.token),
        404,
        "not_found",
      );
      expect((await current(item.id)).actualStart).toBeNull();
    });

    it("a status change fills the dates in: in progress starts today, done finishes today", async () => {
      const item = await newFeature("Started and finished");
      expect(ok(await patch(item.id, { status: "in_progress" })).item).toMatchObject({
        actualStart: TODAY,
        actualFinish: null,
      });
      expect(ok(await patch(item.id, { status: "done" })).item).toMatchObject({
        actualStart: TODAY,
        actualFinish: TODAY,
      });
    });

    it("finish before start, or either in the future: 422 invalid_actuals naming the field", async () => {
      const item = await newFeature("Bad actuals");
      const cases: [object, string][] = [
        [{ actualStart: "2026-11-06", actualFinish: "2026-11-02" }, "actualFinish"],
        [{ actualStart: TOMORROW }, "actualStart"],
        [{ actualFinish: TOMORROW }, "actualFinish"],
      ];
      for (const [json, path] of cases) {
        const res = await patch(item.id, json);
        expectApiError(res, 422, "invalid_actuals");
        expect(res.json.error.details.map((d: { path: string }) => d.path)).toContain(path);
      }
      // Against what is stored: a finish before the stored start.
      ok(await patch(item.id, { actualStart: "2026-11-10" }));
      expectApiError(await patch(item.id, { actualFinish: "2026-11-09" }), 422, "invalid_actuals");
      expect(await current(item.id)).toMatchObject({ actualStart: "2026-11-10", actualFinish: null });
    });

    it("negative remaining hours or a date that is not one: 400", async () => {
      const item = await newFeature("Malformed actuals");
      expect(expectInvalidRequest(await patch(item.id, { remainingHours: -1 }))).toEqual(["remainingHours"]);
      expect(expectInvalidRequest(await patch(item.id, { actualStart: "2 November" }))).toEqual([
        "actualStart",
      ]);
    });
  });

  describe("time entries", () => {
    it("owners and editors log hours (the caller by default, or a member); everyone in the team reads them", async () => {
      const item = await newFeature("Logged work");
      const mine = ok(await logHours(item.id, { on: "2026-11-02", hours: 6.5 }, cast.owner.token), 201);
      expect(mine.timeEntry).toMatchObject({
        itemId: item.id,
        on: "2026-11-02",
        hours: 6.5,
        personId: cast.owner.user.id,
      });
      const theirs = ok(
        await logHours(item.id, {
          on: "2026-11-03",
          hours: 1.25,
          personId: cast.viewer.user.id,
          note: "pairing",
        }),
        201,
      );
      expect(theirs.timeEntry).toMatchObject({
        personId: cast.viewer.user.id,
        createdBy: cast.editor.user.id,
      });
      for (const who of ["owner", "editor", "commenter", "viewer"] as const) {
        const list = ok(
          await api("GET /api/items/{itemId}/time-entries", {
            params: { itemId: item.id },
            token: cast[who].token,
          }),
        );
        expect(list.totalHours).toBe(7.75);
        expect(list.items.map((e: { on: string }) => e.on)).toEqual(["2026-11-03", "2026-11-02"]);
      }
      const outsider = await api("GET /api/items/{itemId}/time-entries", {
        params: { itemId: item.id },
        token: cast.outsider.token,
      });
      expectApiError(outsider, 404, "not_found");
    });

    it("commenters and viewers: 403 to log or delete; an outsider: 404; the entries stay", async () => {
      const item = await newFeature("Guarded hours");
      const entry = ok(await logHours(item.id, { on: "2026-11-02", hours: 2 }), 201).timeEntry;
      const remove = (token: string) =>
        api("DELETE /api/time-entries/{timeEntryId}", { params: { timeEntryId: entry.id }, token });
      for (const who of READ_ONLY) {
        expectApiError(
          await logHours(item.id, { on: "2026-11-02", hours: 2 }, cast[who].token),
          403,
          "forbidden",
        );
        expectApiError(await remove(cast[who].token), 403, "forbidden");
      }
      expectApiError(
        await logHours(item.id, { on: "2026-11-02", hours: 2 }, cast.outsider.token),
        404,
        "not_found",
      );
      expectApiError(await remove(cast.outsider.token), 404, "not_found");
      const stored = await getCtx().db.select().from(timeEntries).where(eq(timeEntries.itemId, item.id));
      expect(stored).toHaveLength(1);
      expect(ok(await remove(cast.editor.token))).toEqual({ ok: true });
      expectApiError(await remove(cast.editor.token), 404, "not_found");
    });

    it("zero, negative or over-24 hours, or three decimals: 400 naming hours", async () => {
      for (const hours of [0, -1, 24.5, 1.005]) {
        expect(expectInvalidRequest(await logHours(board.feature.id, { on: "2026-11-02", hours }))).toEqual([
          "hours",
        ]);
      }
    });

    it("on a milestone, a cut item or a future day: 422 invalid_actuals", async () => {
      expectApiError(
        await logHours(board.milestone.id, { on: "2026-11-02", hours: 1 }),
        422,
        "invalid_actuals",
      );
      const cut = await newFeature("Cut work");
      await updateItem(getCtx().db, cast.owner.actor, cut.id, cut.version, { status: "cut" });
      expectApiError(await logHours(cut.id, { on: "2026-11-02", hours: 1 }), 422, "invalid_actuals");
      const future = await logHours(board.feature.id, { on: TOMORROW, hours: 1 });
      expectApiError(future, 422, "invalid_actuals");
      expect(future.json.error.details).toEqual([{ path: "on", message: expect.any(String) }]);
    });

    it("a person who is not in the team: 422 invalid_reference; nothing is logged", async () => {
      const stranger = await createUser(getCtx().db, "stranger");
      const before = await getCtx()
        .db.select()
        .from(timeEntries)
        .where(eq(timeEntries.itemId, board.feature.id));
      for (const personId of [stranger.user.id, cast.outsider.user.id]) {
        const res = await logHours(board.feature.id, { on: "2026-11-02", hours: 1, personId });
        expectApiError(res, 422, "invalid_reference");
        expect(res.json.error.details[0].path).toBe("personId");
      }
      const after = await getCtx()
        .db.select()
        .from(timeEntries)
        .where(eq(timeEntries.itemId, board.feature.id));
      expect(after).toEqual(before);
    });
  });
});
