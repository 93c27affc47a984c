// A page of a timeline picture: the roadmap's title and "as of" line, the header rows, a run of
// lanes' rows and the legend, stacked; and how a picture splits into pages by lanes.

import { ROW_HEIGHT } from "@/lib/planning/timeline-layout";
import { AUDIENCE_LABELS } from "@/lib/validation/communication-kinds";
import { legendPrims } from "./legend";
import { COLOURS, TEXT } from "./palette";
import type { Drawing, Prim } from "./primitives";
import { bodyHeight, drawRows, type Scene } from "./scene";
import { todayTag } from "./scene-head";
import { plainLine } from "./xml-text";

export const MARGIN = 24;
const HEADER_HEIGHT = 64;
/** Between the lanes and the legend: room for the today tag. */
const LEGEND_GAP = 20;

/** "Engineering view · as of 7 Dec 2026 · 4 Jan – 31 Dec 2027" */
export function subtitleOf(scene: Scene): string {
  const { input } = scene;
  return `${AUDIENCE_LABELS[input.audience]} view · as of ${input.dates.date(input.today)} · ${input.dates.range(input.from, input.to)}`;
}

function headerPrims(scene: Scene, width: number, note: string): Prim[] {
  const { shaper, size } = scene.context;
  const title = plainLine(scene.input.title) || "Untitled roadmap";
  const brand = "Cairn";
  const brandWidth = shaper.width(brand, size(TEXT.subtitle), true);
  const subtitle = `${subtitleOf(scene)}${note ? ` · ${note}` : ""}`;
  return [
    {
      t: "text",
      x: MARGIN,
      y: MARGIN + 12,
      text: shaper.fit(title, size(TEXT.title), width - 2 * MARGIN - brandWidth - 24, true),
      size: size(TEXT.title),
      bold: true,
      colour: COLOURS.ink,
    },
    {
      t: "text",
      x: width - MARGIN,
      y: MARGIN + 12,
      text: brand,
      size: size(TEXT.subtitle),
      bold: true,
      colour: COLOURS.accent800,
      anchor: "end",
    },
    {
      t: "text",
      x: MARGIN,
      y: MARGIN + 40,
      text: shaper.fit(subtitle, size(TEXT.subtitle), width - 2 * MARGIN),
      size: size(TEXT.subtitle),
      colour: COLOURS.muted,
    },
  ];
}

/** The height a page takes besides its rows: margins, title, header rows and legend. */
export function pageChrome(scene: Scene): number {
  const width = scene.width + 2 * MARGIN;
  const legend = legendPrims(scene.input, width - 2 * MARGIN, scene.context.shaper, scene.context.size);
  return 2 * MARGIN + HEADER_HEIGHT + scene.headHeight + LEGEND_GAP + legend.height;
}

/** A page showing rows [fromRow, toRow); `note` ends the subtitle (e.g. "page 2 of 3"). */
export function composePage(scene: Scene, fromRow: number, toRow: number, note = ""): Drawing {
  const width = scene.width + 2 * MARGIN;
  const top = MARGIN + HEADER_HEIGHT;
  const body = bodyHeight(scene, fromRow, toRow);
  const legend = legendPrims(scene.input, width - 2 * MARGIN, scene.context.shaper, scene.context.size);
  const timelineHeight = scene.headHeight + body;
  const height = top + timelineHeight + LEGEND_GAP + legend.height + MARGIN;
  const prims: Prim[] = [
    { t: "rect", x: 0, y: 0, w: width, h: height, fill: COLOURS.surface },
    ...headerPrims(scene, width, note),
    { t: "layer", dx: MARGIN, dy: top, children: scene.head },
    { t: "layer", dx: MARGIN, dy: top + scene.headHeight, children: drawRows(scene, fromRow, toRow) },
    {
      t: "rect",
      x: MARGIN,
      y: top,
      w: scene.width,
      h: timelineHeight,
      radius: 6,
      stroke: { colour: COLOURS.lineStrong, width: 1 },
    },
    { t: "layer", dx: MARGIN, dy: top + timelineHeight, children: todayTag(scene.context, 0) },
    { t: "layer", dx: MARGIN, dy: top + timelineHeight + LEGEND_GAP, children: legend.prims },
  ];
  const { input } = scene;
  return {
    width,
    height,
    prims,
    title: `${plainLine(input.title)}: timeline`,
    description: `${subtitleOf(scene)}. ${scene.itemCount} ${scene.itemCount === 1 ? "item" : "items"} in ${scene.layout.lanes.length} ${scene.layout.lanes.length === 1 ? "lane" : "lanes"}.`,
  };
}

/**
 * Rows per page for pages of at most `maxRows` rows: a page ends at a lane boundary, so no lane is
 * cut in half, unless a lane alone is taller than a page (it then continues on the next, whole
 * rows at a time). Answers [fromRow, toRow) per page; one page when nothing is planned.
 */
export function pageRows(scene: Scene, maxRows: number): Array<[number, number]> {
  if (scene.rowCount === 0) return [[0, 0]];
  const limit = Math.max(1, maxRows);
  const pages: Array<[number, number]> = [];
  let start = 0;
  let end = 0;
  for (const lane of scene.layout.lanes) {
    const laneEnd = lane.firstRow + lane.rowCount;
    if (laneEnd - start <= limit) {
      end = laneEnd;
      continue;
    }
    if (end > start) {
      pages.push([start, end]);
      start = end;
    }
    // A lane taller than a page: whole pages of its rows, the rest begins the next page.
    while (laneEnd - start > limit) {
      pages.push([start, start + limit]);
      start += limit;
    }
    end = laneEnd;
  }
  if (end > start) pages.push([start, end]);
  return pages;
}

/** How many rows fit a page `height` pixels tall. */
export function rowsThatFit(scene: Scene, height: number): number {
  return Math.floor((height - pageChrome(scene)) / ROW_HEIGHT);
}
