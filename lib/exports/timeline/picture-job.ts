// One picture to draw, as plain data (what the server loaded from the database), and drawing it:
// the same function runs in the server's thread or in a picture worker (lib/exports/worker), so
// the job crosses threads by structured clone and nothing in it is a function.

import type { PaperSize, PictureFormat } from "@/lib/validation/pictures";
import { buildDeckFile, type DeckData } from "./deck";
import { pictureInput, type DrawnPicture, type PictureData } from "./picture-job-data";
import { drawPngJob } from "./picture-png-job";
export { pictureData, type DrawnPicture, type PictureData, type PictureOutcome } from "./picture-job-data";
import { drawingsToPdf } from "./pdf";
import type { PictureFonts } from "./picture-fonts";
import { pdfDrawings, pictureDrawing, pictureScene } from "./render";
import { drawingToSvg } from "./svg";

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

/** The file, or a PNG's pixels (png-encode.ts encodes them in the server's thread). */
export async function drawPicture(job: PictureJob, fonts: PictureFonts): Promise<DrawnPicture> {
  const { shaper, files } = fonts;
  const input = pictureInput(job.data);
  switch (job.format) {
    case "svg":
      return { ok: true, body: drawingToSvg(pictureDrawing(pictureScene(input, shaper))) };
    case "png":
      return drawPngJob(job, shaper);
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
