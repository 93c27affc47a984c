// Drawing a PNG job, apart from the other formats so that the PNG worker
// (lib/exports/worker/picture-png.worker.ts) loads neither the PDF nor the deck writer.

import { pictureInput, type DrawnPicture, type PictureData } from "./picture-job-data";
import { drawingToRaster, MAX_PNG_PIXELS, MIN_PNG_DENSITY, pngDensity } from "./png";
import { pictureDrawing, pictureScene } from "./render";
import type { TextShaper } from "./text-shaper";

/** The PNG's pixels (png-encode.ts makes the file), or why it is too large. */
export async function drawPngJob(job: { data: PictureData }, shaper: TextShaper): Promise<DrawnPicture> {
  const drawing = pictureDrawing(pictureScene(pictureInput(job.data), shaper));
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
  return { ok: true, raster: await drawingToRaster(drawing, shaper, density) };
}
