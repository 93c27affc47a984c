import { describe, expect, it } from "vitest";
import { ConcurrencyLimit } from "@/lib/services/kernel/concurrency-limit";

const busy = () => new Error("busy");

function deferred() {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
}

describe("ConcurrencyLimit", () => {
  it("runs at most `max` tasks at once and starts the waiting ones in order", async () => {
    const limit = new ConcurrencyLimit(2, 10, busy);
    const gates = [deferred(), deferred(), deferred(), deferred()];
    const started: number[] = [];
    const runs = gates.map((gate, i) =>
      limit.run(async () => {
        started.push(i);
        await gate.promise;
        return i;
      }),
    );
    await Promise.resolve();
    expect(started).toEqual([0, 1]);
    expect([limit.active, limit.queued]).toEqual([2, 2]);
    gates[1].resolve();
    await runs[1];
    await Promise.resolve();
    expect(started).toEqual([0, 1, 2]);
    gates.forEach((g) => g.resolve());
    expect(await Promise.all(runs)).toEqual([0, 1, 2, 3]);
    expect([limit.active, limit.queued]).toEqual([0, 0]);
  });

  it("refuses at once when the queue is full, and a failed task frees its slot", async () => {
    const limit = new ConcurrencyLimit(1, 1, busy);
    const gate = deferred();
    const first = limit.run(() => gate.promise.then(() => Promise.reject(new Error("boom"))));
    const second = limit.run(async () => "second");
    await expect(limit.run(async () => "third")).rejects.toThrow("busy");
    gate.resolve();
    await expect(first).rejects.toThrow("boom");
    expect(await second).toBe("second");
    expect(limit.active).toBe(0);
  });

  it("a waiting caller that aborts leaves the queue", async () => {
    const limit = new ConcurrencyLimit(1, 5, busy);
    const gate = deferred();
    const first = limit.run(() => gate.promise);
    const controller = new AbortController();
    const second = limit.run(async () => "never", controller.signal);
    expect(limit.queued).toBe(1);
    controller.abort(new Error("gone"));
    await expect(second).rejects.toThrow("gone");
    expect(limit.queued).toBe(0);
    gate.resolve();
    await first;
    expect(limit.active).toBe(0);
  });
});
