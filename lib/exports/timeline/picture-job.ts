// One picture to draw, as plain data (what the server loaded from the database), and drawing it:
// the same function runs in the server's thread or in a picture worker (lib/exports/worker), so
// the job crosses threads by structured clone and nothing in it is a function.

import { makeDateText } from "@/lib/planning/date-text";
import type { PaperSize, PictureFormat } from "@/lib/validation/pictures";
import { buildDeckFile, type DeckData } from "./deck";
import { drawingToPng, MAX_PNG_PIXELS, MIN_PNG_DENSITY, pngDensity } from "./png";
import { drawingsToPdf } from "./pdf";
import type { PictureFonts } from "./picture-fonts";
import type { PictureInput } from "./picture-model";
import { pdfDrawings, pictureDrawing, pictureScene } from "./render";
import { drawingToSvg } from "./svg";

/** A picture's data without its date formatter (a function), which the locale rebuilds. */
export type PictureData = Omit<PictureInput, "dates"> & { locale: string };

export type PictureJob =
  | {
      format: Exclude<PictureFormat, "pptx">;
      data: PictureData;
      paper: PaperSize;
      /** The PDF's metadata. */
      subject: string;
      createdAt: Date;
    }
  | { format: "pptx"; data: PictureData; deck: Omit<DeckData, "input"> };

/** The file, or why it is too large to draw (the caller answers 422 too_large_for_picture). */
export type PictureOutcome =
  | { ok: true; body: Uint8Array | string }
  | { ok: false; tooLarge: { message: string; details: Record<string, unknown> } };

export function pictureData(input: PictureInput, locale: string): PictureData {
  const { dates: _dates, ...data } = input;
  return { ...data, locale };
}

function pictureInput({ locale, ...data }: PictureData): PictureInput {
  return { ...data, dates: makeDateText(locale) };
}

export async function drawPicture(job: PictureJob, fonts: PictureFonts): Promise<PictureOutcome> {
  const { shaper, files } = fonts;
  const input = pictureInput(job.data);
  switch (job.format) {
    case "svg":
      return { ok: true, body: drawingToSvg(pictureDrawing(pictureScene(input, shaper))) };
    case "png": {
      const drawing = pictureDrawing(pictureScene(input, shaper));
      const density = pngDensity(drawing);
      if (density === null) {
        const pixels = Math.round(drawing.width * drawing.height);
        return {
          ok: false,
          tooLarge: {
            message: `This picture would be ${Math.round(drawing.width)} × ${Math.round(drawing.height)} pixels: even at half size that is more than a PNG holds (${MAX_PNG_PIXELS.toLocaleString("en")} pixels). Choose a shorter range with from and to, scale=quarters, or the SVG or PDF.`,
            details: { pixels, limit: MAX_PNG_PIXELS, minDensity: MIN_PNG_DENSITY },
          },
        };
      }
      return { ok: true, body: await drawingToPng(drawing, shaper, density) };
    }
    case "pdf": {
      const drawings = pdfDrawings(input, shaper, job.paper);
      const data = {
        regular: files.regular.data,
        bold: files.bold.data,
        cjk: files.cjk.data,
        symbols: files.symbols.data,
      };
      const body = await drawingsToPdf(drawings, job.paper, shaper, data, {
        title: input.title,
        subject: job.subject,
        createdAt: job.createdAt,
      });
      return { ok: true, body };
    }
    case "pptx":
      return { ok: true, body: await buildDeckFile({ ...job.deck, input }, shaper) };
  }
}
