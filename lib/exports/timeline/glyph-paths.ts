// A line of text as one SVG path of its glyphs' outlines (the PNG's text, svg.ts): one element per
// label instead of one <use> per letter. A 1,000-item picture has some 20,000 letters: as <use>s
// they were a third of the renderer's parse time and a quarter of its drawing time.

import type { Font, Glyph } from "fontkit";
import type { FontKey, TextShaper } from "./text-shaper";

/**
 * One glyph's outline at one size, y down, in relative path commands after its first point.
 * Coordinates are whole tenths of a pixel (QUANTUM), so that relative steps add up exactly.
 */
interface Outline {
  /** The first point, from the glyph's origin (in quanta). */
  start: readonly [number, number];
  /** Path data after the first move, relative. */
  body: string;
  /** Where the pen ends, from the glyph's origin (in quanta). */
  end: readonly [number, number];
}

/** Outlines kept per font (a picture uses a few hundred glyph-and-size pairs; a warm worker keeps them). */
const MAX_OUTLINES = 20_000;
const outlines = new WeakMap<Font, Map<string, Outline | null>>();

/**
 * Outline points are rounded to a tenth of a pixel: at most 0.1 px off at 2x, which no one sees,
 * and a third less path text to write and for the renderer to parse than hundredths.
 */
const QUANTUM = 10;
const quanta = (v: number) => String(v / QUANTUM);

function outlineOf(font: Font, glyph: Glyph, size: number): Outline | null {
  let cache = outlines.get(font);
  if (!cache) outlines.set(font, (cache = new Map()));
  const key = `${glyph.id}@${size}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const scale = (size / font.unitsPerEm) * QUANTUM;
  let start: [number, number] | null = null;
  let [cx, cy] = [0, 0];
  let [sx, sy] = [0, 0];
  const parts: string[] = [];
  /** Relative pairs from the current point; the last pair becomes the current point. */
  const rel = (args: number[]) => {
    const out: string[] = [];
    let [px, py] = [cx, cy];
    for (let i = 0; i < args.length; i += 2) {
      const x = Math.round(args[i] * scale);
      const y = Math.round(-args[i + 1] * scale);
      out.push(`${quanta(x - cx)} ${quanta(y - cy)}`);
      [px, py] = [x, y];
    }
    [cx, cy] = [px, py];
    return out.join(" ");
  };
  for (const { command, args } of glyph.path.commands) {
    switch (command) {
      case "moveTo": {
        const x = Math.round(args[0] * scale);
        const y = Math.round(-args[1] * scale);
        if (start) parts.push(`m${quanta(x - cx)} ${quanta(y - cy)}`);
        else start = [x, y];
        [cx, cy, sx, sy] = [x, y, x, y];
        break;
      }
      case "lineTo":
        parts.push(`l${rel(args)}`);
        break;
      case "quadraticCurveTo":
        parts.push(`q${rel(args)}`);
        break;
      case "bezierCurveTo":
        parts.push(`c${rel(args)}`);
        break;
      case "closePath":
        parts.push("z");
        [cx, cy] = [sx, sy];
        break;
    }
  }
  const outline = start ? { start, body: parts.join(""), end: [cx, cy] as const } : null;
  if (cache.size >= MAX_OUTLINES) cache.clear();
  cache.set(key, outline);
  return outline;
}

/**
 * The path data of `text` at `size`, its origin on the baseline at the text's start (0 0), or ""
 * when nothing in it is drawn (spaces only).
 */
export function textPath(shaper: TextShaper, text: string, size: number, bold = false): string {
  let d = "";
  let [cx, cy] = [0, 0];
  for (const g of shaper.glyphs(text, size, bold)) {
    const outline = outlineOf(shaper.fontOf(g.font as FontKey), g.glyph, size);
    if (!outline) continue;
    const x = Math.round(g.x * QUANTUM) + outline.start[0];
    const y = outline.start[1];
    // The first move is absolute; each glyph after it moves from where the one before ended.
    d += d ? `m${quanta(x - cx)} ${quanta(y - cy)}` : `M${quanta(x)} ${quanta(y)}`;
    d += outline.body;
    cx = x - outline.start[0] + outline.end[0];
    cy = outline.end[1];
  }
  return d;
}
