// Runs one task in a worker thread of its own, with its own heap limit and a deadline, so that a
// computation that would take too much memory or time, or that has a bug, fails that one task and
// never the server. Generic: imports use it (lib/server/import-parse.ts); anything CPU- or
// memory-heavy on untrusted input may.
//
// The contract for a worker entry (a TypeScript file bundled by scripts/build-workers.mjs into
// .workers/<name>.mjs): it reads its input from `workerData`, posts exactly one message, its
// output, and returns. Anything it throws, an exit without a message, running out of its heap or
// past the deadline rejects with a WorkerFailure. Input and output cross by structured clone
// (plain data); buffers named in `transfer` are moved, not copied.
//
// The heap limit is enforced when a worker's many allocations fill its heap; one single allocation
// far past it (a list of tens of millions of entries) can still abort the whole process
// (nodejs/node#47224), and a --max-old-space-size flag given to the process overrides the limit
// (nodejs/node#43991). So a worker's own code keeps every list it builds bounded (the importers
// cap rows, tasks, links, XML elements and JSON entries before building), and the server is not
// started with that flag.

import { existsSync } from "node:fs";
import path from "node:path";
import { Worker, type ResourceLimits, type TransferListItem } from "node:worker_threads";

/** Where scripts/build-workers.mjs puts the bundled worker entries, under the working directory. */
export const WORKERS_DIR = ".workers";

export type WorkerFailureKind = "not_built" | "out_of_memory" | "timeout" | "crashed";

export class WorkerFailure extends Error {
  constructor(
    readonly kind: WorkerFailureKind,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "WorkerFailure";
  }
}

export interface WorkerTask<I> {
  /** The bundled entry's file name in .workers/, e.g. "import.mjs". */
  entry: string;
  input: I;
  /** Buffers inside `input` to move to the worker; they are unusable here afterwards. */
  transfer?: TransferListItem[];
  /** The worker's heap (and stack) sizes; the process's other threads are not affected. */
  resourceLimits: Pick<ResourceLimits, "maxOldGenerationSizeMb" | "maxYoungGenerationSizeMb" | "stackSizeMb">;
  /** Past this the worker is terminated and the task fails with "timeout". */
  timeoutMs: number;
}

/**
 * The bundled entry's path: in CAIRN_WORKERS_DIR when set (a deployment that starts the server
 * from another folder; tests that run a purpose-built worker), else in .workers/ under the
 * working directory, where npm run build and npm run dev put them.
 */
export function workerEntryPath(entry: string): string {
  const dir =
    process.env.CAIRN_WORKERS_DIR || path.join(/* turbopackIgnore: true */ process.cwd(), WORKERS_DIR);
  return path.join(/* turbopackIgnore: true */ dir, entry);
}

/** Runs the task and resolves with the worker's one message; rejects with a WorkerFailure. */
export function runInWorker<I, O>(task: WorkerTask<I>): Promise<O> {
  const file = workerEntryPath(task.entry);
  if (!existsSync(/* turbopackIgnore: true */ file))
    return Promise.reject(
      new WorkerFailure(
        "not_built",
        `The worker ${file} has not been built: run "node scripts/build-workers.mjs" (npm run build and npm run dev do).`,
      ),
    );
  return new Promise<O>((resolve, reject) => {
    // The entry is built apart (see above); Next's bundler must not try to bundle it.
    const worker = new Worker(/* turbopackIgnore: true */ file, {
      workerData: task.input,
      transferList: task.transfer,
      resourceLimits: task.resourceLimits,
      // Not the parent's flags (an inspector, a TypeScript loader): the entry is plain JavaScript.
      execArgv: [],
    });
    let settled = false;
    const settle = (outcome: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(deadline);
      outcome();
      // The worker is done (or must be stopped): its heap goes with it.
      void worker.terminate();
    };
    const deadline = setTimeout(
      () =>
        settle(() =>
          reject(
            new WorkerFailure("timeout", `The worker ${task.entry} took longer than ${task.timeoutMs} ms.`),
          ),
        ),
      task.timeoutMs,
    );
    worker.once("message", (output: O) => settle(() => resolve(output)));
    worker.once("error", (error: Error & { code?: string }) =>
      settle(() =>
        reject(
          error.code === "ERR_WORKER_OUT_OF_MEMORY"
            ? new WorkerFailure("out_of_memory", `The worker ${task.entry} ran out of its memory.`, {
                cause: error,
              })
            : new WorkerFailure("crashed", `The worker ${task.entry} failed: ${error.message}`, {
                cause: error,
              }),
        ),
      ),
    );
    worker.once("exit", (code) =>
      settle(() =>
        reject(
          new WorkerFailure("crashed", `The worker ${task.entry} exited (code ${code}) without an answer.`),
        ),
      ),
    );
  });
}
