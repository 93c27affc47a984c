// The PNG: the picture's SVG with its letters as outlines (svg.ts), rasterised by resvg on libuv's
// thread pool, so that a large picture never holds up the event loop.

import { renderAsync } from "@resvg/resvg-js";
import type { Drawing } from "./primitives";
import { drawingToSvg } from "./svg";
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

export async function drawingToPng(drawing: Drawing, shaper: TextShaper, density: number): Promise<Buffer> {
  // Below 2x the picture is a large one: its arrows are drawn crisp (see TextMode), in a fraction
  // of the time; a slide-sized picture keeps them anti-aliased.
  const svg = drawingToSvg(drawing, { kind: "outlines", shaper, crispLinks: density < PNG_DENSITY });
  const image = await renderAsync(svg, {
    // Every letter is an outline already: no font is looked up, on any machine.
    font: { loadSystemFonts: false },
    fitTo: { mode: "zoom", value: density },
    background: "#ffffff",
    logLevel: "off",
  });
  return image.asPng();
}
