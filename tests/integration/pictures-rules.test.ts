import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { items } from "@/db/schema";
import { MAX_PICTURE_ITEMS } from "@/lib/exports/timeline/render";
import { createItem } from "@/lib/services/items/create";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { listShareLinks, revokeShareLink } from "@/lib/services/share-links/share-links";
import { createWorkstream } from "@/lib/services/workstreams/workstreams";
import type { Team } from "@/lib/validation/teams";
import { expectApiError, expectInvalidRequest } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { officeText, readPdf, readPptx } from "../helpers/documents";
import { createCast, createCastTeam, type Cast } from "../helpers/fixtures";
import { createPictureFixture, PICTURE_NOW, type PictureFixture } from "../helpers/picture-fixture";
import { exportPictureAs, exportShared, type Download } from "../helpers/picture-requests";
import { HOSTILE_TITLES } from "../helpers/pictures";
import { featureInput, MONDAY } from "../helpers/timeline";
import { findAll, parseXml } from "../helpers/xml-tree";

/** Every word a file may show, from whatever format it is. */
async function wordsOf(format: string, res: Download): Promise<string> {
  if (format === "pdf") return (await readPdf(res.bytes)).map((p) => p.text).join(" ");
  if (format === "pptx") {
    const deck = await readPptx(res.bytes);
    const parts = await Promise.all(
      deck.files.filter((f) => f.endsWith(".xml")).map((f) => deck.zip.file(f)!.async("string")),
    );
    return parts.join(" ");
  }
  return res.text;
}

describeEachDatabase("timeline pictures: rules", (getCtx) => {
  let cast: Cast;
  let team: Team;
  let fx: PictureFixture;

  beforeAll(async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: PICTURE_NOW });
    const { db } = getCtx();
    cast = await createCast(db);
    ({ team } = await createCastTeam(db, cast));
    fx = await createPictureFixture(db, cast.owner.actor, team.id, cast.editor.user.id);
  });
  afterAll(() => {
    vi.useRealTimers();
  });

  describe("bad input", () => {
    it("an unknown format, audience, scale or paper, or a malformed date, is a 400 naming the field", async () => {
      const ask = (query: Record<string, string>) => exportPictureAs(cast.viewer, fx.roadmapId, query);
      expect(expectInvalidRequest(await ask({ format: "gif" }))).toEqual(["format"]);
      expect(expectInvalidRequest(await ask({ format: "svg", audience: "board" }))).toEqual(["audience"]);
      expect(expectInvalidRequest(await ask({ format: "png", scale: "weeks" }))).toEqual(["scale"]);
      expect(expectInvalidRequest(await ask({ format: "pdf", paper: "a5" }))).toEqual(["paper"]);
      expect(expectInvalidRequest(await ask({ format: "pdf", from: "2027-02-30" }))).toEqual(["from"]);
      expect(expectInvalidRequest(await exportShared(fx.tokens.product, { format: "csv" }))).toEqual([
        "format",
      ]);
    });

    it("from after to, or a range leaving the horizon, is 422 outside_horizon with the horizon in details", async () => {
      for (const format of ["svg", "png", "pdf", "pptx"]) {
        const reversed = await exportPictureAs(cast.viewer, fx.roadmapId, {
          format,
          from: "2027-05-01",
          to: "2027-03-01",
        });
        expectApiError(reversed, 422, "outside_horizon");
        expect(reversed.json.error.details).toEqual({
          from: "2027-05-01",
          to: "2027-03-01",
          horizonStart: MONDAY,
          horizonEnd: "2028-01-03",
        });
        expectApiError(
          await exportPictureAs(cast.viewer, fx.roadmapId, { format, from: "2026-12-01" }),
          422,
          "outside_horizon",
        );
        expectApiError(
          await exportPictureAs(cast.viewer, fx.roadmapId, { format, to: "2028-06-30" }),
          422,
          "outside_horizon",
        );
        expectApiError(
          await exportShared(fx.tokens.engineering, { format, to: "2030-01-01" }),
          422,
          "outside_horizon",
        );
      }
    });

    it("a roadmap you cannot read, or that does not exist, is 404", async () => {
      expectApiError(await exportPictureAs(cast.outsider, fx.roadmapId, { format: "svg" }), 404, "not_found");
      expectApiError(
        await exportPictureAs(cast.viewer, "00000000-0000-4000-8000-000000000000", { format: "svg" }),
        404,
        "not_found",
      );
    });
  });

  describe("share links", () => {
    it.each(["svg", "png", "pdf", "pptx"])(
      "give their own audience's %s without sign-in, another audience's never (404)",
      async (format) => {
        for (const audience of ["executive", "engineering", "product"] as const) {
          const own = await exportShared(fx.tokens[audience], { format });
          expect(own.status).toBe(200);
          expect(own.headers.get("x-robots-tag")).toBe("noindex");
          expect(own.headers.get("content-disposition")).toContain(`-${audience}-`);
          expect((await exportShared(fx.tokens[audience], { format, audience })).status).toBe(200);
          const other = audience === "product" ? "executive" : "product";
          expectApiError(
            await exportShared(fx.tokens[audience], { format, audience: other }),
            404,
            "not_found",
          );
        }
      },
    );

    it.each(["svg", "pdf", "pptx"])(
      "hold no person's name or email, and no cut item (%s)",
      async (format) => {
        const people = Object.values(cast).flatMap((u) => [u.user.name, u.user.email]);
        for (const audience of ["executive", "engineering", "product"] as const) {
          const words = await wordsOf(format, await exportShared(fx.tokens[audience], { format }));
          for (const person of people) expect(words).not.toContain(person);
          expect(words).not.toContain(fx.cutTitle);
          expect(words).toContain("Checkout relaunch");
        }
      },
    );

    it("answer 404 to an unknown token and 410 once revoked", async () => {
      expectApiError(await exportShared("share_unknown", { format: "svg" }), 404, "not_found");
      const { db } = getCtx();
      const [link] = (await listShareLinks(db, cast.owner.actor, fx.roadmapId)).filter(
        (l) => l.audience === "product",
      );
      await revokeShareLink(db, cast.owner.actor, link.id, link.version);
      expectApiError(await exportShared(fx.tokens.product, { format: "png" }), 410, "share_link_gone");
    });
  });

  describe("titles and sizes", () => {
    it("escapes hostile titles: the SVG and every slide parse, the PDF carries the text", async () => {
      const { db } = getCtx();
      const actor = cast.owner.actor;
      const roadmap = await createRoadmap(db, actor, team.id, {
        title: HOSTILE_TITLES[0],
        startDate: MONDAY,
      });
      const lane = await createWorkstream(db, actor, roadmap.id, { name: HOSTILE_TITLES[1] });
      for (const [i, title] of HOSTILE_TITLES.entries())
        await createItem(
          db,
          actor,
          roadmap.id,
          featureInput(title, "2027-02-01", `2027-0${3 + (i % 4)}-15`, { workstreamId: lane.id }),
        );
      const svg = await exportPictureAs(cast.viewer, roadmap.id, { format: "svg" });
      const doc = parseXml(svg.text);
      expect(findAll(doc, (n) => n.name === "script")).toHaveLength(0);
      const titles = findAll(doc, (n) => n.attributes["data-kind"] === "item").map((g) => g.children[0].text);
      expect(titles.sort()).toEqual([...HOSTILE_TITLES].sort());
      const deck = await readPptx((await exportPictureAs(cast.viewer, roadmap.id, { format: "pptx" })).bytes);
      for (const xml of [...deck.slides, ...deck.notes.values()]) parseXml(xml);
      expect(officeText(deck.slides[0])).toContain(HOSTILE_TITLES[0]);
      const pdf = (await readPdf((await exportPictureAs(cast.viewer, roadmap.id, { format: "pdf" })).bytes))
        .map((p) => p.text)
        .join(" ");
      expect(pdf).toContain("<script>alert");
      expect(pdf).toContain("Café &");
    });

    it("draws an empty roadmap as a valid picture saying nothing is planned yet", async () => {
      const { db } = getCtx();
      const roadmap = await createRoadmap(db, cast.owner.actor, team.id, {
        title: "Blank slate",
        startDate: MONDAY,
      });
      expect(parseXml((await exportPictureAs(cast.viewer, roadmap.id, { format: "svg" })).text)).toBeTruthy();
      expect((await exportPictureAs(cast.viewer, roadmap.id, { format: "svg" })).text).toContain(
        "Nothing planned yet",
      );
      const pages = await readPdf((await exportPictureAs(cast.viewer, roadmap.id, { format: "pdf" })).bytes);
      expect(pages).toHaveLength(1);
      expect(pages[0].text).toContain("Nothing planned yet");
      expect((await exportPictureAs(cast.viewer, roadmap.id, { format: "png" })).status).toBe(200);
      const deck = await readPptx(
        (await exportPictureAs(cast.viewer, roadmap.id, { format: "pptx", audience: "product" })).bytes,
      );
      expect(officeText(deck.slides.join(""))).toEqual(
        expect.arrayContaining([
          "Nothing planned yet",
          "No key milestones yet: mark the milestones that matter most as key on the timeline.",
        ]),
      );
    });

    it(`refuses a picture of more than ${MAX_PICTURE_ITEMS.toLocaleString("en")} items with 422 too_large_for_picture and the limit, but draws a range of it`, async () => {
      const { db } = getCtx();
      const roadmap = await createRoadmap(db, cast.owner.actor, team.id, {
        title: "Too big",
        startDate: MONDAY,
      });
      const rows = Array.from({ length: MAX_PICTURE_ITEMS + 1 }, (_, i) => ({
        roadmapId: roadmap.id,
        kind: "feature" as const,
        title: `Feature ${i}`,
        startDate: i < 20 ? "2027-01-04" : "2027-06-01",
        endDate: i < 20 ? "2027-01-15" : "2027-06-30",
      }));
      for (let i = 0; i < rows.length; i += 1_000) await db.insert(items).values(rows.slice(i, i + 1_000));
      for (const format of ["svg", "png", "pdf", "pptx"]) {
        const res = await exportPictureAs(cast.viewer, roadmap.id, { format });
        expectApiError(res, 422, "too_large_for_picture");
        expect(res.json.error.details).toEqual({ items: MAX_PICTURE_ITEMS + 1, limit: MAX_PICTURE_ITEMS });
        expect(res.json.error.message).toContain("from and to");
      }
      expect(
        (await exportPictureAs(cast.viewer, roadmap.id, { format: "svg", to: "2027-01-31" })).status,
      ).toBe(200);
    });

    it("refuses a PNG past its pixel limit with 422 too_large_for_picture, and offers the SVG and PDF", async () => {
      const { db } = getCtx();
      const roadmap = await createRoadmap(db, cast.owner.actor, team.id, {
        title: "Tall and wide",
        startDate: MONDAY,
        horizonMonths: 36,
      });
      const lane = await createWorkstream(db, cast.owner.actor, roadmap.id, { name: "All at once" });
      // 250 items over the same dates: one row each, 10,000 pixels tall.
      const rows = Array.from({ length: 250 }, (_, i) => ({
        roadmapId: roadmap.id,
        workstreamId: lane.id,
        kind: "feature" as const,
        title: `Parallel ${i}`,
        startDate: "2027-02-01",
        endDate: "2029-06-29",
      }));
      await db.insert(items).values(rows);
      const png = await exportPictureAs(cast.viewer, roadmap.id, { format: "png", scale: "months" });
      expectApiError(png, 422, "too_large_for_picture");
      expect(png.json.error.details).toMatchObject({ limit: 16_000_000, minDensity: 0.5 });
      expect(png.json.error.message).toContain("SVG or PDF");
      expect(
        (await exportPictureAs(cast.viewer, roadmap.id, { format: "svg", scale: "months" })).status,
      ).toBe(200);
      // At quarters the same roadmap fits, drawn at less than 2x.
      const small = await exportPictureAs(cast.viewer, roadmap.id, { format: "png", to: "2027-12-31" });
      expect(small.status).toBe(200);
    });
  });
});
