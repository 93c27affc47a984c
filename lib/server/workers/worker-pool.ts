// A few warm worker threads that take one task after another, for work asked for often enough that
// starting a thread (and loading its bundle, fonts, native renderer) each time is most of its cost:
// pictures. Each worker keeps its heap limit; a task past its deadline, or whose caller gives up
// (`signal`), terminates its worker, and a worker that ran out of memory or crashed is gone: the
// next task starts a fresh one. An idle worker is ended after `idleMs` and never keeps the process
// alive.
//
// The contract for a pooled entry (lib/exports/worker/serve-tasks.ts): it answers each message it
// gets, in order, with exactly one message; it never exits on its own.

import { existsSync } from "node:fs";
import { Worker, type TransferListItem } from "node:worker_threads";
import { WorkerFailure, workerEntryPath, type WorkerTask } from "./run-in-worker";

export interface WorkerPoolOptions {
  /** The bundled entry's file name in .workers/. */
  entry: string;
  resourceLimits: WorkerTask<unknown>["resourceLimits"];
  /** Idle workers kept warm at most (one per task that may run at once). */
  size: number;
  /** An idle worker is ended after this long. */
  idleMs: number;
}

export interface PooledTask<I> {
  input: I;
  transfer?: TransferListItem[];
  timeoutMs: number;
  /** Aborting terminates the worker (the task is abandoned) and rejects with the signal's reason. */
  signal?: AbortSignal;
}

interface IdleWorker {
  worker: Worker;
  idleTimer: NodeJS.Timeout;
}

export class WorkerPool {
  private readonly idle: IdleWorker[] = [];
  /** Workers started, busy or idle: for tests and the bench. */
  started = 0;

  constructor(private readonly options: WorkerPoolOptions) {}

  get idleCount(): number {
    return this.idle.length;
  }

  private take(): Worker {
    const warm = this.idle.pop();
    if (warm) {
      clearTimeout(warm.idleTimer);
      warm.worker.ref();
      return warm.worker;
    }
    this.started++;
    const worker = new Worker(/* turbopackIgnore: true */ workerEntryPath(this.options.entry), {
      resourceLimits: this.options.resourceLimits,
      // Not the parent's flags (an inspector, a TypeScript loader): the entry is plain JavaScript.
      execArgv: [],
    });
    // A task's own listener reports its failure; this one keeps an error between tasks (none is
    // expected) from becoming the process's uncaught exception.
    worker.on("error", () => {});
    return worker;
  }

  private giveBack(worker: Worker) {
    if (this.idle.length >= this.options.size) {
      void worker.terminate();
      return;
    }
    worker.unref();
    const entry: IdleWorker = {
      worker,
      idleTimer: setTimeout(() => {
        const i = this.idle.indexOf(entry);
        if (i >= 0) this.idle.splice(i, 1);
        void worker.terminate();
      }, this.options.idleMs).unref(),
    };
    this.idle.push(entry);
  }

  /** Runs the task on a warm worker (or a new one); rejects with a WorkerFailure, or the abort reason. */
  run<I, O>(task: PooledTask<I>): Promise<O> {
    const { entry } = this.options;
    if (!existsSync(/* turbopackIgnore: true */ workerEntryPath(entry)))
      return Promise.reject(
        new WorkerFailure(
          "not_built",
          `The worker ${workerEntryPath(entry)} has not been built: run "node scripts/build-workers.mjs" (npm run build and npm run dev do).`,
        ),
      );
    if (task.signal?.aborted) return Promise.reject(task.signal.reason);
    const worker = this.take();
    return new Promise<O>((resolve, reject) => {
      const done = (keep: boolean, outcome: () => void) => {
        clearTimeout(deadline);
        worker.off("message", onMessage).off("error", onError).off("exit", onExit);
        task.signal?.removeEventListener("abort", onAbort);
        if (keep) this.giveBack(worker);
        else void worker.terminate();
        outcome();
      };
      const onMessage = (output: O) => done(true, () => resolve(output));
      const onError = (error: Error & { code?: string }) =>
        done(false, () =>
          reject(
            error.code === "ERR_WORKER_OUT_OF_MEMORY"
              ? new WorkerFailure("out_of_memory", `The worker ${entry} ran out of its memory.`, {
                  cause: error,
                })
              : new WorkerFailure("crashed", `The worker ${entry} failed: ${error.message}`, {
                  cause: error,
                }),
          ),
        );
      const onExit = (code: number) =>
        done(false, () =>
          reject(
            new WorkerFailure("crashed", `The worker ${entry} exited (code ${code}) without an answer.`),
          ),
        );
      const onAbort = () => done(false, () => reject(task.signal!.reason));
      const deadline = setTimeout(
        () =>
          done(false, () =>
            reject(
              new WorkerFailure("timeout", `The worker ${entry} took longer than ${task.timeoutMs} ms.`),
            ),
          ),
        task.timeoutMs,
      );
      worker.on("message", onMessage).on("error", onError).on("exit", onExit);
      task.signal?.addEventListener("abort", onAbort, { once: true });
      worker.postMessage(task.input, task.transfer);
    });
  }

  /** Ends every idle worker (tests). */
  async close(): Promise<void> {
    const idle = this.idle.splice(0);
    for (const { idleTimer } of idle) clearTimeout(idleTimer);
    await Promise.all(idle.map(({ worker }) => worker.terminate()));
  }
}
