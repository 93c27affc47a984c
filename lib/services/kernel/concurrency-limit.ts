/**
 * Bounds how many expensive computations (password hashes, imports, forecasts) run at once in this
 * process. Callers past the limit wait in a FIFO queue; past the queue's length they are refused
 * at once with the error `refuse` builds, so a flood cannot pile up unbounded work or memory.
 */
export class ConcurrencyLimit {
  private running = 0;
  private readonly waiting: Array<() => void> = [];

  constructor(
    /** How many may run at once. */
    readonly max: number,
    /** How many may wait for a slot; one more is refused. */
    readonly maxQueued: number,
    private readonly refuse: () => Error,
  ) {
    if (max < 1) throw new Error("A concurrency limit needs at least one slot.");
  }

  get active(): number {
    return this.running;
  }

  get queued(): number {
    return this.waiting.length;
  }

  /** Runs `task` once a slot is free. A caller that gives up (`signal` aborts) leaves the queue. */
  async run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.acquire(signal);
    try {
      return await task();
    } finally {
      this.release();
    }
  }

  private acquire(signal?: AbortSignal): Promise<void> {
    signal?.throwIfAborted();
    if (this.running < this.max) {
      this.running++;
      return Promise.resolve();
    }
    if (this.waiting.length >= this.maxQueued) return Promise.reject(this.refuse());
    return new Promise<void>((resolve, reject) => {
      const onAbort = () => {
        const i = this.waiting.indexOf(start);
        if (i >= 0) this.waiting.splice(i, 1);
        reject(signal!.reason);
      };
      const start = () => {
        signal?.removeEventListener("abort", onAbort);
        resolve();
      };
      signal?.addEventListener("abort", onAbort, { once: true });
      this.waiting.push(start);
    });
  }

  private release() {
    const next = this.waiting.shift();
    // The slot passes straight to the next in line, so `running` stays the same.
    if (next) next();
    else this.running--;
  }
}

/**
 * The process's one limit named `key`, created by the first caller. Next may load a module once per
 * route bundle, so a limit meant per process lives on globalThis rather than in a module variable.
 */
export function processWideLimit(key: string, create: () => ConcurrencyLimit): ConcurrencyLimit {
  const shared = globalThis as unknown as Record<symbol, ConcurrencyLimit | undefined>;
  return (shared[Symbol.for(`cairn.limit.${key}`)] ??= create());
}

/**
 * Runs `task` under a process-wide `limit`, refused with this bundle's own error. The shared limit
 * refuses with the error class of whichever bundle created it, which another bundle's toAppError
 * does not recognise; so a refusal (an error with the same code) is rebuilt with `refuse`.
 */
export function runUnder<T>(
  limit: ConcurrencyLimit,
  refuse: () => Error & { code: string },
  task: () => Promise<T>,
  signal?: AbortSignal,
): Promise<T> {
  return limit.run(task, signal).catch((error: unknown) => {
    const refusal = refuse();
    throw (error as { code?: unknown } | null)?.code === refusal.code ? refusal : error;
  });
}
