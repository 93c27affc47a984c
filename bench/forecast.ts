// runForecast on a seeded random roadmap of 1,000 items and 3,000 dependencies, with estimates,
// done and cut items and a risk register: 10,000 runs, and 5,000 (the API's default; aim < 1 s).
// Run: npx tsx bench/forecast.ts

import { addDays } from "../lib/planning/calendar";
import { createForecast, runForecast } from "../lib/planning/forecast";
import type { ForecastInput } from "../lib/planning/forecast-network";
import { mulberry32 } from "./lib/random";

const ITEMS = 1_000;
const DEPENDENCIES = 3_000;
const RISKS = 60;
const PROJECT_START = "2027-01-04";
const CHUNK = 500;

type Item = ForecastInput["items"][number];

function randomRoadmap(seed: number, runs: number): ForecastInput {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[int(0, xs.length - 1)];
  // A hidden topological order (links go from lower to higher rank), shuffled afterwards.
  const items: Item[] = [];
  for (let rank = 0; rank < ITEMS; rank++) {
    const id = `item-${rank.toString(36)}-${int(0, 1e9).toString(36)}`;
    const status = rnd() < 0.05 ? "cut" : rank < ITEMS * 0.1 && rnd() < 0.5 ? "done" : pick(ACTIVE);
    const base = { id, title: `Item ${rank}`, isKey: rnd() < 0.2, status } as const;
    if (rnd() < 0.1) {
      const date = addDays(PROJECT_START, Math.floor((rank / ITEMS) * 500) + int(0, 60));
      items.push({ ...base, kind: "milestone", startDate: date, endDate: date, estimate: null });
    } else {
      const startDate = addDays(PROJECT_START, Math.floor((rank / ITEMS) * 400) + int(0, 30));
      const days = int(1, 30);
      const likelyHours = days * 8 * (0.5 + rnd());
      const estimate =
        rnd() < 0.8
          ? {
              optimisticHours: likelyHours * (0.5 + 0.4 * rnd()),
              likelyHours,
              pessimisticHours: likelyHours * (1.2 + 1.8 * rnd()),
            }
          : null;
      items.push({ ...base, kind: "feature", startDate, endDate: addDays(startDate, days), estimate });
    }
  }
  const seen = new Set<number>();
  const dependencies: ForecastInput["dependencies"] = [];
  while (dependencies.length < DEPENDENCIES) {
    const a = int(0, ITEMS - 1);
    // mostly local links, so the network is deep as well as wide
    const b = rnd() < 0.7 ? Math.min(ITEMS - 1, a + int(1, 50)) : int(0, ITEMS - 1);
    if (a === b) continue;
    const [from, to] = a < b ? [a, b] : [b, a];
    if (seen.has(from * ITEMS + to)) continue;
    seen.add(from * ITEMS + to);
    const lagDays = rnd() < 0.8 ? 0 : int(-3, 5);
    dependencies.push({ fromId: items[from].id, toId: items[to].id, lagDays });
  }
  const risks: ForecastInput["risks"] = Array.from({ length: RISKS }, (_, r) => ({
    id: `risk-${r}`,
    likelihood: int(1, 5),
    status: pick(RISK_STATUSES),
    delayDays: rnd() < 0.1 ? null : int(1, 20),
    itemIds: Array.from({ length: int(1, 6) }, () => items[int(0, ITEMS - 1)].id),
  }));
  for (let k = items.length - 1; k > 0; k--) {
    const j = int(0, k);
    [items[k], items[j]] = [items[j], items[k]];
  }
  return { projectStart: PROJECT_START, items, dependencies, risks, runs, seed: 42 };
}

const ACTIVE = ["planned", "in_progress", "at_risk"] as const;
const RISK_STATUSES = ["open", "open", "mitigating", "closed"] as const;

// Wall time is what a request waits; CPU time (user + system, this process) is shown too because
// on a shared machine the wall figures include time spent waiting for a core.
function time<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

function bench(runs: number, repeats: number) {
  const input = randomRoadmap(20270104, runs);
  runForecast({ ...input, runs: 200 }); // warm-up: let the JIT see the hot loops
  const timings = Array.from({ length: repeats }, () => time(() => runForecast(input)));
  const last = timings[timings.length - 1].value;
  const wall = timings.map((t) => t.wall);
  const cpu = timings.map((t) => t.cpu);
  const kept = input.items.filter((i) => i.status !== "cut").length;
  console.log(
    `runForecast: ${ITEMS} items (${kept} not cut), ${DEPENDENCIES} dependencies, ${RISKS} risks, ` +
      `${runs.toLocaleString("en")} runs, median of ${repeats}`,
  );
  console.log(
    `  wall: median ${median(wall).toFixed(0)} ms, worst ${Math.max(...wall).toFixed(0)} ms ` +
      `(${((median(wall) / runs) * 1000).toFixed(1)} us per run)`,
  );
  console.log(`  cpu:  median ${median(cpu).toFixed(0)} ms, worst ${Math.max(...cpu).toFixed(0)} ms`);
  const onTime = last.milestones.map((m) => m.onTimeProbability);
  const critical = [...last.items].sort((a, b) => b.criticalityIndex - a.criticalityIndex);
  console.log(
    `  project finish P50 ${last.projectFinish.p50}, P80 ${last.projectFinish.p80}, P95 ${last.projectFinish.p95}; ` +
      `${last.milestones.length} milestones, mean on-time ${(onTime.reduce((a, b) => a + b, 0) / onTime.length).toFixed(3)}; ` +
      `${critical.filter((i) => i.criticalityIndex > 0.5).length} items critical in over half the runs`,
  );
  return input;
}

bench(10_000, 3);
const input = bench(5_000, 5);

// The service yields between chunks; what matters there is the longest stretch without a yield.
const forecast = createForecast(input);
const chunks: number[] = [];
while (forecast.done < input.runs) chunks.push(time(() => forecast.step(CHUNK)).wall);
const summary = time(() => forecast.result());
console.log(
  `createForecast in chunks of ${CHUNK}: longest step ${Math.max(...chunks).toFixed(0)} ms, ` +
    `result() ${summary.wall.toFixed(1)} ms, same answer as one call: ` +
    `${JSON.stringify(summary.value) === JSON.stringify(runForecast(input))}`,
);
