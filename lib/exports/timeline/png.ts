// The PNG: the picture's SVG with its letters as outlines (svg.ts), rasterised by resvg on libuv's
// thread pool, so that a large picture never holds up the event loop.

import { renderAsync } from "@resvg/resvg-js";
import type { Drawing } from "./primitives";
import { drawingToSvg } from "./svg";
import type { TextShaper } from "./text-shaper";

/** Sharp on slides and screens with twice the pixels. */
export const PNG_DENSITY = 2;
/** The least density a PNG is drawn at: below it the letters no longer read. */
export const MIN_PNG_DENSITY = 0.5;
/** The most pixels a PNG may have (about 64 MB of memory while it is drawn, and under a second). */
export const MAX_PNG_PIXELS = 16_000_000;

/**
 * The density a drawing gets: 2x when that stays within MAX_PNG_PIXELS, else as much as fits (a
 * tall roadmap's PNG is for scrolling, not for a slide); null when even MIN_PNG_DENSITY would not fit.
 */
export function pngDensity(drawing: Pick<Drawing, "width" | "height">): number | null {
  const density = Math.min(
    PNG_DENSITY,
    Math.floor(Math.sqrt(MAX_PNG_PIXELS / (drawing.width * drawing.height)) * 100) / 100,
  );
  return density < MIN_PNG_DENSITY ? null : density;
}

export async function drawingToPng(drawing: Drawing, shaper: TextShaper, density: number): Promise<Buffer> {
  const svg = drawingToSvg(drawing, { kind: "outlines", shaper });
  const image = await renderAsync(svg, {
    // Every letter is an outline already: no font is looked up, on any machine.
    font: { loadSystemFonts: false },
    fitTo: { mode: "zoom", value: density },
    background: "#ffffff",
    logLevel: "off",
  });
  return image.asPng();
}
