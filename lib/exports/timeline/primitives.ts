// What a timeline picture is made of, in pixels: a few shapes that every format can draw natively
// (SVG elements, PDF vector operations, PowerPoint shapes), so that one drawing serves them all.

import type { GlyphPart } from "@/lib/planning/timeline-style";

export interface Stroke {
  colour: string;
  width: number;
  dashed?: boolean;
}

/** Text vertically centred on y. `x` is its start, middle or end by `anchor`. Already fitted. */
export interface TextPrim {
  t: "text";
  x: number;
  y: number;
  text: string;
  size: number;
  colour: string;
  bold?: boolean;
  italic?: boolean;
  strike?: boolean;
  anchor?: "start" | "middle" | "end";
  /** A white outline behind the letters, for text over lines (lags on arrows). */
  halo?: boolean;
}

export interface RectPrim {
  t: "rect";
  x: number;
  y: number;
  w: number;
  h: number;
  radius?: number;
  fill?: string;
  stroke?: Stroke;
  /** A bar's title drawn inside it (a PowerPoint rectangle carries it as its own text). */
  label?: { text: string; size: number; colour: string; bold?: boolean; strike?: boolean; padLeft: number };
  /** What the shape is, for formats that name shapes (PowerPoint's selection pane). */
  name?: string;
}

export interface DiamondPrim {
  t: "diamond";
  cx: number;
  cy: number;
  /** Half the diagonal. */
  half: number;
  fill: string;
  stroke: Stroke;
  name?: string;
}

export interface LinePrim {
  t: "line";
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  stroke: Stroke;
}

/** A dependency: SVG path data with rounded elbows, and the same route as straight segments. */
export interface ArrowPrim {
  t: "arrow";
  d: string;
  points: Array<[number, number]>;
  stroke: Stroke;
  /** The items it links, for formats that attach connectors to shapes. */
  fromId: string;
  toId: string;
}

/** A 16×16 glyph (lib/planning/timeline-style) drawn `size` pixels wide with its top left at x, y. */
export interface GlyphPrim {
  t: "glyph";
  x: number;
  y: number;
  size: number;
  parts: GlyphPart[];
  colour: string;
  /** The same as a character, for formats that write text instead of drawing paths. */
  symbol: string;
}

/** One visible item (or lane, phase, link) with its title, as one element in formats that group. */
export interface GroupPrim {
  t: "group";
  kind: "item" | "lane" | "phase" | "dependency" | "legend";
  id: string;
  title: string;
  children: Prim[];
}

/** Children moved by dx, dy (a page shows a slice of lanes at its own height). */
export interface LayerPrim {
  t: "layer";
  dx: number;
  dy: number;
  children: Prim[];
}

export type Prim =
  TextPrim | RectPrim | DiamondPrim | LinePrim | ArrowPrim | GlyphPrim | GroupPrim | LayerPrim;

/** One drawing of a page: its size and what is on it. */
export interface Drawing {
  width: number;
  height: number;
  prims: Prim[];
  /** For the SVG's <title>/<desc> and the PDF's metadata. */
  title: string;
  description: string;
}

/** Calls `visit` for every primitive with the offset of the layers around it (groups entered). */
export function walk(
  prims: readonly Prim[],
  visit: (
    prim: Exclude<Prim, GroupPrim | LayerPrim>,
    dx: number,
    dy: number,
    group: GroupPrim | null,
  ) => void,
  dx = 0,
  dy = 0,
  group: GroupPrim | null = null,
): void {
  for (const prim of prims) {
    if (prim.t === "layer") walk(prim.children, visit, dx + prim.dx, dy + prim.dy, group);
    else if (prim.t === "group") walk(prim.children, visit, dx, dy, prim);
    else visit(prim, dx, dy, group);
  }
}
