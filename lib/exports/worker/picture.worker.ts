// The picture worker's entry: draws one picture, PDF or deck (lib/exports/timeline/picture-job.ts)
// and posts the file, its bytes moved rather than copied. It runs in a worker thread with its own
// heap and a deadline (lib/server/workers/run-in-worker.ts), so a large picture never holds up the
// server's event loop. Bundled to .workers/picture.mjs by scripts/build-workers.mjs, with the
// packages that load native code or read their own data files left outside the bundle.

import { parentPort, workerData } from "node:worker_threads";
import { drawPicture, type PictureJob, type PictureOutcome } from "../timeline/picture-job";
import { pictureFonts } from "../timeline/picture-fonts";

/** The bytes in an ArrayBuffer of their own (Node pools small buffers), so that only they move. */
function movable(body: Uint8Array): Uint8Array {
  return body.byteOffset === 0 && body.byteLength === body.buffer.byteLength ? body : body.slice();
}

const outcome: PictureOutcome = await drawPicture(workerData as PictureJob, pictureFonts());
if (outcome.ok && typeof outcome.body !== "string") {
  const body = movable(outcome.body);
  parentPort!.postMessage({ ok: true, body }, [body.buffer as ArrayBuffer]);
} else {
  parentPort!.postMessage(outcome);
}
