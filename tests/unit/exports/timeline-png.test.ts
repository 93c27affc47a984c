import { Resvg } from "@resvg/resvg-js";
import pixelmatch from "pixelmatch";
import { PNG } from "pngjs";
import { describe, expect, it } from "vitest";
import { textPath } from "@/lib/exports/timeline/glyph-paths";
import { pictureFonts } from "@/lib/exports/timeline/picture-fonts";
import { drawingToRaster } from "@/lib/exports/timeline/png";
import { encodePng } from "@/lib/exports/timeline/png-encode";
import { pictureDrawing, pictureScene } from "@/lib/exports/timeline/render";
import { drawingToSvg, svgDocuments } from "@/lib/exports/timeline/svg";
import { findAll, parseXml } from "../../helpers/xml-tree";
import { HOSTILE_TITLES, samplePictureInput } from "../../helpers/pictures";

const { shaper } = pictureFonts();

/** A line of text on a white 600 × 40 canvas, at 2x. */
function rasterise(content: string) {
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="600" height="40" viewBox="0 0 600 40">${content}</svg>`;
  const image = new Resvg(svg, {
    font: { loadSystemFonts: false },
    fitTo: { mode: "zoom", value: 2 },
    background: "#ffffff",
  }).render();
  return { width: image.width, height: image.height, pixels: image.pixels };
}

const inked = (pixels: Uint8Array) => pixels.filter((v, i) => i % 4 === 0 && v < 128).length;

describe("the PNG's letters", () => {
  it("draw a label as one path of its glyph outlines, where each glyph drawn on its own would be", () => {
    const text = "Checkout relaunch · 12d slack 中文 🚀";
    const d = textPath(shaper, text, 13);
    expect(d).toMatch(/^M[-\d.]+ [-\d.]+/);
    // Each glyph's own outline (font units, y up) placed and scaled: how the PNG drew letters before.
    const glyphs = shaper
      .glyphs(text, 13)
      .map((g) => {
        const s = 13 / shaper.fontOf(g.font).unitsPerEm;
        return `<path transform="translate(${g.x} 0) scale(${s} ${-s})" d="${g.glyph.path.toSVG()}"/>`;
      })
      .join("");
    const ours = rasterise(`<path transform="translate(10 26)" d="${d}" fill="#000"/>`);
    const each = rasterise(`<g transform="translate(10 26)" fill="#000">${glyphs}</g>`);
    expect(inked(ours.pixels)).toBeGreaterThan(500);
    const differing = pixelmatch(ours.pixels, each.pixels, null, ours.width, ours.height, { threshold: 0.3 });
    expect(differing / inked(each.pixels)).toBeLessThan(0.02);
  });

  it("draw nothing for spaces, and every title (any script) as path data that parses", () => {
    expect(textPath(shaper, "   ", 12)).toBe("");
    const drawing = pictureDrawing(pictureScene(samplePictureInput("engineering"), shaper));
    const svg = drawingToSvg(drawing, { kind: "outlines", shaper });
    const doc = parseXml(svg);
    expect(findAll(doc, (n) => n.name === "use")).toHaveLength(0);
    for (const title of HOSTILE_TITLES)
      expect(
        () =>
          new Resvg(
            `<svg xmlns="http://www.w3.org/2000/svg"><path d="${textPath(shaper, title, 12)}"/></svg>`,
          ),
      ).not.toThrow();
  });
});

describe("the PNG's pixels", () => {
  it("are the same drawn in bands at once as drawn whole, without a seam", async () => {
    const drawing = pictureDrawing(pictureScene(samplePictureInput("engineering"), shaper));
    const whole = await drawingToRaster(drawing, shaper, 2, Infinity);
    const banded = await drawingToRaster(drawing, shaper, 2, 1);
    expect([banded.width, banded.height]).toEqual([
      Math.round(drawing.width * 2),
      Math.round(drawing.height * 2),
    ]);
    expect([whole.width, whole.height]).toEqual([banded.width, banded.height]);
    const differing = pixelmatch(whole.pixels, banded.pixels, null, whole.width, whole.height, {
      threshold: 0.1,
    });
    expect(differing / (whole.width * whole.height)).toBeLessThan(0.001);
  });

  it("come from band documents that hold only what reaches into each band", () => {
    const drawing = pictureDrawing(pictureScene(samplePictureInput("engineering"), shaper));
    const documentOf = svgDocuments(drawing, { kind: "outlines", shaper });
    const items = (svg: string) =>
      findAll(parseXml(svg), (n) => n.name === "g" && n.attributes["data-kind"] === "item").length;
    const half = drawing.height / 2;
    const band = (top: number) =>
      documentOf({ width: drawing.width, height: half, viewBox: [0, top, drawing.width, half] });
    const [whole, upper, lower] = [items(documentOf()), items(band(0)), items(band(half))];
    expect(upper).toBeGreaterThan(0);
    expect(upper).toBeLessThan(whole);
    expect(upper + lower).toBeGreaterThanOrEqual(whole);
  });

  it("are encoded as an opaque PNG that reads back the same", async () => {
    const drawing = pictureDrawing(pictureScene(samplePictureInput("product"), shaper));
    const raster = await drawingToRaster(drawing, shaper, 1);
    const png = PNG.sync.read(Buffer.from(await encodePng(raster)));
    expect([png.width, png.height]).toEqual([raster.width, raster.height]);
    expect(png.data.every((v, i) => i % 4 !== 3 || v === 255)).toBe(true);
    expect(pixelmatch(png.data, raster.pixels, null, png.width, png.height, { threshold: 0 })).toBe(0);
  });
});
