// A drawing as SVG text. Titles stay text (searchable, crisp, escaped); for the PNG the same SVG
// can carry the letters as outlines of the project's fonts instead, so that the renderer never
// looks for fonts on the machine (and is fast: no font files read per text).

import { textPath } from "./glyph-paths";
import { verticalExtent } from "./prim-extent";
import type { Drawing, GroupPrim, LayerPrim, Prim, Stroke, TextPrim } from "./primitives";
import type { TextShaper } from "./text-shaper";
import { escapeXml } from "./xml-text";

export const FONT_FAMILY = "'DejaVu Sans', 'Droid Sans Fallback', Symbola, system-ui, sans-serif";

/** Where a line of text sits: its baseline this far below the middle, in ems. */
const BASELINE = 0.35;
/** Italic drawn from upright outlines leans by this (tan of about 11°). */
const SLANT = -0.2;

/**
 * `crispLinks` (PNG of a large picture only): dependency arrows without anti-aliasing. A thousand
 * long arrows, anti-aliased, are most of a big PNG's rendering time (three times the rest); drawn
 * crisp they cost a third, and at their right angles look the same but for the rounded corners.
 */
export type TextMode = { kind: "text" } | { kind: "outlines"; shaper: TextShaper; crispLinks?: boolean };

const n = (v: number) => String(Math.round(v * 100) / 100);

function strokeAttrs(stroke: Stroke | undefined): string {
  if (!stroke) return ' stroke="none"';
  const dash = stroke.dashed ? ` stroke-dasharray="${n(stroke.width * 4)} ${n(stroke.width * 3)}"` : "";
  return ` stroke="${stroke.colour}" stroke-width="${n(stroke.width)}"${dash}`;
}

/** A stretch of the drawing from `top` to `bottom` (drawing coordinates). */
type Band = readonly [top: number, bottom: number];

class SvgWriter {
  private readonly out: string[] = [];
  private readonly markers = new Map<string, string>();

  /** `band`: write only the primitives that reach into it (a PNG band's document). */
  constructor(
    private readonly mode: TextMode,
    private readonly band?: Band,
  ) {}

  /** Whether a primitive `dy` below the drawing's top lies wholly outside the band. */
  private outside(p: Exclude<Prim, GroupPrim | LayerPrim>, dy: number): boolean {
    if (!this.band) return false;
    const [top, bottom] = verticalExtent(p);
    return top + dy > this.band[1] || bottom + dy < this.band[0];
  }

  /** Writes a layer's or group's opening, its children, its closing; nothing when no child is written. */
  private container(open: string, children: readonly Prim[], dy: number) {
    const mark = this.out.length;
    this.out.push(open);
    this.draw(children, dy);
    if (this.out.length === mark + 1) this.out.length = mark;
    else this.out.push("</g>");
  }

  private marker(colour: string): string {
    let id = this.markers.get(colour);
    if (!id) {
      id = `arrow${this.markers.size}`;
      this.markers.set(colour, id);
    }
    return id;
  }

  private textAttrs(p: TextPrim): string {
    const weight = p.bold ? ' font-weight="bold"' : "";
    const style = p.italic ? ' font-style="italic"' : "";
    const anchor = p.anchor && p.anchor !== "start" ? ` text-anchor="${p.anchor}"` : "";
    const halo = p.halo ? ' stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : "";
    const strike = p.strike ? ' text-decoration="line-through"' : "";
    return ` font-size="${n(p.size)}" fill="${p.colour}"${weight}${style}${anchor}${halo}${strike}`;
  }

  private text(p: TextPrim) {
    if (!p.text) return;
    const baseline = p.y + p.size * BASELINE;
    if (this.mode.kind === "text") {
      this.out.push(`<text x="${n(p.x)}" y="${n(baseline)}"${this.textAttrs(p)}>${escapeXml(p.text)}</text>`);
      return;
    }
    const { shaper } = this.mode;
    const width = shaper.width(p.text, p.size, p.bold);
    const x0 = p.anchor === "middle" ? p.x - width / 2 : p.anchor === "end" ? p.x - width : p.x;
    const slant = p.italic ? ` skewX(${n((Math.atan(SLANT) * 180) / Math.PI)})` : "";
    const halo = p.halo ? ' stroke="#fff" stroke-width="3" stroke-linejoin="round" paint-order="stroke"' : "";
    const d = textPath(shaper, p.text, p.size, p.bold);
    if (d)
      this.out.push(
        `<path transform="translate(${n(x0)} ${n(baseline)})${slant}" d="${d}" fill="${p.colour}"${halo}/>`,
      );
    if (p.strike) {
      const y = baseline - p.size * 0.3;
      this.out.push(
        `<line x1="${n(x0)}" y1="${n(y)}" x2="${n(x0 + width)}" y2="${n(y)}" stroke="${p.colour}" stroke-width="1"/>`,
      );
    }
  }

  /** Writes the primitives; `dy`: how far below the drawing's top their layer lies. */
  draw(prims: readonly Prim[], dy = 0) {
    for (const p of prims) {
      if (p.t !== "layer" && p.t !== "group" && this.outside(p, dy)) continue;
      switch (p.t) {
        case "layer":
          this.container(`<g transform="translate(${n(p.dx)} ${n(p.dy)})">`, p.children, dy + p.dy);
          break;
        case "group":
          this.container(
            `<g data-kind="${p.kind}" data-id="${escapeXml(p.id)}"><title>${escapeXml(p.title)}</title>`,
            p.children,
            dy,
          );
          break;
        case "rect": {
          const r = p.radius ? ` rx="${n(p.radius)}"` : "";
          this.out.push(
            `<rect x="${n(p.x)}" y="${n(p.y)}" width="${n(p.w)}" height="${n(p.h)}"${r} fill="${p.fill ?? "none"}"${strokeAttrs(p.stroke)}/>`,
          );
          if (p.label) {
            const { text, size, colour, bold, strike, padLeft } = p.label;
            this.text({ t: "text", x: p.x + padLeft, y: p.y + p.h / 2, text, size, colour, bold, strike });
          }
          break;
        }
        case "diamond": {
          const { cx, cy, half } = p;
          this.out.push(
            `<polygon points="${n(cx)},${n(cy - half)} ${n(cx + half)},${n(cy)} ${n(cx)},${n(cy + half)} ${n(cx - half)},${n(cy)}" fill="${p.fill}"${strokeAttrs(p.stroke)} stroke-linejoin="round"/>`,
          );
          break;
        }
        case "line":
          this.out.push(
            `<line x1="${n(p.x1)}" y1="${n(p.y1)}" x2="${n(p.x2)}" y2="${n(p.y2)}"${strokeAttrs(p.stroke)}/>`,
          );
          break;
        case "arrow": {
          const crisp =
            this.mode.kind === "outlines" && this.mode.crispLinks ? ' shape-rendering="crispEdges"' : "";
          this.out.push(
            `<path d="${p.d}" fill="none"${strokeAttrs(p.stroke)}${crisp} marker-end="url(#${this.marker(p.stroke.colour)})"/>`,
          );
          break;
        }
        case "glyph": {
          const parts = p.parts.map((part) => {
            const paint = (v: string | undefined) => (v === "current" ? p.colour : (v ?? "none"));
            const round = part.round ? ' stroke-linecap="round" stroke-linejoin="round"' : "";
            const width = part.strokeWidth ? ` stroke-width="${part.strokeWidth}"` : "";
            return `<path d="${part.d}" fill="${paint(part.fill)}" stroke="${paint(part.stroke)}"${width}${round}/>`;
          });
          this.out.push(
            `<g transform="translate(${n(p.x)} ${n(p.y)}) scale(${n(p.size / 16)})">${parts.join("")}</g>`,
          );
          break;
        }
        case "text":
          this.text(p);
          break;
      }
    }
  }

  defs(): string {
    const markers = [...this.markers].map(
      ([colour, id]) =>
        `<marker id="${id}" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L8,4 L0,8 Z" fill="${colour}"/></marker>`,
    );
    return `<defs>${markers.join("")}</defs>`;
  }

  body(): string {
    return this.out.join("\n");
  }
}

/**
 * Which part of a drawing a document shows, and at what size: its full size by default; a PNG's
 * band gives its size in device pixels and the stretch of the drawing it covers.
 */
export interface SvgViewport {
  width: number;
  height: number;
  viewBox: readonly [x: number, y: number, width: number, height: number];
}

/**
 * The drawing as standalone SVG documents of any viewport of it: the whole drawing, or (a PNG's
 * band) only the primitives that reach into the viewport's stretch of it.
 */
export function svgDocuments(
  drawing: Drawing,
  mode: TextMode = { kind: "text" },
): (viewport?: SvgViewport) => string {
  const contentOf = (band?: Band) => {
    const writer = new SvgWriter(mode, band);
    writer.draw(drawing.prims);
    return [
      `<title id="picture-title">${escapeXml(drawing.title)}</title>`,
      `<desc id="picture-desc">${escapeXml(drawing.description)}</desc>`,
      writer.defs(),
      writer.body(),
      "</svg>",
      "",
    ].join("\n");
  };
  const { width, height } = drawing;
  return (viewport) => {
    const content = viewport
      ? contentOf([viewport.viewBox[1], viewport.viewBox[1] + viewport.viewBox[3]])
      : contentOf();
    const size = viewport
      ? `width="${viewport.width}" height="${viewport.height}" viewBox="${viewport.viewBox.join(" ")}"`
      : `width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}"`;
    return [
      '<?xml version="1.0" encoding="UTF-8"?>',
      `<svg xmlns="http://www.w3.org/2000/svg" ${size} font-family="${FONT_FAMILY}" role="img" aria-labelledby="picture-title picture-desc">`,
      content,
    ].join("\n");
  };
}

/** The drawing as a standalone SVG document. */
export function drawingToSvg(drawing: Drawing, mode: TextMode = { kind: "text" }): string {
  return svgDocuments(drawing, mode)();
}
