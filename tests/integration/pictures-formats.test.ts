import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { Team } from "@/lib/validation/teams";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { officeText, readPdf, readPng, readPptx } from "../helpers/documents";
import { createCast, createCastTeam, type Cast } from "../helpers/fixtures";
import { createPictureFixture, PICTURE_NOW, type PictureFixture } from "../helpers/picture-fixture";
import { exportPictureAs, type Download } from "../helpers/picture-requests";
import { findAll, parseXml } from "../helpers/xml-tree";

const FORMATS = ["svg", "png", "pdf", "pptx"] as const;
const AUDIENCES = ["executive", "engineering", "product"] as const;
const READERS = ["owner", "editor", "commenter", "viewer"] as const;
const REFERENCE = path.join(process.cwd(), "tests", "fixtures", "pictures", "engineering.png");
/** Anti-aliasing may differ a little between renderer builds: at most this share of pixels may. */
const PIXEL_TOLERANCE = 0.005;

type Format = (typeof FORMATS)[number];

/** Checks that a download is a valid file of its format; answers what each reader found in it. */
async function expectValid(format: Format, res: Download) {
  expect(res.status).toBe(200);
  expect(res.headers.get("content-disposition")).toMatch(
    new RegExp(`^attachment; filename="checkout-relaunch-[a-z]+-2027-02-01\\.${format}"`),
  );
  switch (format) {
    case "svg": {
      expect(res.headers.get("content-type")).toBe("image/svg+xml; charset=utf-8");
      const doc = parseXml(res.text);
      return findAll(doc, (n) => n.attributes["data-kind"] === "item").length;
    }
    case "png": {
      expect(res.headers.get("content-type")).toBe("image/png");
      return readPng(res.bytes).width;
    }
    case "pdf": {
      expect(res.headers.get("content-type")).toBe("application/pdf");
      const pages = await readPdf(res.bytes);
      expect(pages[0].text).toContain("Checkout relaunch");
      return pages.length;
    }
    case "pptx": {
      expect(res.headers.get("content-type")).toBe(
        "application/vnd.openxmlformats-officedocument.presentationml.presentation",
      );
      return (await readPptx(res.bytes)).slides.length;
    }
  }
}

describeEachDatabase("timeline pictures: formats", (getCtx) => {
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

  describe.each(FORMATS)("%s", (format) => {
    it.each(AUDIENCES)(
      "every member can download the %s picture, the same for each role; others cannot",
      async (audience) => {
        const found = [];
        for (const role of READERS)
          found.push(
            await expectValid(format, await exportPictureAs(cast[role], fx.roadmapId, { format, audience })),
          );
        expect(new Set(found).size).toBe(1);
        expectApiError(
          await exportPictureAs(cast.outsider, fx.roadmapId, { format, audience }),
          404,
          "not_found",
        );
        expectApiError(
          await exportPictureAs(undefined, fx.roadmapId, { format, audience }),
          401,
          "unauthenticated",
        );
      },
    );
  });

  it("PNG: twice the SVG's size, and the same picture as the committed reference", async () => {
    const svg = await exportPictureAs(cast.viewer, fx.roadmapId, { format: "svg", audience: "engineering" });
    const [, width, height] = /<svg[^>]* width="([\d.]+)" height="([\d.]+)"/.exec(svg.text)!.map(Number);
    const png = readPng(
      (await exportPictureAs(cast.viewer, fx.roadmapId, { format: "png", audience: "engineering" })).bytes,
    );
    expect(png.width).toBe(Math.round(width * 2));
    expect(png.height).toBe(Math.round(height * 2));
    if (process.env.UPDATE_PICTURE_REFERENCES === "1" || !existsSync(REFERENCE)) {
      // Only on purpose: a missing reference fails below, after writing one to look at and commit.
      mkdirSync(path.dirname(REFERENCE), { recursive: true });
      writeFileSync(REFERENCE, PNG.sync.write(png));
      expect(
        process.env.UPDATE_PICTURE_REFERENCES,
        `wrote ${REFERENCE}: look at it, commit it, run again`,
      ).toBe("1");
    }
    const reference = PNG.sync.read(await import("node:fs").then((fs) => fs.readFileSync(REFERENCE)));
    expect([png.width, png.height]).toEqual([reference.width, reference.height]);
    const diff = pixelmatch(png.data, reference.data, null, png.width, png.height, { threshold: 0.2 });
    expect(diff / (png.width * png.height)).toBeLessThan(PIXEL_TOLERANCE);
  });

  it("PDF: landscape pages of the paper asked, every item's title in the text, page numbers and the title on each page", async () => {
    for (const [paper, size] of [
      ["a4", [841.89, 595.28]],
      ["letter", [792, 612]],
      ["a3", [1190.55, 841.89]],
    ] as const) {
      const pages = await readPdf(
        (await exportPictureAs(cast.viewer, fx.roadmapId, { format: "pdf", audience: "engineering", paper }))
          .bytes,
      );
      for (const [i, page] of pages.entries()) {
        expect([page.width, page.height].map(Math.round)).toEqual(size.map(Math.round));
        expect(page.text).toContain("Checkout relaunch");
        expect(page.text).toContain(`page ${i + 1} of ${pages.length}`);
      }
      const text = pages.map((p) => p.text).join(" ");
      for (const title of fx.titles) expect(text).toContain(title);
    }
  });

  it("PPTX: title, timeline, milestones, risks, staffing and changes slides, key milestones as shapes, notes on every slide, no text under 12 pt", async () => {
    const deck = await readPptx(
      (await exportPictureAs(cast.viewer, fx.roadmapId, { format: "pptx", audience: "executive" })).bytes,
    );
    const titles = deck.slides.map((xml) => officeText(xml)[0]);
    expect(titles[0]).toBe("Checkout relaunch");
    expect(titles.slice(-4)).toEqual([
      "Key milestones",
      "Top risks",
      "Staffing gaps",
      "Changes since the executive review of Jan 25, 2027",
    ]);
    const timeline = deck.slides.slice(1, -4);
    expect(timeline.length).toBeGreaterThan(0);
    const timelineXml = timeline.join("");
    for (const title of fx.keyMilestones) {
      expect(timelineXml).toMatch(
        new RegExp(`<p:sp><p:nvSpPr><p:cNvPr id="\\d+" name="${title} \\[item \\d+\\]"`),
      );
      expect(officeText(timelineXml).some((t) => t.startsWith(title))).toBe(true);
    }
    expect(officeText(deck.slides.at(-4)!)).toEqual(
      expect.arrayContaining(["Private beta", "Public launch"]),
    );
    expect(officeText(deck.slides.at(-3)!)).toEqual(
      expect.arrayContaining(["Acquirer contract not signed", "None yet: needed (score 15 or more)"]),
    );
    expect(officeText(deck.slides.at(-2)!)).toContain("Backend");
    expect(officeText(deck.slides.at(-1)!).join(" ")).toContain("1 removed or cut");
    for (let n = 1; n <= deck.slides.length; n++)
      expect(officeText(deck.notes.get(n) ?? "").join(" ").length).toBeGreaterThan(40);
    expect(officeText(deck.notes.get(deck.slides.length - 3)!).join(" ")).toContain("Monte-Carlo");
    for (const xml of deck.slides)
      for (const [, size] of xml.matchAll(/ sz="(\d+)"/g)) expect(Number(size)).toBeGreaterThanOrEqual(1200);
    expect(deck.zip.file("ppt/presentation.xml")).not.toBeNull();
    expect(await deck.zip.file("ppt/presentation.xml")!.async("string")).toContain(
      '<p:sldSz cx="12192000" cy="6858000"/>',
    );
  });

  it("PPTX: each dependency is a connector attached to its two items' shapes (engineering)", async () => {
    const deck = await readPptx(
      (await exportPictureAs(cast.viewer, fx.roadmapId, { format: "pptx", audience: "engineering" })).bytes,
    );
    const connectors = deck.slides.flatMap((xml) =>
      [
        ...xml.matchAll(
          /<p:cxnSp>.*?<a:stCxn id="(\d+)" idx="3"\/><a:endCxn id="(\d+)" idx="1"\/>.*?<\/p:cxnSp>/g,
        ),
      ].map((m) => ({ xml, from: m[1], to: m[2] })),
    );
    expect(connectors.length).toBeGreaterThanOrEqual(2);
    for (const { xml, from, to } of connectors) {
      expect(xml).toContain(`<p:cNvPr id="${from}" name=`);
      expect(xml).toContain(`<p:cNvPr id="${to}" name=`);
    }
    for (const xml of deck.slides) parseXml(xml);
  });
});
