// A PNG file of a picture's pixels (png.ts), encoded by sharp (libvips, libspng and zlib-ng) on
// libuv's thread pool: the event loop only hands the pixels over. resvg's own encoder took three
// times as long (some 300 ms of a 1,000-item picture's 16 million pixels, against 100 ms here).
// Only the server's thread loads sharp: a native library a worker thread loaded could be unloaded
// under the process when the worker is terminated (sharp's documentation, "worker threads"), and
// picture workers are terminated when their client gives up.

import sharp from "sharp";
import type { DrawnPicture, PictureOutcome, Raster } from "./picture-job-data";

/**
 * zlib level 3 without adaptive filtering: a third smaller than level 1 for about the same time;
 * level 6 halves the speed for another fifth.
 */
const PNG_OPTIONS = { compressionLevel: 3, adaptiveFiltering: false } as const;

/** The pixels as an opaque RGB PNG. */
export async function encodePng({ width, height, pixels }: Raster): Promise<Uint8Array> {
  return sharp(pixels, { raw: { width, height, channels: 4 } })
    .removeAlpha()
    .png(PNG_OPTIONS)
    .toBuffer();
}

/** A drawn picture as its file: a PNG's pixels encoded, any other file as it is. */
export async function pictureFile(drawn: DrawnPicture): Promise<PictureOutcome> {
  return drawn.ok && "raster" in drawn ? { ok: true, body: await encodePng(drawn.raster) } : drawn;
}
