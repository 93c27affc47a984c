import { AppError } from "./errors";
import { promiseCache } from "./promise-cache";

interface Job {
  controller: AbortController;
  /** Requests waiting for the job that can go away (their signal may abort). */
  holders: number;
  /** Someone waits who cannot go away (a dashboard, a test): the job runs to the end. */
  kept: boolean;
}

/** What a request that went away before its answer was ready gets; nobody reads it. */
const abandoned = () =>
  new AppError("service_busy", "The request closed before its answer was ready; nothing more was sent.");

/**
 * A promiseCache whose computations are shared by identical requests and given up when every
 * request waiting for one has gone: a client that asks for expensive work and disconnects (or a
 * flood of them) leaves no work behind. Callers without a signal keep a computation to the end.
 */
export function sharedWorkCache<T>(capacity: number) {
  const cache = promiseCache<T>(capacity);
  const running = new Map<string, Job>();

  function start(key: string, compute: (signal: AbortSignal) => Promise<T>): Promise<T> {
    const job: Job = { controller: new AbortController(), holders: 0, kept: false };
    running.set(key, job);
    const pending = compute(job.controller.signal);
    const done = () => {
      if (running.get(key) === job) running.delete(key);
    };
    pending.then(done, done);
    return pending;
  }

  return {
    get(
      key: string,
      signal: AbortSignal | undefined,
      compute: (signal: AbortSignal) => Promise<T>,
    ): Promise<T> {
      if (signal?.aborted) return Promise.reject(abandoned());
      const pending = cache.get(key, () => start(key, compute));
      const job = running.get(key);
      if (!job || job.controller.signal.aborted) return pending;
      if (!signal) {
        job.kept = true;
        return pending;
      }
      job.holders++;
      return new Promise<T>((resolve, reject) => {
        const leave = () => {
          job.holders--;
          if (job.holders === 0 && !job.kept) {
            // Forget it first, so that a request arriving now starts afresh rather than sharing
            // a computation that is about to fail.
            cache.forget(key, pending);
            job.controller.abort(signal.reason);
          }
          reject(abandoned());
        };
        signal.addEventListener("abort", leave, { once: true });
        pending.then(
          (value) => {
            signal.removeEventListener("abort", leave);
            resolve(value);
          },
          (error: unknown) => {
            signal.removeEventListener("abort", leave);
            reject(error);
          },
        );
      });
    },
    clear(): void {
      cache.clear();
    },
  };
}
