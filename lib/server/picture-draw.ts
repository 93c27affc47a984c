import type { DrawnPicture, PictureJob } from "@/lib/exports/timeline/picture-job";
import { pictureFile } from "@/lib/exports/timeline/png-encode";
import { drawPictureHere, type PictureDrawer } from "@/lib/services/exports/picture";
import { MAX_RUNNING_PICTURES, withPictureSlot } from "@/lib/services/exports/picture-slots";
import { AppError } from "@/lib/services/kernel/errors";
import { WorkerFailure } from "./workers/run-in-worker";
import { WorkerPool } from "./workers/worker-pool";

/**
 * One picture worker's heap. A 5,000-item PDF or deck builds some 200 MB of objects; a PNG's
 * pixels live outside the heap (resvg's), bounded by MAX_PNG_PIXELS.
 */
export const PICTURE_WORKER_LIMITS = {
  maxOldGenerationSizeMb: 512,
  maxYoungGenerationSizeMb: 32,
  stackSizeMb: 4,
};
/** A picture that takes longer than this is refused: the 10 s for 10,000 items. */
export const PICTURE_TIMEOUT_MS = 10_000;
/**
 * An SVG of a roadmap of up to this many items (all of them: the engineering picture's CPM pass
 * covers the whole roadmap, whatever the range) is written in the request's own thread: a few
 * milliseconds, less than handing it to a warm worker. A larger one goes to a worker, as it would
 * hold up the event loop for tens to hundreds of milliseconds.
 */
export const INLINE_SVG_ITEMS = 100;
/** A warm picture worker left idle this long is ended (its heap and fonts with it). */
export const PICTURE_WORKER_IDLE_MS = 60_000;

/**
 * Warm workers, one pool for PNGs (a bundle without the PDF and deck writers) and one for the rest;
 * each keeps at most as many idle workers as pictures may be drawn at once. Process-wide, like the
 * slots: Next may load this module once per route bundle.
 */
function picturePool(kind: "png" | "other"): WorkerPool {
  const shared = globalThis as unknown as Record<symbol, WorkerPool | undefined>;
  return (shared[Symbol.for(`cairn.pictures.pool.${kind}`)] ??= new WorkerPool({
    entry: kind === "png" ? "picture-png.mjs" : "picture.mjs",
    resourceLimits: PICTURE_WORKER_LIMITS,
    size: MAX_RUNNING_PICTURES,
    idleMs: PICTURE_WORKER_IDLE_MS,
  }));
}

/** Ends the idle picture workers (tests and the bench, so that they exit at once). */
export async function closePicturePools(): Promise<void> {
  await Promise.all([picturePool("png").close(), picturePool("other").close()]);
}

function workerFailureError(failure: WorkerFailure, timeoutMs: number): AppError {
  switch (failure.kind) {
    case "timeout":
    case "out_of_memory":
      return new AppError(
        "too_large_for_picture",
        failure.kind === "timeout"
          ? `Drawing this picture took longer than the ${timeoutMs / 1000} seconds a picture may take. Choose a shorter range with from and to, or the executive audience, or try again when the server is less busy.`
          : `Drawing this picture needs more than the ${PICTURE_WORKER_LIMITS.maxOldGenerationSizeMb} MiB of memory a picture may use. Choose a shorter range with from and to, or the executive audience.`,
        { details: { reason: failure.kind, limitMs: timeoutMs } },
      );
    default:
      console.error("A picture worker failed:", failure);
      return new AppError(
        "internal",
        "Cairn could not draw this picture because of a fault on our side. Try again; if it keeps happening, tell us.",
      );
  }
}

async function drawInWorker(job: PictureJob, timeoutMs: number, signal?: AbortSignal): Promise<DrawnPicture> {
  try {
    return await picturePool(job.format === "png" ? "png" : "other").run<PictureJob, DrawnPicture>({
      input: job,
      timeoutMs,
      signal,
    });
  } catch (error) {
    throw error instanceof WorkerFailure ? workerFailureError(error, timeoutMs) : error;
  }
}

/**
 * Draws pictures off the event loop: in warm worker threads (bounded heap, a deadline per picture),
 * at most a few at once (503 service_busy past the queue); a small SVG in place; a PNG's pixels
 * encoded here, on libuv's thread pool, within its slot. `signal` (the
 * request's): when its client gives up, a waiting picture leaves the queue and a picture being
 * drawn is abandoned, its worker terminated, so the slot is free at once.
 */
export function pictureDrawerOffThread(signal?: AbortSignal, timeoutMs = PICTURE_TIMEOUT_MS): PictureDrawer {
  return (job) =>
    job.format === "svg" && job.data.items.length <= INLINE_SVG_ITEMS
      ? drawPictureHere(job)
      : withPictureSlot(async () => pictureFile(await drawInWorker(job, timeoutMs, signal)), signal);
}
