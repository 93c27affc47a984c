// From a picture's data to its pages: the frame each format draws in, and the limits past which a
// picture would be too large to draw in time (the caller answers 422 with them).

import { ZOOMS } from "@/lib/planning/timeline-layout";
import { composePage, MARGIN, pageRows, rowsThatFit } from "./compose";
import { FOOTER_PX, PAPER, PT_PER_PX } from "./paper";
import type { PictureInput } from "./picture-model";
import type { Drawing } from "./primitives";
import { buildScene, frameToFit, type Frame, type Scene } from "./scene";
import type { TextShaper } from "./text-shaper";
import type { PaperSize } from "@/lib/validation/pictures";

/** The page's lane column when the window is wide. */
export const LANE_WIDTH = 208;

/**
 * The most items one picture draws. Past it a picture takes seconds and is unreadable anyway: the
 * caller asks for a shorter range or another audience instead.
 */
export const MAX_PICTURE_ITEMS = 5_000;

/** SVG and PNG draw at the page's own zoom: 3 px a day for quarters, 12 for months. */
export function pictureFrame(input: Pick<PictureInput, "detail">): Frame {
  const pxPerDay = input.detail === "months" ? ZOOMS.month.pxPerDay : ZOOMS.quarter.pxPerDay;
  return { pxPerDay, laneWidth: LANE_WIDTH, tail: 160, textFloor: 0 };
}

export function pictureScene(input: PictureInput, shaper: TextShaper): Scene {
  return buildScene(input, pictureFrame(input), shaper);
}

/** The whole picture on one page (SVG, PNG). */
export function pictureDrawing(scene: Scene): Drawing {
  return composePage(scene, 0, scene.rowCount);
}

/**
 * PDF pages: the range fitted to the paper's width, lanes paged so that none is cut in half
 * (unless one alone is taller than a page), "page n of N" in each subtitle.
 */
export function pdfDrawings(input: PictureInput, shaper: TextShaper, paper: PaperSize): Drawing[] {
  const size = PAPER[paper];
  const widthPx = size.width / PT_PER_PX;
  const heightPx = size.height / PT_PER_PX - FOOTER_PX;
  const laneWidth = paper === "a3" ? LANE_WIDTH : 168;
  const scene = buildScene(input, frameToFit(widthPx - 2 * MARGIN, input.from, input.to, laneWidth), shaper);
  const pages = pageRows(scene, rowsThatFit(scene, heightPx));
  return pages.map(([from, to], i) =>
    composePage(scene, from, to, pages.length > 1 ? `page ${i + 1} of ${pages.length}` : ""),
  );
}
