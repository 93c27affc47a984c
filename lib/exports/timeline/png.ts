// The PNG's pixels: the picture's SVG with its letters as outlines (svg.ts), rasterised by resvg on
// libuv's thread pool, so that a large picture never holds up the event loop. png-encode.ts makes
// the file of them.

import { availableParallelism } from "node:os";
import { renderAsync } from "@resvg/resvg-js";
import type { Raster } from "./picture-job-data";
import type { Drawing } from "./primitives";
import { svgDocuments } from "./svg";
import type { TextShaper } from "./text-shaper";

/** Sharp on slides and screens with twice the pixels. */
export const PNG_DENSITY = 2;
/**
 * The most pixels a picture gets at 2x: a roadmap that fits a slide or a screen (up to about
 * 2000 × 1000 px) is drawn at 2x; past it the density goes down toward 1x so that the picture keeps
 * this many pixels (a tall roadmap's PNG is for scrolling, not for a slide, and each pixel costs
 * rendering and encoding time).
 */
export const PNG_2X_PIXELS = 8_000_000;
/** The least density a PNG is drawn at: below it the letters no longer read. */
export const MIN_PNG_DENSITY = 0.5;
/** The most pixels a PNG may have (about 64 MB of memory while it is drawn, and under a second). */
export const MAX_PNG_PIXELS = 16_000_000;

const floorTo100th = (v: number) => Math.floor(v * 100) / 100;

/**
 * The density a drawing gets: 2x within PNG_2X_PIXELS, else toward 1x keeping that many pixels,
 * and below 1x only as much as fits MAX_PNG_PIXELS; null when even MIN_PNG_DENSITY would not fit.
 */
export function pngDensity(drawing: Pick<Drawing, "width" | "height">): number | null {
  const area = drawing.width * drawing.height;
  const density = Math.min(
    PNG_DENSITY,
    Math.max(1, floorTo100th(Math.sqrt(PNG_2X_PIXELS / area))),
    floorTo100th(Math.sqrt(MAX_PNG_PIXELS / area)),
  );
  return density < MIN_PNG_DENSITY ? null : density;
}

/**
 * A picture of more pixels than this is rasterised in horizontal bands at once, one per core
 * (each parses the whole SVG, some 90 ms at 1,000 items, so a small picture is drawn whole).
 */
export const BAND_PIXELS = 4_000_000;
const MAX_BANDS = 4;

export async function drawingToRaster(
  drawing: Drawing,
  shaper: TextShaper,
  density: number,
  bandPixels = BAND_PIXELS,
): Promise<Raster> {
  // Below 2x the picture is a large one: its arrows are drawn crisp (see TextMode), in a fraction
  // of the time; a slide-sized picture keeps them anti-aliased.
  const documentOf = svgDocuments(drawing, { kind: "outlines", shaper, crispLinks: density < PNG_DENSITY });
  const width = Math.round(drawing.width * density);
  const height = Math.round(drawing.height * density);
  const bands = width * height > bandPixels ? Math.min(MAX_BANDS, availableParallelism()) : 1;
  const rows = Math.ceil(height / bands);
  const parts = await Promise.all(
    Array.from({ length: Math.ceil(height / rows) }, async (_, band) => {
      const top = band * rows;
      const bandHeight = Math.min(rows, height - top);
      // The band's rows of the whole picture at `density`: its device pixels, and the stretch of
      // the drawing they cover (so the bands join without a seam).
      const svg = documentOf({
        width,
        height: bandHeight,
        viewBox: [0, top / density, width / density, bandHeight / density],
      });
      const image = await renderAsync(svg, {
        // Every letter is an outline already: no font is looked up, on any machine.
        font: { loadSystemFonts: false },
        background: "#ffffff",
        logLevel: "off",
      });
      if (image.width !== width || image.height !== bandHeight)
        throw new Error(`A band came out ${image.width} × ${image.height}, not ${width} × ${bandHeight}.`);
      return image.pixels;
    }),
  );
  // In an ArrayBuffer of their own, so that the worker moves them to the server's thread: resvg's
  // are external memory, which postMessage copies instead (64 MB, on the receiving event loop too).
  return { width, height, pixels: parts.length === 1 ? new Uint8Array(parts[0]) : Buffer.concat(parts) };
}
