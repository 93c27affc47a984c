// A timeline picture's content, laid out once by the shared rules (lib/planning/timeline-layout):
// the header rows, and the lanes' rows drawn for any run of rows, so that a page can hold whole
// lanes (or, for a lane taller than a page, whole rows of it).

import { toDayNumber } from "@/lib/planning/calendar";
import {
  layoutTimeline,
  rangeScale,
  ROW_HEIGHT,
  type LaneBlock,
  type TimeScale,
} from "@/lib/planning/timeline-layout";
import { COLOURS, TEXT } from "./palette";
import { visibleItems, type PictureInput, type PictureLane } from "./picture-model";
import type { Prim } from "./primitives";
import { bodyBackground, headHeight, headPrims, type HeadContext } from "./scene-head";
import {
  arrowGroups,
  itemGroup,
  labelText,
  type ItemContext,
  type PictureLayout,
  type PlacedArrow,
} from "./scene-items";
import type { TextShaper } from "./text-shaper";
import { plainLine } from "./xml-text";

/** How a format draws the timeline: days to pixels, the lane column, its smallest text. */
export interface Frame {
  pxPerDay: number;
  laneWidth: number;
  /** Room after the range's last day for the labels of late items. */
  tail: number;
  /** The smallest text size the format allows, in its pixels. */
  textFloor: number;
}

/** The height of the message drawn when nothing is planned in the range. */
const EMPTY_HEIGHT = 120;

export interface Scene {
  input: PictureInput;
  frame: Frame;
  scale: TimeScale;
  layout: PictureLayout;
  /** Lane column plus the range and its tail. */
  width: number;
  headHeight: number;
  head: Prim[];
  /** Rows of lanes in order; 0 when nothing is planned (the body is then a message). */
  rowCount: number;
  itemCount: number;
  arrows: PlacedArrow[];
  context: ItemContext & HeadContext;
}

/** The frame that fits `width` pixels (lane column, range and tail) exactly: PDF pages and slides. */
export function frameToFit(width: number, from: string, to: string, laneWidth: number, textFloor = 0): Frame {
  const days = toDayNumber(to) - toDayNumber(from) + 1;
  const tail = Math.min(120, Math.round(width * 0.1));
  return { pxPerDay: Math.max(0.05, (width - laneWidth - tail) / days), laneWidth, tail, textFloor };
}

export function buildScene(input: PictureInput, frame: Frame, shaper: TextShaper): Scene {
  const scale = rangeScale(input.from, input.to, frame.pxPerDay, frame.tail);
  const rangeWidth = (scale.endDay - scale.startDay + 1) * scale.pxPerDay;
  const items = visibleItems(input);
  const layout = layoutTimeline<(typeof items)[number], PictureLane>(input.lanes, items, scale, (item) =>
    labelText(input, item),
  );
  const context = {
    input,
    scale,
    shaper,
    rangeWidth,
    laneWidth: frame.laneWidth,
    size: (px: number) => Math.max(px, frame.textFloor),
  };
  return {
    input,
    frame,
    scale,
    layout,
    width: frame.laneWidth + scale.width,
    headHeight: headHeight(input),
    head: headPrims(context),
    rowCount: items.length === 0 ? 0 : layout.rows.length,
    itemCount: items.length,
    arrows: arrowGroups(context, layout),
    context,
  };
}

/** The height the rows [from, to) take, or the empty message's. */
export function bodyHeight(scene: Scene, fromRow: number, toRow: number): number {
  return scene.rowCount === 0 ? EMPTY_HEIGHT : (toRow - fromRow) * ROW_HEIGHT;
}

function laneLabel(
  scene: Scene,
  block: LaneBlock<PictureLane>,
  top: number,
  rows: number,
  continued: boolean,
): Prim[] {
  const { shaper, size } = scene.context;
  const width = scene.frame.laneWidth - 20;
  const name = `${plainLine(block.name)}${continued ? " (continued)" : ""}`;
  const out: Prim[] = [
    {
      t: "text",
      x: 12,
      y: top + (rows > 1 || scene.input.audience === "product" ? 14 : ROW_HEIGHT / 2),
      text: shaper.fit(name, size(TEXT.lane), width, true),
      size: size(TEXT.lane),
      bold: true,
      italic: block.id === null,
      colour: block.id === null ? COLOURS.muted : COLOURS.ink,
    },
  ];
  const progress = scene.input.audience === "product" ? scene.input.laneProgress.get(block.id) : undefined;
  if (progress !== undefined) {
    const text = `${Math.round(progress * 100)}% done`;
    const textWidth = shaper.width(text, size(TEXT.small)) + 8;
    const track = Math.max(0, width - textWidth);
    out.push({ t: "text", x: 12, y: top + 30, text, size: size(TEXT.small), colour: COLOURS.muted });
    if (track >= 30) {
      out.push({
        t: "rect",
        x: 12 + textWidth,
        y: top + 28,
        w: track,
        h: 4,
        radius: 2,
        fill: COLOURS.progressTrack,
      });
      if (progress > 0)
        out.push({
          t: "rect",
          x: 12 + textWidth,
          y: top + 28,
          w: Math.max(4, track * progress),
          h: 4,
          radius: 2,
          fill: COLOURS.accent600,
          name: `${block.name}: ${text}`,
        });
    }
  } else if (rows > 1) {
    const count = `${block.itemCount} ${block.itemCount === 1 ? "item" : "items"}`;
    out.push({ t: "text", x: 12, y: top + 31, text: count, size: size(TEXT.small), colour: COLOURS.muted });
  }
  return out;
}

/**
 * The rows [fromRow, toRow) with y from their own top: lane stripes and names (a lane begun on an
 * earlier page says "continued"), month and today lines, the items in those rows, and the links
 * whose both ends are among them.
 */
export function drawRows(scene: Scene, fromRow: number, toRow: number): Prim[] {
  const { frame, layout } = scene;
  const height = bodyHeight(scene, fromRow, toRow);
  const right = scene.width;
  const out: Prim[] = [];
  if (scene.rowCount === 0) {
    out.push(...bodyBackground(scene.context, height));
    out.push({
      t: "text",
      x: right / 2,
      y: height / 2,
      text: "Nothing planned yet",
      size: scene.context.size(TEXT.message),
      colour: COLOURS.muted,
      anchor: "middle",
    });
    return out;
  }
  const labels: Prim[] = [];
  for (const [index, block] of layout.lanes.entries()) {
    const first = Math.max(block.firstRow, fromRow);
    const last = Math.min(block.firstRow + block.rowCount, toRow);
    if (first >= last) continue;
    const top = (first - fromRow) * ROW_HEIGHT;
    const h = (last - first) * ROW_HEIGHT;
    const odd = index % 2 === 1;
    out.push({
      t: "rect",
      x: 0,
      y: top,
      w: frame.laneWidth,
      h,
      fill: odd ? COLOURS.laneColumnStripe : COLOURS.surface,
    });
    if (odd)
      out.push({
        t: "rect",
        x: frame.laneWidth,
        y: top,
        w: right - frame.laneWidth,
        h,
        fill: COLOURS.laneStripe,
      });
    out.push({
      t: "line",
      x1: 0,
      y1: top + h,
      x2: right,
      y2: top + h,
      stroke: { colour: COLOURS.line, width: 1 },
    });
    labels.push({
      t: "group",
      kind: "lane",
      id: block.id ?? "no-lane",
      title: `Lane ${plainLine(block.name)}`,
      children: laneLabel(scene, block, top, last - first, first > block.firstRow),
    });
    if (block.itemCount === 0)
      labels.push({
        t: "text",
        x: frame.laneWidth + 12,
        y: top + ROW_HEIGHT / 2,
        text: "No items in this lane yet.",
        size: scene.context.size(TEXT.lane),
        colour: COLOURS.muted,
      });
  }
  out.push(...bodyBackground(scene.context, height));
  out.push({
    t: "line",
    x1: frame.laneWidth,
    y1: 0,
    x2: frame.laneWidth,
    y2: height,
    stroke: { colour: COLOURS.lineStrong, width: 1 },
  });
  out.push(...labels);
  const inRows = (row: number) => row >= fromRow && row < toRow;
  const items: Prim[] = scene.arrows.filter((a) => inRows(a.fromRow) && inRows(a.toRow)).map((a) => a.group);
  for (let row = fromRow; row < toRow; row++)
    for (const placed of layout.rows[row].items) items.push(itemGroup(scene.context, placed));
  out.push({ t: "layer", dx: frame.laneWidth, dy: -fromRow * ROW_HEIGHT, children: items });
  return out;
}
