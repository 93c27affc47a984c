// The PowerPoint deck for an audience: a title slide, the timeline as native shapes (paged by
// lanes), key milestones, top risks, staffing gaps and the changes since the last review. 16:9, the
// app's colours, no text under 12 pt, speaker notes that name each number's source.

import PptxGenJS from "pptxgenjs";
import { AUDIENCE_LABELS } from "@/lib/validation/communication-kinds";
import { composePage, MARGIN, pageRows, rowsThatFit } from "./compose";
import { finishDeck } from "./deck-connectors";
import {
  changesSlide,
  milestoneSlides,
  nextReviewText,
  riskSlides,
  SLIDE,
  slideTitle,
  staffingSlides,
  type DeckData,
} from "./deck-slides";
import { COLOURS } from "./palette";
import { AUDIENCE_RULES } from "./picture-model";
import { DECK_FONT, drawOnSlide, type SlideShapes } from "./pptx-shapes";
import { buildScene, frameToFit } from "./scene";
import type { TextShaper } from "./text-shaper";
import { plainLine } from "./xml-text";

/** Slides are 960 × 540 points; a picture pixel is a point, and the smallest text 12 points. */
const SLIDE_PX = { width: 960, height: 540 };
const MIN_TEXT = 12;
const LANE_WIDTH = 150;
/**
 * The most timeline slides a deck shows: a deck is presented, and past a score of slides the
 * timeline is a document (the PDF) rather than slides. The rest is named on a slide of its own.
 */
export const MAX_TIMELINE_SLIDES = 20;

export type { DeckData };

const hex = (c: string) => c.replace("#", "").toUpperCase();

function titleSlide(pptx: PptxGenJS, data: DeckData) {
  const { input } = data;
  const slide = pptx.addSlide();
  const audience = AUDIENCE_LABELS[input.audience];
  slide.addShape(pptx.ShapeType.rect, {
    x: 0,
    y: 0,
    w: 0.35,
    h: SLIDE.height,
    fill: { color: hex(COLOURS.accent800) },
    line: { type: "none" },
  });
  slide.addText(plainLine(input.title) || "Untitled roadmap", {
    x: 1,
    y: 2,
    w: 11.3,
    h: 1.4,
    fontFace: DECK_FONT,
    fontSize: 40,
    bold: true,
    color: hex(COLOURS.ink),
    valign: "bottom",
    margin: 0,
    fit: "shrink",
  });
  slide.addText(`${audience} review · as of ${input.dates.date(input.today)}`, {
    x: 1,
    y: 3.5,
    w: 11.3,
    h: 0.6,
    fontFace: DECK_FONT,
    fontSize: 22,
    color: hex(COLOURS.accent800),
    margin: 0,
  });
  const next = data.nextReview
    ? nextReviewText(data.nextReview, input.dates.date)
    : `No ${audience.toLowerCase()} review cadence is set`;
  slide.addText(
    [
      { text: `Plan: ${input.dates.range(input.from, input.to)}`, options: { breakLine: true } },
      { text: next },
    ],
    {
      x: 1,
      y: 4.3,
      w: 11.3,
      h: 1,
      fontFace: DECK_FONT,
      fontSize: 18,
      color: hex(COLOURS.muted),
      margin: 0,
      valign: "top",
    },
  );
  slide.addText("Cairn", {
    x: 1,
    y: 6.7,
    w: 3,
    h: 0.4,
    fontFace: DECK_FONT,
    fontSize: 14,
    bold: true,
    color: hex(COLOURS.accent800),
    margin: 0,
  });
  slide.addNotes(
    `A ${audience.toLowerCase()} review deck of "${plainLine(input.title)}", made by Cairn from the roadmap as of ${input.dates.date(input.today)}. Dates are plan dates; working days run Monday to Friday. ${next}.`,
  );
}

function timelineNotes(data: DeckData, lanes: string[]): string {
  const { input } = data;
  const rules = AUDIENCE_RULES[input.audience];
  const parts = [
    `Lanes on this slide: ${lanes.join(", ")}. Bars are features from their planned start to their planned end; diamonds are milestones (the large dark ones key milestones). Source: the roadmap's items${rules.arrows ? " and dependencies" : ""} as of ${input.dates.date(input.today)}.`,
  ];
  if (rules.critical)
    parts.push(
      `Critical path (purple) and slack: the CPM schedule on working days from the planned dates (GET /api/roadmaps/${data.roadmapId}/schedule). Lags on the links are working days.`,
    );
  if (rules.p80)
    parts.push(
      `P80 under each key milestone: the date 80% of ${data.forecast.runs.toLocaleString("en")} seeded Monte-Carlo runs reach it (the executive dashboard's forecast).`,
    );
  if (rules.laneProgress)
    parts.push(
      "Progress under each lane: the share of the lane's estimated hours (PERT mean) in done items, as on the product dashboard.",
    );
  parts.push("Every bar, diamond, label and link is a native shape: move or resize them freely.");
  return parts.join("\n\n");
}

function timelineSlides(
  pptx: PptxGenJS,
  data: DeckData,
  shaper: TextShaper,
): Array<{ slide: number; shapes: SlideShapes }> {
  const frame = frameToFit(SLIDE_PX.width - 2 * MARGIN, data.input.from, data.input.to, LANE_WIDTH, MIN_TEXT);
  const scene = buildScene(data.input, frame, shaper);
  const pages = pageRows(scene, rowsThatFit(scene, SLIDE_PX.height));
  const shown = pages.slice(0, MAX_TIMELINE_SLIDES);
  const lanesOf = (from: number, to: number) =>
    scene.layout.lanes
      .filter((l) => l.firstRow < to && l.firstRow + l.rowCount > from)
      .map((l) => plainLine(l.name));
  const out: Array<{ slide: number; shapes: SlideShapes }> = [];
  for (const [index, [from, to]] of shown.entries()) {
    const slide = pptx.addSlide();
    const note = pages.length > 1 ? `slide ${index + 1} of ${shown.length}` : "";
    const shapes = drawOnSlide(pptx, slide, composePage(scene, from, to, note), shaper);
    const lanes = scene.rowCount === 0 ? ["none (nothing planned yet)"] : lanesOf(from, to);
    slide.addNotes(timelineNotes(data, lanes));
    // The title slide is the first: timeline slides follow it.
    out.push({ slide: index + 2, shapes });
  }
  if (pages.length > shown.length)
    restOfTimeline(pptx, data, lanesOf(pages[shown.length][0], scene.rowCount), pages.length);
  return out;
}

/** Names the lanes the timeline slides leave out, and where to see them. */
function restOfTimeline(pptx: PptxGenJS, data: DeckData, lanes: string[], pages: number) {
  const slide = pptx.addSlide();
  slideTitle(
    slide,
    "The rest of the timeline",
    `It would take ${pages} slides; the ${MAX_TIMELINE_SLIDES} before show its first lanes.`,
  );
  const more = lanes.length > 12 ? ` and ${lanes.length - 12} more lanes` : "";
  slide.addText(
    [
      { text: `Not shown: ${lanes.slice(0, 12).join(", ")}${more}.`, options: { breakLine: true } },
      {
        text: "The timeline's PDF has every lane; a deck of a shorter range (from and to) or of the executive audience takes fewer slides.",
      },
    ],
    {
      x: SLIDE.margin,
      y: 1.6,
      w: SLIDE.width - 2 * SLIDE.margin,
      h: 2.5,
      fontFace: DECK_FONT,
      fontSize: 18,
      color: hex(COLOURS.ink),
      valign: "top",
    },
  );
  slide.addNotes(
    `The timeline of "${plainLine(data.input.title)}" needs ${pages} slides at a readable size (no text under 12 pt); the deck shows the first ${MAX_TIMELINE_SLIDES}.`,
  );
}

/** The deck as a .pptx file. */
export async function buildDeckFile(data: DeckData, shaper: TextShaper): Promise<Buffer> {
  const pptx = new PptxGenJS();
  pptx.layout = "LAYOUT_WIDE";
  pptx.title = `${plainLine(data.input.title)}: ${AUDIENCE_LABELS[data.input.audience]} review`;
  pptx.company = "Cairn";
  pptx.theme = { headFontFace: DECK_FONT, bodyFontFace: DECK_FONT };
  titleSlide(pptx, data);
  const timeline = timelineSlides(pptx, data, shaper);
  milestoneSlides(pptx, data);
  riskSlides(pptx, data);
  staffingSlides(pptx, data);
  changesSlide(pptx, data, data.input.audience);
  const stored = (await pptx.write({ outputType: "uint8array", compression: false })) as Uint8Array;
  return finishDeck(stored, timeline);
}
