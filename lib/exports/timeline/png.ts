// The PNG: the picture's SVG with its letters as outlines (svg.ts), rasterised by resvg on libuv's
// thread pool, so that a large picture never holds up the event loop.

import { renderAsync } from "@resvg/resvg-js";
import type { Drawing } from "./primitives";
import { drawingToSvg } from "./svg";
import type { TextShaper } from "./text-shaper";

/** Sharp on slides and screens with twice the pixels. */
export const PNG_DENSITY = 2;
/** The most pixels a PNG may have (about 100 MB of memory while it is drawn). */
export const MAX_PNG_PIXELS = 24_000_000;

/**
 * The density a drawing gets: 2x when that stays within MAX_PNG_PIXELS, else as much as fits, at
 * least 1x; null when even 1x would be too large.
 */
export function pngDensity(drawing: Pick<Drawing, "width" | "height">): number | null {
  const area = drawing.width * drawing.height;
  if (area > MAX_PNG_PIXELS) return null;
  return Math.min(PNG_DENSITY, Math.floor(Math.sqrt(MAX_PNG_PIXELS / area) * 100) / 100);
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
