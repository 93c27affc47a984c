// A drawing as native PowerPoint shapes a person can edit: each bar a rounded rectangle carrying
// its title, each milestone a diamond, every label a text box, each dependency a line with an
// arrowhead (attached to its bars by deck-connectors.ts). One picture pixel is one point.

import type PptxGenJS from "pptxgenjs";
import { walk, type Drawing, type Prim, type Stroke } from "./primitives";
import type { TextShaper } from "./text-shaper";

/** The deck's typeface: present wherever PowerPoint is (the pictures' DejaVu Sans may not be). */
export const DECK_FONT = "Arial";
const BASELINE_PAD = 0.3;

const inch = (px: number) => px / 72;
const colour = (hex: string) => hex.replace("#", "").toUpperCase();

type Slide = PptxGenJS.Slide;

function line(stroke: Stroke | undefined): PptxGenJS.ShapeLineProps {
  if (!stroke) return { type: "none" };
  return { color: colour(stroke.colour), width: stroke.width, dashType: stroke.dashed ? "dash" : "solid" };
}

function fill(value: string | undefined): PptxGenJS.ShapeFillProps {
  return !value || value === "none" ? { type: "none" } : { color: colour(value) };
}

/** A dependency drawn on a slide, for attaching it to its items' shapes afterwards. */
export interface SlideLink {
  /** Unique on its slide, at the end of the shape's name: "[link 3]". */
  token: string;
  fromId: string;
  toId: string;
  /** Where it leaves its predecessor and enters its successor, in slide points. */
  start: [number, number];
  end: [number, number];
  stroke: Stroke;
}

export interface SlideShapes {
  /** Per item id, the token ending the name of its bar or diamond: "[item 12]". */
  items: Map<string, string>;
  links: SlideLink[];
}

/**
 * Draws the drawing's primitives on the slide. An item's bar or diamond is named "<title> [item n]"
 * (a person finds it in the selection pane; the connectors find it after), a link "… [link n]".
 */
export function drawOnSlide(
  pptx: PptxGenJS,
  slide: Slide,
  drawing: Drawing,
  shaper: TextShaper,
): SlideShapes {
  const shapes: SlideShapes = { items: new Map(), links: [] };
  let counter = 0;
  const shapeName = (itemId: string | null, title: string) => {
    counter += 1;
    const token = itemId ? `[item ${counter}]` : `[${counter}]`;
    if (itemId && !shapes.items.has(itemId)) shapes.items.set(itemId, token);
    return `${title.slice(0, 80)} ${token}`;
  };
  walk(drawing.prims as Prim[], (p, dx, dy, group) => {
    const itemId = group?.kind === "item" ? group.id : null;
    switch (p.t) {
      case "rect": {
        const shape = p.radius ? pptx.ShapeType.roundRect : pptx.ShapeType.rect;
        const box = {
          x: inch(p.x + dx),
          y: inch(p.y + dy),
          w: inch(Math.max(p.w, 0.5)),
          h: inch(Math.max(p.h, 0.5)),
        };
        const common = {
          ...box,
          fill: fill(p.fill),
          line: line(p.stroke),
          rectRadius: p.radius ? inch(Math.min(p.radius, p.w / 2, p.h / 2)) : undefined,
          objectName: shapeName(p.name ? itemId : null, p.name ?? "Shape"),
        };
        if (p.label) {
          slide.addText(p.label.text, {
            ...common,
            shape,
            fontFace: DECK_FONT,
            fontSize: p.label.size,
            color: colour(p.label.colour),
            bold: p.label.bold,
            strike: p.label.strike ? "sngStrike" : undefined,
            align: "left",
            valign: "middle",
            margin: [p.label.padLeft, 4, 0, 0],
            fit: "none",
            wrap: false,
          });
        } else slide.addShape(shape, common);
        break;
      }
      case "diamond":
        slide.addShape(pptx.ShapeType.diamond, {
          x: inch(p.cx - p.half + dx),
          y: inch(p.cy - p.half + dy),
          w: inch(2 * p.half),
          h: inch(2 * p.half),
          fill: fill(p.fill),
          line: line(p.stroke),
          objectName: shapeName(p.name ? itemId : null, p.name ?? "Milestone"),
        });
        break;
      case "line": {
        const x = Math.min(p.x1, p.x2);
        const y = Math.min(p.y1, p.y2);
        slide.addShape(pptx.ShapeType.line, {
          x: inch(x + dx),
          y: inch(y + dy),
          w: inch(Math.abs(p.x2 - p.x1)),
          h: inch(Math.abs(p.y2 - p.y1)),
          line: line(p.stroke),
          flipV: (p.x2 - p.x1) * (p.y2 - p.y1) < 0,
        });
        break;
      }
      case "arrow": {
        const xs = p.points.map(([x]) => x);
        const ys = p.points.map(([, y]) => y);
        const x0 = Math.min(...xs);
        const y0 = Math.min(...ys);
        counter += 1;
        const token = `[link ${counter}]`;
        const [sx, sy] = p.points[0];
        const [ex, ey] = p.points[p.points.length - 1];
        shapes.links.push({
          token,
          fromId: p.fromId,
          toId: p.toId,
          start: [sx + dx, sy + dy],
          end: [ex + dx, ey + dy],
          stroke: p.stroke,
        });
        // pptxgenjs draws custom geometry but its types do not list the name.
        slide.addShape("custGeom" as PptxGenJS.SHAPE_NAME, {
          x: inch(x0 + dx),
          y: inch(y0 + dy),
          w: inch(Math.max(Math.max(...xs) - x0, 1)),
          h: inch(Math.max(Math.max(...ys) - y0, 1)),
          points: p.points.map(([x, y]) => ({ x: inch(x - x0), y: inch(y - y0) })),
          line: { ...line(p.stroke), endArrowType: "triangle" },
          fill: { type: "none" },
          objectName: `${(group?.title ?? "Dependency").slice(0, 100)} ${token}`,
        });
        break;
      }
      case "glyph":
        slide.addText(p.symbol, {
          x: inch(p.x + dx),
          y: inch(p.y + dy),
          w: inch(p.size),
          h: inch(p.size),
          fontFace: DECK_FONT,
          fontSize: Math.max(12, p.size * 0.85),
          color: colour(p.colour),
          align: "center",
          valign: "middle",
          margin: 0,
        });
        break;
      case "text": {
        if (!p.text) break;
        const width = shaper.width(p.text, p.size, p.bold) + p.size;
        const x = p.anchor === "middle" ? p.x - width / 2 : p.anchor === "end" ? p.x - width : p.x;
        const h = p.size * (1 + 2 * BASELINE_PAD);
        slide.addText(p.text, {
          x: inch(x + dx),
          y: inch(p.y - h / 2 + dy),
          w: inch(width),
          h: inch(h),
          fontFace: DECK_FONT,
          fontSize: p.size,
          color: colour(p.colour),
          bold: p.bold,
          italic: p.italic,
          strike: p.strike ? "sngStrike" : undefined,
          align: p.anchor === "middle" ? "center" : p.anchor === "end" ? "right" : "left",
          valign: "middle",
          margin: 0,
          fit: "none",
          wrap: false,
        });
        break;
      }
    }
  });
  return shapes;
}
