// A pooled worker's loop (lib/server/workers/worker-pool.ts): each message is one picture job; each
// gets exactly one message back, the file's bytes moved rather than copied. The fonts are read once
// per worker, when it starts, so a warm worker draws at once.

import { parentPort } from "node:worker_threads";
import type { DrawnPicture, PictureJob } from "../timeline/picture-job";
import { pictureFonts, type PictureFonts } from "../timeline/picture-fonts";

/** The bytes in an ArrayBuffer of their own (Node pools small buffers), so that only they move. */
function movable(body: Uint8Array): Uint8Array {
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
}

export function servePictureJobs(draw: (job: PictureJob, fonts: PictureFonts) => Promise<DrawnPicture>) {
  const fonts = pictureFonts();
  // A job that throws is an unhandled rejection: the worker fails and the pool replaces it.
  parentPort!.on("message", async (job: PictureJob) => {
    const outcome = await draw(job, fonts);
    if (outcome.ok && "raster" in outcome) {
      const pixels = movable(outcome.raster.pixels);
      parentPort!.postMessage({ ok: true, raster: { ...outcome.raster, pixels } }, [
        pixels.buffer as ArrayBuffer,
      ]);
    } else if (outcome.ok && typeof outcome.body !== "string") {
      const body = movable(outcome.body);
      parentPort!.postMessage({ ok: true, body }, [body.buffer as ArrayBuffer]);
    } else {
      parentPort!.postMessage(outcome);
    }
  });
}
