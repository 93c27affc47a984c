import type { PictureJob, PictureOutcome } from "@/lib/exports/timeline/picture-job";
import { visibleItems } from "@/lib/exports/timeline/picture-model";
import { drawPictureHere, type PictureDrawer } from "@/lib/services/exports/picture";
import { withPictureSlot } from "@/lib/services/exports/picture-slots";
import { AppError } from "@/lib/services/kernel/errors";
import { runInWorker, WorkerFailure } from "./workers/run-in-worker";

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
 * An SVG of up to this many items is written in the request's own thread: it takes tens of
 * milliseconds, less than starting a worker. Every other picture is drawn in a worker.
 */
export const INLINE_SVG_ITEMS = 1_000;

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

async function drawInWorker(job: PictureJob, timeoutMs: number): Promise<PictureOutcome> {
  try {
    return await runInWorker<PictureJob, PictureOutcome>({
      entry: "picture.mjs",
      input: job,
      resourceLimits: PICTURE_WORKER_LIMITS,
      timeoutMs,
    });
  } catch (error) {
    throw error instanceof WorkerFailure ? workerFailureError(error, timeoutMs) : error;
  }
}

/**
 * Draws pictures off the event loop: each in a worker thread of its own (bounded heap, a
 * deadline), at most a few at once (503 service_busy past the queue); a small SVG in place.
 * `signal` (the request's) takes a waiting picture out of the queue when its client gives up.
 */
export function pictureDrawerOffThread(signal?: AbortSignal, timeoutMs = PICTURE_TIMEOUT_MS): PictureDrawer {
  return (job) =>
    job.format === "svg" && visibleItems(job.data).length <= INLINE_SVG_ITEMS
      ? drawPictureHere(job)
      : withPictureSlot(() => drawInWorker(job, timeoutMs), signal);
}
