// How far up and down a primitive reaches, for drawing only the primitives of one horizontal band
// of a picture (a PNG drawn in bands at once, png.ts): each band's SVG then holds about its share
// of the picture, so each band's renderer parses only that.

import type { GroupPrim, LayerPrim, Prim } from "./primitives";

/**
 * Ink beyond a primitive's geometry: half a stroke, a text's white halo, an arrowhead (7 stroke
 * widths), anti-aliasing. Generous: a primitive drawn in a band it does not reach costs a little.
 */
const INK = 12;

/** The primitive's top and bottom in its layer's coordinates, ink included. */
export function verticalExtent(p: Exclude<Prim, GroupPrim | LayerPrim>): [top: number, bottom: number] {
  switch (p.t) {
    case "rect":
      return [p.y - INK, p.y + p.h + INK];
    case "diamond":
      return [p.cy - p.half - INK, p.cy + p.half + INK];
    case "line":
      return [Math.min(p.y1, p.y2) - INK, Math.max(p.y1, p.y2) + INK];
    case "arrow": {
      const ys = p.points.map(([, y]) => y);
      return [Math.min(...ys) - INK, Math.max(...ys) + INK];
    }
    case "glyph":
      return [p.y - INK, p.y + p.size + INK];
    case "text":
      // Centred on y; descenders, accents and the halo within a size either side.
      return [p.y - p.size - INK, p.y + p.size + INK];
  }
}
