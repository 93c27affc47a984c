import type { ImportParse } from "@/lib/imports/types";
import type { ImportOutcome, ImportTask } from "@/lib/imports/worker/protocol";
import { AppError } from "@/lib/services/kernel/errors";
import {
  importRefusalError,
  type ImportOptions,
  type ImportUpload,
} from "@/lib/services/imports/import-roadmap";
import { runInWorker, WorkerFailure } from "./workers/run-in-worker";

/**
 * The budget of one import's parsing worker. Its heap is the import's memory: a server grows by
 * about this much (plus the 10 MiB body) per import running, whatever the body, and the import
 * slots (lib/services/imports/slots.ts) bound how many run.
 */
export const IMPORT_WORKER_LIMITS = {
  maxOldGenerationSizeMb: 96,
  maxYoungGenerationSizeMb: 16,
  stackSizeMb: 4,
};
/**
 * Parsing's deadline: most of the 10 s an import should answer in. The write that follows is
 * bounded by the caps on what a plan may hold (20,000 items, 100,000 links), not by a clock.
 */
export const IMPORT_PARSE_TIMEOUT_MS = 8_000;

/** The bytes in an ArrayBuffer of their own, so that moving it to the worker moves nothing else. */
function ownBuffer(data: Uint8Array): Uint8Array {
  return data.byteOffset === 0 && data.byteLength === data.buffer.byteLength ? data : data.slice();
}

function workerFailureError(failure: WorkerFailure): AppError {
  switch (failure.kind) {
    case "out_of_memory":
      return new AppError(
        "payload_too_large",
        `Reading this file needs more than the ${IMPORT_WORKER_LIMITS.maxOldGenerationSizeMb} MiB of memory one import may use. Split the plan into smaller files.`,
      );
    case "timeout":
      return new AppError(
        "payload_too_large",
        `Reading this file took longer than the ${IMPORT_PARSE_TIMEOUT_MS / 1000} seconds one import may take. Split the plan into smaller files, or try again when the server is less busy.`,
      );
    default:
      console.error("An import's parsing worker failed:", failure);
      return new AppError(
        "internal",
        "Cairn could not read this file because of a fault on our side, and imported nothing. Try again; if it keeps happening, tell us.",
      );
  }
}

/**
 * Parses and checks an upload in a worker thread of its own (bounded heap, a deadline), off the
 * request's event loop: a file that needs too much memory or time, or trips a parser bug, fails
 * that import with a clear error, and the server goes on answering. The upload's bytes move to
 * the worker, so they are gone from `upload.data` afterwards.
 */
export async function parseUploadInWorker(
  upload: ImportUpload,
  options: ImportOptions,
): Promise<ImportParse> {
  const bytes = ownBuffer(upload.data);
  let outcome: ImportOutcome;
  try {
    outcome = await runInWorker<ImportTask, ImportOutcome>({
      entry: "import.mjs",
      input: { kind: upload.kind, bytes, options: { title: options.title } },
      transfer: [bytes.buffer as ArrayBuffer],
      resourceLimits: IMPORT_WORKER_LIMITS,
      timeoutMs: IMPORT_PARSE_TIMEOUT_MS,
    });
  } catch (error) {
    throw error instanceof WorkerFailure ? workerFailureError(error) : error;
  }
  if (!outcome.ok) throw importRefusalError(outcome.refusal);
  return outcome.parse;
}
