// The generic worker runner, with purpose-built worker entries: whatever a worker does (answers,
// throws, runs out of its heap, never ends, exits), the caller gets its answer or a typed
// WorkerFailure, and this process goes on.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runInWorker, WorkerFailure, type WorkerTask } from "@/lib/server/workers/run-in-worker";

const ENTRIES: Record<string, string> = {
  "echo.mjs": `import { parentPort, workerData } from "node:worker_threads";
parentPort.postMessage({ doubled: workerData.n * 2, received: workerData.bytes.byteLength });`,
  "throws.mjs": `throw new Error("a parser bug");`,
  "oom.mjs": `const kept = []; for (;;) kept.push(new Array(100_000).fill({ x: kept.length }));`,
  "hang.mjs": `for (;;) {}`,
  "exits.mjs": `process.exit(3);`,
  "silent.mjs": `// returns without posting anything`,
};

const LIMITS = { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 };
let dir: string;
const previous = process.env.CAIRN_WORKERS_DIR;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "cairn-workers-"));
  for (const [name, source] of Object.entries(ENTRIES)) writeFileSync(path.join(dir, name), source);
  process.env.CAIRN_WORKERS_DIR = dir;
});

afterAll(() => {
  if (previous === undefined) delete process.env.CAIRN_WORKERS_DIR;
  else process.env.CAIRN_WORKERS_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

const task = (entry: string, extra: Partial<WorkerTask<unknown>> = {}): WorkerTask<unknown> => ({
  entry,
  input: null,
  resourceLimits: LIMITS,
  timeoutMs: 10_000,
  ...extra,
});

async function failure(run: Promise<unknown>): Promise<WorkerFailure> {
  const error = await run.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(WorkerFailure);
  return error as WorkerFailure;
}

describe("runInWorker", () => {
  it("answers with the worker's message, the bytes moved rather than copied", async () => {
    const bytes = new Uint8Array(1_000);
    const output = await runInWorker(task("echo.mjs", { input: { n: 21, bytes }, transfer: [bytes.buffer] }));
    expect(output).toEqual({ doubled: 42, received: 1_000 });
    expect(bytes.byteLength).toBe(0); // detached here: the worker had them
  });

  it("reports a worker that throws as crashed, with its error", async () => {
    const error = await failure(runInWorker(task("throws.mjs")));
    expect(error.kind).toBe("crashed");
    expect(error.message).toContain("a parser bug");
  });

  it("reports a worker past its heap limit as out of memory, and this process goes on", async () => {
    const before = process.memoryUsage().rss;
    const error = await failure(runInWorker(task("oom.mjs")));
    expect(error.kind).toBe("out_of_memory");
    // The worker's 16 MiB heap, not the process's, was what filled up.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
    expect(await runInWorker(task("echo.mjs", { input: { n: 1, bytes: new Uint8Array(1) } }))).toEqual({
      doubled: 2,
      received: 1,
    });
  });

  it("terminates a worker past its deadline", async () => {
    const started = performance.now();
    const error = await failure(runInWorker(task("hang.mjs", { timeoutMs: 300 })));
    expect(error.kind).toBe("timeout");
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it.each([
    ["exits", "exits.mjs", /exited \(code 3\) without an answer/],
    ["returns without an answer", "silent.mjs", /exited \(code 0\) without an answer/],
  ])("reports a worker that %s as crashed", async (_what, entry, message) => {
    const error = await failure(runInWorker(task(entry)));
    expect(error.kind).toBe("crashed");
    expect(error.message).toMatch(message);
  });

  it("says how to build a worker that is missing", async () => {
    const error = await failure(runInWorker(task("nowhere.mjs")));
    expect(error.kind).toBe("not_built");
    expect(error.message).toContain("scripts/build-workers.mjs");
  });
});
