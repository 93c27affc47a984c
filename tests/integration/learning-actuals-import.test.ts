// #18 the CSV import of actuals into a roadmap: hours per person and day and actual dates, all or
// nothing, every bad row named by its line, the same caps and progress stream as the plan imports.
import { eq, inArray } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { timeEntries } from "@/db/schema";
import { createItem } from "@/lib/services/items/create";
import { utcDate } from "@/lib/services/reviews/cadence";
import { addDays } from "@/lib/planning/civil-date";
import type { Item } from "@/lib/validation/timeline";
import { api, ROUTES, type ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createCastTeam, type Cast, type CastTeam, type TestUser } from "../helpers/fixtures";
import { ndjsonLines } from "../helpers/imports";
import { ok } from "../helpers/resources";
import { createBoardFixture, featureInput, milestoneInput, type BoardFixture } from "../helpers/timeline";

const TODAY = utcDate(new Date());
const YESTERDAY = addDays(TODAY, -1);

describeEachDatabase("the CSV import of actuals", (getCtx) => {
  let cast: Cast;
  let fx: CastTeam;
  let board: BoardFixture;
  let api1: Item;
  let api2: Item;
  let gate: Item;

  beforeAll(async () => {
    const { db } = getCtx();
    cast = await createCast(db);
    fx = await createCastTeam(db, cast);
    board = await createBoardFixture(db, cast.owner.actor, fx.team.id);
    const add = (input: Parameters<typeof createItem>[3]) =>
      createItem(db, cast.owner.actor, board.roadmap.id, input);
    api1 = await add(featureInput("Import target", "2027-02-01", "2027-02-05"));
    api2 = await add(featureInput("Second target", "2027-02-08", "2027-02-12"));
    gate = await add(milestoneInput("Import gate", "2027-02-15"));
  });

  const post = (csv: string, who: TestUser = cast.editor, headers: Record<string, string> = {}) =>
    api("POST /api/roadmaps/{roadmapId}/actuals-imports", {
      params: { roadmapId: board.roadmap.id },
      token: who.token,
      body: csv,
      headers: { "content-type": "text/csv", ...headers },
    });
  const entriesOf = (itemIds: string[]) =>
    getCtx().db.select().from(timeEntries).where(inArray(timeEntries.itemId, itemIds));
  const item = async (id: string) =>
    ok(await api("GET /api/items/{itemId}", { params: { itemId: id }, token: cast.viewer.token }))
      .item as Item;

  it("an editor imports hours per person and day and actual dates; 201 with the counts", async () => {
    const csv = [
      "item,date,hours,person,actual_start,actual_finish",
      `Import target,${YESTERDAY},6.5,${cast.owner.user.email},,`,
      `import target,${TODAY},2,,${YESTERDAY},`,
      `${api2.id},${TODAY},1.25,${cast.viewer.user.name},,`,
      `Import gate,,,,,${TODAY}`,
    ].join("\n");
    const body = ok(await post(csv), 201);
    expect(body).toEqual({ timeEntries: 3, totalHours: 9.75, items: 2 });
    const rows = await entriesOf([api1.id, api2.id]);
    expect(rows.map((r) => [r.itemId, r.personId, r.on, r.hours]).sort()).toEqual(
      [
        [api1.id, cast.owner.user.id, YESTERDAY, 6.5],
        [api1.id, cast.editor.user.id, TODAY, 2],
        [api2.id, cast.viewer.user.id, TODAY, 1.25],
      ].sort(),
    );
    expect((await item(api1.id)).actualStart).toBe(YESTERDAY);
    expect((await item(gate.id)).actualFinish).toBe(TODAY);
  });

  it("commenters and viewers: 403; an outsider: 404; nothing written", async () => {
    const csv = `item,date,hours\nSecond target,${TODAY},3\n`;
    const before = (await entriesOf([api2.id])).length;
    expectApiError(await post(csv, cast.commenter), 403, "forbidden");
    expectApiError(await post(csv, cast.viewer), 403, "forbidden");
    expectApiError(await post(csv, cast.outsider), 404, "not_found");
    expect((await entriesOf([api2.id])).length).toBe(before);
  });

  const refused = async (csv: string, status: number, code: string): Promise<ApiResponse> => {
    const before = (await entriesOf([api1.id, api2.id])).length;
    const res = await post(csv);
    expectApiError(res, status, code);
    expect((await entriesOf([api1.id, api2.id])).length).toBe(before);
    return res;
  };

  it("bad rows refuse the whole file, each named by its line", async () => {
    const res = await refused(
      `item,date,hours\nImport target,${TODAY},2\nImport target,${TODAY},-1\nSecond target,${TODAY},30\n`,
      400,
      "invalid_request",
    );
    expect(res.json.error.details.map((d: { path: string }) => d.path)).toEqual(["line 3", "line 4"]);
    expect(res.json.error.message).toMatch(/^2 rows could not be imported, so nothing was\. Line 3: /);
  });

  it("an unknown item or a person not in the team: 422 invalid_reference", async () => {
    const res = await refused(
      `item,date,hours,person\nNo such item,${TODAY},1,\nImport target,${TODAY},1,stranger@example.com\n`,
      422,
      "invalid_reference",
    );
    expect(res.json.error.details).toEqual([
      { path: "line 2", message: "no item “No such item” in this roadmap (give its title or id)." },
      { path: "line 3", message: "the person “stranger@example.com” is not a member of this team." },
    ]);
  });

  it("hours on a milestone, a future day, a finish before the stored start: 422 invalid_actuals", async () => {
    await refused(`item,date,hours\nImport gate,${TODAY},1\n`, 422, "invalid_actuals");
    await refused(`item,date,hours\nImport target,${addDays(TODAY, 1)},1\n`, 422, "invalid_actuals");
    // The stored actual start (yesterday, from the first test) is after this finish.
    const res = await refused(
      `item,actual_finish\nImport target,${addDays(YESTERDAY, -3)}\n`,
      422,
      "invalid_actuals",
    );
    expect(res.json.error.details[0].path).toBe("line 2");
    expect((await item(api1.id)).actualFinish).toBeNull();
  });

  it("an unreadable file or one without an item column: 400 naming the place; not CSV: 415", async () => {
    const res = await refused("date,hours\n2027-01-01,1\n", 400, "invalid_request");
    expect(res.json.error.message).toMatch(/line 1.*needs an item column/);
    await refused('item,date,hours\n"unclosed,2027-01-01,1\n', 400, "invalid_request");
    const json = await post('{"items": []}', cast.editor, { "content-type": "application/json" });
    expectApiError(json, 415, "unsupported_media_type");
  });

  it("streams progress lines, then the result, with Accept: application/x-ndjson", async () => {
    const req = new Request(`http://localhost/api/roadmaps/${board.roadmap.id}/actuals-imports`, {
      method: "POST",
      headers: {
        authorization: `Bearer ${cast.editor.token}`,
        "content-type": "text/csv",
        accept: "application/x-ndjson",
      },
      body: `item,date,hours\nSecond target,${TODAY},0.5\n`,
    });
    const route = ROUTES["POST /api/roadmaps/{roadmapId}/actuals-imports"];
    const res = await route(req, { params: Promise.resolve({ roadmapId: board.roadmap.id }) });
    const lines = ndjsonLines({
      status: res.status,
      text: await res.text(),
      headers: res.headers,
      json: undefined,
    });
    expect(lines.map((l) => l.type)).toEqual(["progress", "progress", "progress", "progress", "result"]);
    expect(lines.at(-1)).toEqual({
      type: "result",
      status: 201,
      body: { timeEntries: 1, totalHours: 0.5, items: 0 },
    });
    const rows = await getCtx().db.select().from(timeEntries).where(eq(timeEntries.itemId, api2.id));
    expect(rows.some((r) => r.hours === 0.5)).toBe(true);
  });
});
