import { ConcurrencyLimit, processWideLimit, runUnder } from "@/lib/services/kernel/concurrency-limit";
import { AppError } from "@/lib/services/kernel/errors";

/** Pictures drawn at once in this process (each in a worker thread), and how many may wait. */
export const MAX_RUNNING_PICTURES = 2;
export const MAX_WAITING_PICTURES = 4;
/** About one large picture's time. */
const RETRY_AFTER_SECONDS = 5;

const refused = () =>
  new AppError(
    "service_busy",
    `The server is already drawing ${MAX_RUNNING_PICTURES} pictures, with ${MAX_WAITING_PICTURES} more waiting. Try again in a few seconds.`,
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
  );

/**
 * Each picture worker is a thread with its own heap (and a large PNG's pixels): a few at a time
 * keep the process within a fixed memory budget on a small machine, and a short queue turns a
 * flood into 503s with Retry-After instead of unbounded threads. One limit per process.
 */
const pictureSlots = processWideLimit(
  "pictures",
  () => new ConcurrencyLimit(MAX_RUNNING_PICTURES, MAX_WAITING_PICTURES, refused),
);

/**
 * Runs `draw` once a picture slot is free (503 service_busy with Retry-After when the queue is
 * full; `signal` aborting leaves the queue).
 */
export function withPictureSlot<T>(draw: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  return runUnder(pictureSlots, refused, draw, signal);
}
