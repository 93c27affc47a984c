// What the shapes and colours of a picture mean, for its audience: the same entries as the page's
// legend, laid out in lines that wrap within the picture's width.

import {
  CRITICAL_COLOUR,
  STATUS_COLOURS,
  STATUS_GLYPHS,
  STATUS_LABELS,
  STATUS_ORDER,
  STATUS_SYMBOLS,
  WARNING_GLYPH,
} from "@/lib/planning/timeline-style";
import { COLOURS, TEXT } from "./palette";
import { AUDIENCE_RULES, type PictureInput } from "./picture-model";
import type { Prim } from "./primitives";
import type { TextShaper } from "./text-shaper";

interface Entry {
  /** The swatch, drawn in a 24×16 box with its top left at 0, 0. */
  swatch: Prim[];
  text: string;
}

const LINE_HEIGHT = 24;
const SWATCH = 24;

function entries(input: PictureInput): Entry[] {
  const rules = AUDIENCE_RULES[input.audience];
  const out: Entry[] = STATUS_ORDER.filter((s) => rules.cut || s !== "cut").map((status) => {
    const c = STATUS_COLOURS[status];
    return {
      swatch: [
        {
          t: "rect",
          x: 0,
          y: 0,
          w: SWATCH,
          h: 16,
          radius: 4,
          fill: c.fill,
          stroke: { colour: c.stroke, width: 1, dashed: c.dashed },
        },
        {
          t: "glyph",
          x: 6,
          y: 2,
          size: 12,
          parts: STATUS_GLYPHS[status],
          colour: c.text,
          symbol: STATUS_SYMBOLS[status],
        },
      ],
      text: STATUS_LABELS[status],
    };
  });
  if (rules.milestones === "all")
    out.push({
      swatch: [
        {
          t: "diamond",
          cx: 12,
          cy: 8,
          half: 7,
          fill: COLOURS.surface,
          stroke: { colour: COLOURS.milestoneStroke, width: 2 },
        },
      ],
      text: "Milestone",
    });
  out.push({
    swatch: [
      {
        t: "diamond",
        cx: 12,
        cy: 8,
        half: 8,
        fill: COLOURS.accent800,
        stroke: { colour: COLOURS.accent900, width: 2 },
      },
    ],
    text: "Key milestone",
  });
  if (rules.p80) out.push({ swatch: [], text: "P80: 80% likely done by then (forecast)" });
  if (rules.critical)
    out.push({
      swatch: [
        {
          t: "rect",
          x: 0,
          y: 0,
          w: SWATCH,
          h: 16,
          radius: 4,
          fill: STATUS_COLOURS.planned.fill,
          stroke: { colour: CRITICAL_COLOUR, width: 2 },
        },
        { t: "rect", x: 2, y: 12, w: SWATCH - 4, h: 3, fill: CRITICAL_COLOUR },
      ],
      text: "Critical path",
    });
  if (rules.slack) out.push({ swatch: [], text: "Nd slack: working days an item can slip" });
  if (rules.violations)
    out.push({
      swatch: [
        { t: "glyph", x: 4, y: 0, size: 16, parts: WARNING_GLYPH, colour: COLOURS.danger600, symbol: "⚠" },
      ],
      text: "Date problem (red ring)",
    });
  if (rules.arrows) out.push({ swatch: [], text: "+3d: lag in working days" });
  if (input.phases.length > 0)
    out.push({
      swatch: [
        {
          t: "rect",
          x: 0,
          y: 0,
          w: SWATCH,
          h: 16,
          radius: 4,
          fill: COLOURS.accent50,
          stroke: { colour: COLOURS.replanBorder, width: 1, dashed: true },
        },
      ],
      text: "Phase subject to replanning",
    });
  // The today line is drawn only when today is within the range (todayX): so is its entry.
  if (input.today >= input.from && input.today <= input.to)
    out.push({
      swatch: [{ t: "line", x1: 12, y1: 0, x2: 12, y2: 16, stroke: { colour: COLOURS.danger600, width: 2 } }],
      text: "Today",
    });
  return out;
}

/** The legend's primitives from y = 0, wrapped to `width`, and the height it takes. */
export function legendPrims(
  input: PictureInput,
  width: number,
  shaper: TextShaper,
  size: (px: number) => number,
): { prims: Prim[]; height: number } {
  const textSize = size(TEXT.small);
  const lineHeight = Math.max(LINE_HEIGHT, textSize + 10);
  const children: Prim[] = [];
  let x = 0;
  let y = 0;
  for (const entry of entries(input)) {
    const swatchWidth = entry.swatch.length > 0 ? SWATCH + 6 : 0;
    const w = swatchWidth + shaper.width(entry.text, textSize);
    if (x > 0 && x + w > width) {
      x = 0;
      y += lineHeight;
    }
    if (entry.swatch.length > 0)
      children.push({ t: "layer", dx: x, dy: y + (lineHeight - 16) / 2, children: entry.swatch });
    children.push({
      t: "text",
      x: x + swatchWidth,
      y: y + lineHeight / 2,
      text: entry.text,
      size: textSize,
      colour: COLOURS.inkSoft,
    });
    x += w + 20;
  }
  return {
    prims: [{ t: "group", kind: "legend", id: "legend", title: "Legend", children }],
    height: y + lineHeight,
  };
}
