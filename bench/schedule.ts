// computeSchedule on a seeded random roadmap of 10,000 items and 30,000 dependencies.
// Run: npx tsx bench/schedule.ts

import { addDays } from "../lib/planning/calendar";
import type { CpmLink } from "../lib/planning/cpm";
import { computeSchedule, type ScheduleInput, type ScheduleItemInput } from "../lib/planning/schedule";
import { mulberry32 } from "./lib/random";

const ITEMS = 10_000;
const DEPENDENCIES = 30_000;
const WARM_UP_RUNS = 5;
const TIMED_RUNS = 21;
const PROJECT_START = "2027-01-04";

function randomRoadmap(seed: number): ScheduleInput {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  // Items are created in a hidden topological order (links only go from lower to higher rank),
  // then shuffled so the input order tells the scheduler nothing.
  const items: ScheduleItemInput[] = [];
  for (let rank = 0; rank < ITEMS; rank++) {
    const id = `item-${rank.toString(36)}-${int(0, 1e9).toString(36)}`;
    if (rnd() < 0.1) {
      const date = addDays(PROJECT_START, int(0, 500));
      items.push({ id, kind: "milestone", startDate: date, endDate: date });
    } else {
      const startDate = addDays(PROJECT_START, int(0, 400));
      items.push({ id, kind: "feature", startDate, endDate: addDays(startDate, int(0, 30)) });
    }
  }
  const seen = new Set<number>();
  const dependencies: CpmLink[] = [];
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
  for (let k = items.length - 1; k > 0; k--) {
    const j = int(0, k);
    [items[k], items[j]] = [items[j], items[k]];
  }
  return { projectStart: PROJECT_START, items, dependencies };
}

const input = randomRoadmap(20270104);
let last = computeSchedule(input);
for (let i = 1; i < WARM_UP_RUNS; i++) last = computeSchedule(input);

// Wall time is what a request waits; CPU time (user + system, this process) is shown too because
// on a shared machine the wall figures include time spent waiting for a core.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < TIMED_RUNS; i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  last = computeSchedule(input);
  wall.push(performance.now() - t0);
  const used = process.cpuUsage(cpu0);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const worst = (xs: number[]) => Math.max(...xs);

console.log(
  `computeSchedule: ${ITEMS} items, ${DEPENDENCIES} dependencies, ${TIMED_RUNS} runs after ${WARM_UP_RUNS} warm-up`,
);
console.log(`  wall: median ${median(wall).toFixed(2)} ms, worst ${worst(wall).toFixed(2)} ms`);
console.log(`  cpu:  median ${median(cpu).toFixed(2)} ms, worst ${worst(cpu).toFixed(2)} ms`);
console.log(
  `  project finish ${last.projectFinish}, ${last.criticalPath.length} critical items, ` +
    `${last.items.filter((x) => x.plannedStartViolation).length} planned-start violations`,
);
