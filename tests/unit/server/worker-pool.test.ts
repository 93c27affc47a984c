// The warm worker pool, with a purpose-built pooled entry: a worker answers task after task without
// starting again; one past its deadline, out of its heap or abandoned by its caller is terminated
// and replaced by a fresh one on the next task; an idle one is ended after its idle time.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, it } from "vitest";
import { WorkerFailure } from "@/lib/server/workers/run-in-worker";
import { WorkerPool } from "@/lib/server/workers/worker-pool";

// Answers each message with its own thread's id and how many tasks it has done; "hang" never
// answers, "oom" fills its heap.
const ENTRY = `import { parentPort, threadId } from "node:worker_threads";
let done = 0;
parentPort.on("message", (input) => {
  if (input === "hang") for (;;) {}
  if (input === "oom") { const kept = []; for (;;) kept.push(new Array(100_000).fill({ x: kept.length })); }
  parentPort.postMessage({ threadId, done: ++done, input });
});`;

let dir: string;
const previous = process.env.CAIRN_WORKERS_DIR;
const pools: WorkerPool[] = [];

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), "cairn-pool-"));
  writeFileSync(path.join(dir, "pooled.mjs"), ENTRY);
  process.env.CAIRN_WORKERS_DIR = dir;
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
afterAll(() => {
  if (previous === undefined) delete process.env.CAIRN_WORKERS_DIR;
  else process.env.CAIRN_WORKERS_DIR = previous;
  rmSync(dir, { recursive: true, force: true });
});

interface Answer {
  threadId: number;
  done: number;
  input: unknown;
}

function pool(size = 1, idleMs = 10_000) {
  const made = new WorkerPool({
    entry: "pooled.mjs",
    resourceLimits: { maxOldGenerationSizeMb: 16, maxYoungGenerationSizeMb: 4 },
    size,
    idleMs,
  });
  pools.push(made);
  return made;
}

const run = (p: WorkerPool, input: unknown, extra: { timeoutMs?: number; signal?: AbortSignal } = {}) =>
  p.run<unknown, Answer>({ input, timeoutMs: 10_000, ...extra });

async function failure(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.unreachable("the task should have failed"),
    (e: unknown) => e,
  );
}

it("answers task after task from one warm worker", async () => {
  const p = pool();
  const first = await run(p, 1);
  const second = await run(p, 2);
  expect(second).toEqual({ threadId: first.threadId, done: 2, input: 2 });
  expect(p.started).toBe(1);
  expect(p.idleCount).toBe(1);
});

it("starts more workers for tasks at once and keeps only `size` of them warm", async () => {
  const p = pool(1);
  const answers = await Promise.all([run(p, "a"), run(p, "b"), run(p, "c")]);
  expect(new Set(answers.map((a) => a.threadId)).size).toBe(3);
  expect(p.idleCount).toBe(1);
});

it("terminates a worker past its deadline and answers the next task from a fresh one", async () => {
  const p = pool();
  const before = await run(p, 1);
  const error = await failure(run(p, "hang", { timeoutMs: 200 }));
  expect((error as WorkerFailure).kind).toBe("timeout");
  const after = await run(p, 2);
  expect(after.threadId).not.toBe(before.threadId);
  expect(after.done).toBe(1);
});

it("reports a worker out of its heap and replaces it", async () => {
  const p = pool();
  const error = await failure(run(p, "oom"));
  expect((error as WorkerFailure).kind).toBe("out_of_memory");
  expect((await run(p, 3)).done).toBe(1);
});

it("abandons a task whose caller gives up: rejects with the reason, terminates its worker", async () => {
  const p = pool();
  const controller = new AbortController();
  const pending = failure(run(p, "hang", { signal: controller.signal }));
  setTimeout(() => controller.abort(new Error("client left")), 100);
  expect(((await pending) as Error).message).toBe("client left");
  expect(p.idleCount).toBe(0);
  expect((await run(p, 4)).done).toBe(1);
});

it("ends an idle worker after its idle time", async () => {
  const p = pool(1, 100);
  const first = await run(p, 1);
  expect(p.idleCount).toBe(1);
  await new Promise((resolve) => setTimeout(resolve, 300));
  expect(p.idleCount).toBe(0);
  expect((await run(p, 2)).threadId).not.toBe(first.threadId);
});
