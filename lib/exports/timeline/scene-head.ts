// The header rows of a timeline picture (the time axis and the phase bands with their gates) and
// what runs behind the lanes (month lines, the today line), from the shared axis rules.

import { axisRows, gridLines, phaseBox } from "@/lib/planning/timeline-axis";
import {
  AXIS_HEIGHT,
  AXIS_ROW_HEIGHT,
  PHASE_ROW_HEIGHT,
  todayX,
  type TimeScale,
} from "@/lib/planning/timeline-layout";
import { gateStateLabel } from "@/lib/validation/phase-kinds";
import { COLOURS, GATE_COLOURS, TEXT } from "./palette";
import type { PictureInput } from "./picture-model";
import type { Prim } from "./primitives";
import type { TextShaper } from "./text-shaper";
import { plainLine } from "./xml-text";

export interface HeadContext {
  input: PictureInput;
  scale: TimeScale;
  shaper: TextShaper;
  laneWidth: number;
  rangeWidth: number;
  /** A text size in the picture, raised to the format's smallest (slides: 12 pt). */
  size: (px: number) => number;
}

export function headHeight(input: Pick<PictureInput, "phases">): number {
  return AXIS_HEIGHT + (input.phases.length > 0 ? PHASE_ROW_HEIGHT : 0);
}

function axisPrims(ctx: HeadContext): Prim[] {
  const { scale, shaper, laneWidth } = ctx;
  const { top, bottom } = axisRows(scale, ctx.input.dates, ctx.input.detail);
  const out: Prim[] = [];
  for (const span of top) {
    const x = laneWidth + span.x;
    out.push({
      t: "line",
      x1: x,
      y1: 0,
      x2: x,
      y2: AXIS_ROW_HEIGHT,
      stroke: { colour: span.strong ? COLOURS.lineStrong : COLOURS.line, width: 1 },
    });
    const text = shaper.fit(span.label, ctx.size(TEXT.axis), span.width - 12, true);
    if (text)
      out.push({
        t: "text",
        x: x + 8,
        y: AXIS_ROW_HEIGHT / 2,
        text,
        size: ctx.size(TEXT.axis),
        bold: true,
        colour: COLOURS.ink,
      });
  }
  out.push({
    t: "line",
    x1: laneWidth,
    y1: AXIS_ROW_HEIGHT,
    x2: laneWidth + ctx.rangeWidth,
    y2: AXIS_ROW_HEIGHT,
    stroke: { colour: COLOURS.line, width: 1 },
  });
  for (const span of bottom) {
    const x = laneWidth + span.x;
    out.push({
      t: "line",
      x1: x,
      y1: AXIS_ROW_HEIGHT,
      x2: x,
      y2: AXIS_HEIGHT,
      stroke: { colour: COLOURS.line, width: 1 },
    });
    const text = span.label ? shaper.fit(span.label, ctx.size(TEXT.axis), span.width - 8) : "";
    if (text)
      out.push({
        t: "text",
        x: x + 5,
        y: AXIS_ROW_HEIGHT * 1.5,
        text,
        size: ctx.size(TEXT.axis),
        colour: COLOURS.inkSoft,
      });
  }
  return out;
}

function phasePrims(ctx: HeadContext): Prim[] {
  const { scale, shaper, laneWidth, rangeWidth } = ctx;
  const out: Prim[] = [];
  const top = AXIS_HEIGHT + 4;
  const height = PHASE_ROW_HEIGHT - 8;
  for (const phase of ctx.input.phases) {
    const box = phaseBox(scale, phase);
    const x0 = Math.max(0, box.x);
    const x1 = Math.min(rangeWidth, box.x + box.width);
    if (x1 - x0 < 4) continue;
    const x = laneWidth + x0 + 1;
    const w = x1 - x0 - 2;
    const decision = phase.gate?.decision ?? null;
    const children: Prim[] = [
      {
        t: "rect",
        x,
        y: top,
        w,
        h: height,
        radius: 6,
        fill: phase.position % 2 === 0 ? COLOURS.accent50 : COLOURS.phaseAlt,
        stroke: phase.subjectToReplanning
          ? { colour: COLOURS.replanBorder, width: 1, dashed: true }
          : { colour: COLOURS.accent300, width: 1 },
        name: `Phase ${plainLine(phase.name)}`,
      },
    ];
    let room = w - 12;
    if (phase.gate && w >= 90) {
      const state = `◆ ${gateStateLabel(decision)}`;
      const stateWidth = shaper.width(state, ctx.size(TEXT.small), true);
      children.push({
        t: "text",
        x: x + w - 6,
        y: top + height / 2,
        text: state,
        size: ctx.size(TEXT.small),
        bold: true,
        colour: GATE_COLOURS[decision ?? "undecided"],
        anchor: "end",
      });
      room -= stateWidth + 8;
    }
    const name = shaper.fit(plainLine(phase.name), ctx.size(TEXT.axis), room, true);
    if (name) {
      children.push({
        t: "text",
        x: x + 6,
        y: top + height / 2,
        text: name,
        size: ctx.size(TEXT.axis),
        bold: true,
        colour: COLOURS.ink,
      });
      const after = shaper.width(name, ctx.size(TEXT.axis), true) + 6;
      const note = phase.subjectToReplanning
        ? shaper.fit("subject to replanning", ctx.size(TEXT.small), room - after)
        : "";
      if (note)
        children.push({
          t: "text",
          x: x + 6 + after,
          y: top + height / 2,
          text: note,
          size: ctx.size(TEXT.small),
          italic: true,
          colour: COLOURS.warning800,
        });
    }
    const gate = phase.gate ? `, gate “${plainLine(phase.gate.title)}”: ${gateStateLabel(decision)}` : "";
    const title = `Phase ${plainLine(phase.name)}, ${ctx.input.dates.range(phase.startDate, phase.endDate)}${gate}${phase.subjectToReplanning ? ", subject to replanning" : ""}`;
    out.push({ t: "group", kind: "phase", id: phase.id, title, children });
  }
  return out;
}

/** The axis (and phase row) above the lanes, with the column heading and the today flag. */
export function headPrims(ctx: HeadContext): Prim[] {
  const height = headHeight(ctx.input);
  const out: Prim[] = [
    {
      t: "text",
      x: 12,
      y: AXIS_HEIGHT - 12,
      text: "Lanes",
      size: ctx.size(TEXT.axis),
      colour: COLOURS.muted,
    },
    ...axisPrims(ctx),
  ];
  if (ctx.input.phases.length > 0) {
    out.push({
      t: "text",
      x: 12,
      y: AXIS_HEIGHT + PHASE_ROW_HEIGHT / 2,
      text: "Phases",
      size: ctx.size(TEXT.axis),
      colour: COLOURS.muted,
    });
    out.push({
      t: "line",
      x1: 0,
      y1: AXIS_HEIGHT,
      x2: ctx.laneWidth + ctx.rangeWidth,
      y2: AXIS_HEIGHT,
      stroke: { colour: COLOURS.line, width: 1 },
    });
    out.push(...phasePrims(ctx));
  }
  out.push({
    t: "line",
    x1: ctx.laneWidth,
    y1: 0,
    x2: ctx.laneWidth,
    y2: height,
    stroke: { colour: COLOURS.lineStrong, width: 1 },
  });
  out.push({
    t: "line",
    x1: 0,
    y1: height,
    x2: ctx.laneWidth + ctx.scale.width,
    y2: height,
    stroke: { colour: COLOURS.lineStrong, width: 1 },
  });
  return out;
}

/** "Today" on a tag hanging under the today line, below the lanes (where it covers no label). */
export function todayTag(ctx: HeadContext, y: number): Prim[] {
  const today = todayX(ctx.scale, ctx.input.today);
  if (today === null) return [];
  const x = ctx.laneWidth + today;
  const size = ctx.size(9);
  const w = ctx.shaper.width("Today", size, true) + 8;
  const h = size + 4;
  return [
    { t: "rect", x: x - w / 2, y, w, h, radius: 2, fill: COLOURS.danger600, name: "Today" },
    {
      t: "text",
      x,
      y: y + h / 2,
      text: "Today",
      size,
      bold: true,
      colour: COLOURS.surface,
      anchor: "middle",
    },
  ];
}

/** Month lines and the today line over a body of `height` pixels (x from the lane column's edge). */
export function bodyBackground(ctx: HeadContext, height: number): Prim[] {
  const out: Prim[] = gridLines(ctx.scale).map((line) => ({
    t: "line" as const,
    x1: ctx.laneWidth + line.x,
    y1: 0,
    x2: ctx.laneWidth + line.x,
    y2: height,
    stroke: { colour: line.strong ? COLOURS.lineStrong : COLOURS.line, width: 1 },
  }));
  const today = todayX(ctx.scale, ctx.input.today);
  if (today !== null) {
    const x = ctx.laneWidth + today;
    out.push({ t: "line", x1: x, y1: 0, x2: x, y2: height, stroke: { colour: COLOURS.danger600, width: 2 } });
  }
  return out;
}
