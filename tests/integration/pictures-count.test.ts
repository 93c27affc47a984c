// The count a picture is refused by (before anything is loaded) is the number of items the picture
// would show: the database's count and visibleItems agree for every audience, for a share link
// (no cut items) and for a range.
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { visibleItems } from "@/lib/exports/timeline/picture-model";
import { AUDIENCES } from "@/lib/validation/communication-kinds";
import { countPictureItems } from "@/lib/services/exports/picture-count";
import { loadPictureInput, pictureRange } from "@/lib/services/exports/picture-data";
import { accessRoadmap } from "@/lib/services/kernel/roadmap-access";
import { describeEachDatabase } from "../helpers/database";
import { createCast, createCastTeam, type Cast } from "../helpers/fixtures";
import { createPictureFixture, PICTURE_NOW, type PictureFixture } from "../helpers/picture-fixture";

describeEachDatabase("timeline pictures: the items counted before loading", (getCtx) => {
  let cast: Cast;
  let fx: PictureFixture;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: PICTURE_NOW });
    const { db } = getCtx();
    cast = await createCast(db);
    const { team } = await createCastTeam(db, cast);
    fx = await createPictureFixture(db, cast.owner.actor, team.id, cast.editor.user.id);
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  it("counts what visibleItems shows, for each audience, share link and range", async () => {
    const { db } = getCtx();
    const { roadmap } = await accessRoadmap(db, cast.owner.actor, fx.roadmapId, "team.read");
    const ranges = [{}, { from: "2027-03-01", to: "2027-04-30" }];
    const seen = new Set<number>();
    for (const audience of AUDIENCES)
      for (const forShare of [false, true])
        for (const asked of ranges) {
          const range = pictureRange(roadmap, asked.from, asked.to);
          const input = await loadPictureInput(db, roadmap, {
            audience,
            ...asked,
            scale: "quarters",
            forShare,
            now: PICTURE_NOW,
            locale: "en-GB",
          });
          const shown = visibleItems(input).length;
          expect(await countPictureItems(db, roadmap.id, { ...range, audience, forShare })).toBe(shown);
          seen.add(shown);
        }
    // The cases differ, so the rules (cut, milestones, range) are each exercised.
    expect(seen.size).toBeGreaterThan(2);
  });
});
