// insertRecordset writes rows exactly as drizzle's insert would: same values, same defaults.
import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { items, workstreams } from "@/db/schema";
import { insertRecordset } from "@/lib/services/kernel/bulk-insert";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createTeamWithMembers, type Cast } from "../helpers/fixtures";

describeEachDatabase("bulk insert from a JSON recordset", (getCtx) => {
  let cast: Cast;
  let teamId: string;

  beforeAll(async () => {
    cast = await createCast(getCtx().db);
    teamId = (await createTeamWithMembers(getCtx().db, cast.owner, [])).id;
  });

  it("writes the same rows as a multi-row INSERT, defaults and awkward text included", async () => {
    const { db } = getCtx();
    const roadmapOf = async (title: string) =>
      (await createRoadmap(db, cast.owner.actor, teamId, { title, startDate: "2027-01-04" })).id;
    const [viaValues, viaRecordset] = [await roadmapOf("Values"), await roadmapOf("Recordset")];
    const rowsFor = (roadmapId: string) =>
      Array.from({ length: 30 }, (_, i) => ({
        roadmapId,
        kind: i % 5 === 4 ? ("milestone" as const) : ("feature" as const),
        title: `Item ${i} “quoted” \\ back'slash \u2028 ${"é".repeat(i)}`,
        description: i % 2 ? null : "two\nlines",
        startDate: "2027-02-01",
        endDate: i % 5 === 4 ? "2027-02-01" : "2027-02-12",
        outcome: i % 5 === 4 ? "Shipped" : null,
        isKey: i % 3 === 0,
        status: "planned" as const,
        optimisticHours: i % 2 ? 0.1 + i : null,
        likelyHours: i % 2 ? 1e-7 * i + 2 : null,
        pessimisticHours: i % 2 ? 1234567.891 : null,
        ownerId: i % 4 ? null : cast.owner.user.id,
      }));
    await db.insert(items).values(rowsFor(viaValues));
    await insertRecordset(db, items, rowsFor(viaRecordset));
    await insertRecordset(db, workstreams, []);

    const read = async (roadmapId: string) =>
      (await db.select().from(items).where(eq(items.roadmapId, roadmapId)).orderBy(items.title)).map(
        ({ id, roadmapId: _r, createdAt, updatedAt, ...rest }) => {
          expect(id).toMatch(/^[0-9a-f-]{36}$/);
          expect(createdAt).toBeInstanceOf(Date);
          expect(updatedAt).toBeInstanceOf(Date);
          return rest;
        },
      );
    const expected = await read(viaValues);
    expect(expected).toHaveLength(30);
    expect(await read(viaRecordset)).toEqual(expected);
  });
});
