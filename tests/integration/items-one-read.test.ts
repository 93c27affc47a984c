// The one-read loaders (JSON built in the database) answer exactly what loadItems and
// loadDependencies answer: every field, estimates, skills, actuals, deleted rows left out.
import { eq, sql } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { items, itemSkills } from "@/db/schema";
import { loadDependencies } from "@/lib/services/dependencies/edges";
import { loadDependenciesInOneRead, loadItemsInOneRead } from "@/lib/services/items/one-read";
import { loadItems } from "@/lib/services/items/rows";
import { createSkill } from "@/lib/services/staffing/skills";
import type { Item } from "@/lib/validation/timeline";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createTeamWithMembers, type Cast } from "../helpers/fixtures";
import { createBoardFixture } from "../helpers/timeline";

describeEachDatabase("items and links in one read", (getCtx) => {
  let cast: Cast;
  let teamId: string;

  beforeAll(async () => {
    cast = await createCast(getCtx().db);
    teamId = (await createTeamWithMembers(getCtx().db, cast.owner, [])).id;
  });

  const byId = <T extends { id: string }>(list: T[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
  // Neither loader orders an item's skills.
  const normalised = (list: Item[]) =>
    byId(list).map((i) => ({
      ...i,
      skills: [...i.skills].sort((a, b) => a.skillId.localeCompare(b.skillId)),
    }));

  it("answers what the row-by-row loaders answer", async () => {
    const { db } = getCtx();
    const board = await createBoardFixture(db, cast.owner.actor, teamId);
    const [backend, design] = [
      await createSkill(db, cast.owner.actor, teamId, { name: "Backend" }),
      await createSkill(db, cast.owner.actor, teamId, { name: "Design" }),
    ];
    await db.insert(itemSkills).values([
      { itemId: board.feature.id, skillId: backend.id, hours: 12.5 },
      { itemId: board.feature.id, skillId: design.id, hours: 0.1 + 0.2 },
    ]);
    await db
      .update(items)
      .set({
        actualStart: "2027-02-02",
        remainingHours: 7.25,
        ownerId: cast.owner.user.id,
        description: "Line one\n“two” \\ three",
        status: "in_progress",
      })
      .where(eq(items.id, board.feature.id));
    // A deleted item drops out, with its links.
    await db.execute(sql`update items set deleted_at = now() where id = ${board.milestone.id}`);
    await db.execute(sql`
      insert into dependencies (roadmap_id, from_id, to_id, lag_days)
      values (${board.roadmap.id}, ${board.second.id}, ${board.milestone.id}, 3)`);

    const rows = await loadItems(db, board.roadmap.id);
    const oneRead = await loadItemsInOneRead(db, board.roadmap.id);
    expect(oneRead.map((i) => i.id)).toEqual(rows.map((i) => i.id));
    expect(normalised(oneRead)).toEqual(normalised(rows));
    expect(oneRead.find((i) => i.id === board.feature.id)?.skills).toHaveLength(2);

    const live = new Set(rows.map((i) => i.id));
    const links = await loadDependencies(db, board.roadmap.id, live);
    expect(links).toHaveLength(1);
    expect(byId(await loadDependenciesInOneRead(db, board.roadmap.id, live))).toEqual(byId(links));
  });

  it("answers empty lists for a roadmap with nothing on it", async () => {
    const { db } = getCtx();
    const board = await createBoardFixture(db, cast.owner.actor, teamId);
    await db.execute(sql`update items set deleted_at = now() where roadmap_id = ${board.roadmap.id}`);
    expect(await loadItemsInOneRead(db, board.roadmap.id)).toEqual([]);
    expect(await loadDependenciesInOneRead(db, board.roadmap.id, new Set())).toEqual([]);
  });
});
