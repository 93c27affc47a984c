// runForecast on a seeded random roadmap of 1,000 items and 3,000 dependencies, with estimates,
// done and cut items and a risk register: 10,000 runs, and 5,000 (the API's default; aim < 1 s).
// Run: npx tsx bench/forecast.ts

import { createForecast, runForecast } from "../lib/planning/forecast";
import { DEPENDENCIES, ITEMS, RISKS, randomRoadmap } from "./lib/forecast-roadmap";

const CHUNK = 500;

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
