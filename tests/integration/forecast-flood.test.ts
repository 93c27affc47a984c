import { afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { dependencies, items } from "@/db/schema";
import { addDays } from "@/lib/planning/calendar";
import { clearForecastCache } from "@/lib/services/forecast/forecast";
import { createRoadmap } from "@/lib/services/roadmaps/create";
import { forecastLoad, resetForecastLoad } from "@/lib/services/forecast/slots";
import { api, buildRequest, ROUTES, type ApiResponse } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, type TestUser } from "../helpers/fixtures";
import { MONDAY } from "../helpers/timeline";

const ITEMS = 500;
const FLOOD = 12;
const BIG_RUNS = 100_000;
/** How long /api/me is measured under the flood. */
const WINDOW_MS = 4_000;
const BASELINE_MS = 1_500;
/**
 * The bound asserted on /api/me's p95 under the flood (or four times its p95 just before, on a
 * machine so loaded that even that is slow). The aim is 200 ms (measured: see the log line); the
 * test runs on a shared 2-core machine under CI load, so it asserts a looser bound that still fails
 * loudly without the limit and short chunks (the issue measured 6.9 s). The queueing is asserted
 * strictly.
 */
const ME_P95_BOUND_MS = 1_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const percentile = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
};

/** Requests of the running test, all closed after it. */
const open: { abort: () => void }[] = [];

/** GET /forecast as a client that can go away: `abort()` closes the request, as a browser does. */
function requestForecast(roadmapId: string, who: TestUser, query: { runs: number; seed: number }) {
  const controller = new AbortController();
  const request = buildRequest("GET", `/api/roadmaps/${roadmapId}/forecast`, {
    token: who.token,
    query: { runs: String(query.runs), seed: String(query.seed) },
  });
  const started = performance.now();
  const answer = ROUTES["GET /api/roadmaps/{roadmapId}/forecast"](
    new Request(request, { signal: controller.signal }),
    {
      params: Promise.resolve({ roadmapId }),
    },
  ).then(async (res): Promise<ApiResponse & { ms: number }> => {
    const text = await res.text();
    return {
      status: res.status,
      headers: res.headers,
      text,
      json: JSON.parse(text),
      ms: performance.now() - started,
    };
  });
  const client = { answer, abort: () => controller.abort() };
  open.push(client);
  return client;
}

/** GET /api/me one after another for `ms`: each call's latency. */
async function measureMe(who: TestUser, ms: number): Promise<number[]> {
  const latencies: number[] = [];
  const end = performance.now() + ms;
  while (performance.now() < end) {
    const t0 = performance.now();
    const me = await api("GET /api/me", { token: who.token });
    latencies.push(performance.now() - t0);
    expect(me.status).toBe(200);
  }
  return latencies;
}

/** Waits until `check` holds (polling), or fails after `ms`. */
async function until(check: () => boolean, ms: number, what: string) {
  const deadline = performance.now() + ms;
  while (!check()) {
    if (performance.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await sleep(5);
  }
}

describeEachDatabase("forecast flood", (getCtx) => {
  let flooder: TestUser;
  let other: TestUser;
  let roadmapId: string;

  beforeAll(async () => {
    const { db } = getCtx();
    const [owner, ...rest] = await Promise.all(
      ["owner", "flooder", "other"].map((label) => createUser(db, label)),
    );
    [flooder, other] = rest;
    // A viewer may ask for 100,000 runs: allowed, and queued like anyone's.
    const team = await createTeamWithMembers(db, owner, [
      { member: flooder, role: "viewer" },
      { member: other, role: "viewer" },
    ]);
    const roadmap = await createRoadmap(db, owner.actor, team.id, { title: "Flooded", startDate: MONDAY });
    roadmapId = roadmap.id;
    // Written straight to the tables: the board's size is the point here, not how it was made.
    const rows = await db
      .insert(items)
      .values(
        Array.from({ length: ITEMS }, (_, i) => ({
          roadmapId,
          kind: "feature" as const,
          title: `Feature ${i}`,
          startDate: addDays(MONDAY, Math.floor(i / 2)),
          endDate: addDays(MONDAY, Math.floor(i / 2) + 7),
          optimisticHours: 20 + (i % 7),
          likelyHours: 40 + (i % 11),
          pessimisticHours: 90 + (i % 13),
        })),
      )
      .returning({ id: items.id });
    // Two links into most items, from a few items back: a deep network, never a loop.
    await db
      .insert(dependencies)
      .values(
        rows.flatMap((row, i) =>
          [1, 7]
            .filter((back) => i >= back)
            .map((back) => ({ roadmapId, fromId: rows[i - back].id, toId: row.id })),
        ),
      );
  });

  afterEach(async () => {
    // Whatever an assertion did, the flood must not outlive its test.
    for (const request of open.splice(0)) request.abort();
    await until(
      () => forecastLoad().computing === 0 && forecastLoad().queued === 0,
      10_000,
      "the limiter to empty",
    );
  });

  beforeEach(async () => {
    clearForecastCache();
    await until(
      () => forecastLoad().computing === 0 && forecastLoad().queued === 0,
      10_000,
      "an idle limiter",
    );
    resetForecastLoad();
  });

  it("twelve distinct 100,000-run forecasts at once: one computed at a time, the rest queued, /api/me stays fast", async () => {
    const baseline = await measureMe(other, BASELINE_MS);
    const flood = Array.from({ length: FLOOD }, (_, i) =>
      requestForecast(roadmapId, flooder, { runs: BIG_RUNS, seed: i + 1 }),
    );
    await until(() => forecastLoad().computing === 1, 10_000, "the first forecast to start");

    let peakLarge = 0;
    // Also the gaps between its ticks: how long the event loop was held at a time.
    const gaps: number[] = [];
    let lastTick = performance.now();
    const watch = setInterval(() => {
      peakLarge = Math.max(peakLarge, forecastLoad().lanes.large.active);
      gaps.push(performance.now() - lastTick);
      lastTick = performance.now();
    }, 2);
    // A dashboard-sized forecast is not stuck behind the flood: it has its own slot.
    const small = requestForecast(roadmapId, other, { runs: 2_000, seed: 1 });
    const latencies = await measureMe(other, WINDOW_MS);
    const smallAnswer = await small.answer;
    clearInterval(watch);

    const load = forecastLoad();
    const p50 = percentile(latencies, 50);
    const p95 = percentile(latencies, 95);
    const gapP95 = percentile(gaps, 95);
    console.log(
      `forecast flood [${getCtx().backend}]: GET /api/me n=${latencies.length} p50=${p50.toFixed(1)} ms ` +
        `p95=${p95.toFixed(1)} ms (before the flood: p50=${percentile(baseline, 50).toFixed(1)} ms ` +
        `p95=${percentile(baseline, 95).toFixed(1)} ms); event loop held p95=${gapP95.toFixed(1)} ms; ` +
        `a 2,000-run forecast during it took ${smallAnswer.ms.toFixed(0)} ms; ` +
        `${load.lanes.large.queued} large forecasts still queued`,
    );
    // The queueing itself, strictly: never more than one large forecast computed at once, never
    // more than the limit's slots in all, and the rest of the flood waiting.
    expect(peakLarge).toBe(1);
    expect(load.peakComputing).toBeLessThanOrEqual(load.maxComputing);
    expect(load.maxComputing).toBeLessThanOrEqual(2);
    expect(load.lanes.large.active + load.lanes.large.queued).toBeGreaterThanOrEqual(FLOOD - 2);
    expect(smallAnswer.status).toBe(200);
    // Loosely, and against the same call measured just before on the same (shared) machine.
    expect(p95).toBeLessThan(Math.max(ME_P95_BOUND_MS, 4 * percentile(baseline, 95)));

    // The flooder goes away: the queue empties and the running forecast stops at its next chunk.
    const computedBefore = load.computations;
    for (const request of flood) request.abort();
    await Promise.allSettled(flood.map((r) => r.answer));
    await until(
      () => forecastLoad().computing === 0 && forecastLoad().queued === 0,
      2_000,
      "the flood to stop",
    );
    await sleep(50);
    expect(forecastLoad().computations).toBe(computedBefore);
  }, 120_000);

  it("identical requests share one run, and one of them going away does not stop it for the others", async () => {
    const query = { runs: 3_000, seed: 77 };
    const leaving = requestForecast(roadmapId, flooder, query);
    const staying = Array.from({ length: 4 }, () => requestForecast(roadmapId, other, query));
    await until(() => forecastLoad().computations === 1, 10_000, "the shared run to start");
    leaving.abort();
    const answers = await Promise.all(staying.map((r) => r.answer));
    await leaving.answer.catch(() => {});
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect(new Set(answers.map((a) => JSON.stringify(a.json))).size).toBe(1);
    expect(forecastLoad().computations).toBe(1);
    // And later: from the cache, no new run.
    const again = await requestForecast(roadmapId, flooder, query).answer;
    expect(again.json).toEqual(answers[0].json);
    expect(forecastLoad().computations).toBe(1);
  });

  it("a request that leaves the queue is never computed", async () => {
    const running = requestForecast(roadmapId, flooder, { runs: BIG_RUNS, seed: 501 });
    await until(() => forecastLoad().computing === 1, 10_000, "the first forecast to start");
    const waiting = requestForecast(roadmapId, flooder, { runs: BIG_RUNS, seed: 502 });
    await until(() => forecastLoad().queued === 1, 2_000, "the second to queue");
    waiting.abort();
    await waiting.answer.catch(() => {});
    expect(forecastLoad().queued).toBe(0);
    running.abort();
    await running.answer.catch(() => {});
    await until(() => forecastLoad().computing === 0, 2_000, "the run to stop");
    expect(forecastLoad().computations).toBe(1);
  });

  it("past the queue's bound: 503 service_busy with Retry-After, nothing queued for it", async () => {
    const { max, maxQueued } = forecastLoad().lanes.large;
    const accepted = Array.from({ length: max + maxQueued }, (_, i) =>
      requestForecast(roadmapId, flooder, { runs: BIG_RUNS, seed: 1_000 + i }),
    );
    await until(() => forecastLoad().lanes.large.queued === maxQueued, 10_000, "a full queue");
    const refused = await requestForecast(roadmapId, other, { runs: BIG_RUNS, seed: 9_999 }).answer;
    expect(refused.status).toBe(503);
    expectApiError(refused, 503, "service_busy");
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(refused.json.error.message).toMatch(/try again in about \d+ seconds/i);
    expect(forecastLoad().lanes.large.queued).toBe(maxQueued);
    // Small forecasts have their own queue: still served.
    const small = await requestForecast(roadmapId, other, { runs: 1_000, seed: 3 }).answer;
    expect(small.status).toBe(200);
    for (const request of accepted) request.abort();
    await Promise.allSettled(accepted.map((r) => r.answer));
  }, 60_000);
});

describe("forecast limit shape", () => {
  it("computes at most two forecasts at once in all", () => {
    expect(forecastLoad().maxComputing).toBeLessThanOrEqual(2);
  });
});
