import { ConcurrencyLimit, processWideLimit, runUnder } from "@/lib/services/kernel/concurrency-limit";
import { AppError } from "@/lib/services/kernel/errors";

/** Imports parsing or writing at once in this process, and how many may wait for one of them. */
export const MAX_RUNNING_IMPORTS = 2;
export const MAX_WAITING_IMPORTS = 2;
/** About one import's time: the 10 s an import may take at most, halved by the two slots. */
const RETRY_AFTER_SECONDS = 5;

const refused = () =>
  new AppError(
    "rate_limited",
    `The server is already importing ${MAX_RUNNING_IMPORTS} files, with ${MAX_WAITING_IMPORTS} more waiting. Try again in a few seconds.`,
    { retryAfterSeconds: RETRY_AFTER_SECONDS },
  );

/**
 * Each import holds a 10 MiB body, a worker with its own heap and a write transaction; a few at a
 * time keep the process within a fixed memory budget whatever is uploaded, and a short queue turns
 * a flood into 429s instead of unbounded work. One limit per process.
 */
export const importSlots = processWideLimit(
  "imports",
  () => new ConcurrencyLimit(MAX_RUNNING_IMPORTS, MAX_WAITING_IMPORTS, refused),
);

/**
 * Waits for an import slot (429 rate_limited with Retry-After when the queue is full; `signal`
 * aborting leaves the queue) and resolves with the function that gives it back. The holder calls
 * it once the import is over, whether it worked or not; calling it again does nothing.
 */
export function holdImportSlot(signal?: AbortSignal): Promise<() => void> {
  return new Promise((resolve, reject) => {
    runUnder(
      importSlots,
      refused,
      () =>
        new Promise<void>((release) => {
          let held = true;
          resolve(() => {
            if (held) release();
            held = false;
          });
        }),
      signal,
    ).catch(reject);
  });
}
