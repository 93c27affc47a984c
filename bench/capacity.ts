// computeCapacity on a seeded random roadmap of 10,000 items over a 36-month horizon.
// Run: npx tsx bench/capacity.ts

import { addDays } from "../lib/planning/calendar";
import { computeCapacity, quartersOf, type CapacityInput, type CapacityItem } from "../lib/planning/capacity";
import { mulberry32 } from "./lib/random";

const ITEMS = 10_000;
const SKILLS = 12;
const LANES = 20;
const HORIZON_MONTHS = 36;
const WARM_UP_RUNS = 5;
const TIMED_RUNS = 21;
const START = "2027-01-01";

function randomRoadmap(seed: number): CapacityInput {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const skills = Array.from({ length: SKILLS }, (_, i) => ({ id: `skill-${i}`, name: `Skill ${i}` }));
  const workstreams = Array.from({ length: LANES }, (_, i) => ({ id: `lane-${i}`, name: `Lane ${i}` }));
  const statuses = ["planned", "in_progress", "done", "at_risk", "cut"] as const;
  const items: CapacityItem[] = [];
  for (let i = 0; i < ITEMS; i++) {
    const milestone = rnd() < 0.1;
    // Some items start before the horizon or run past it, so clipping is exercised too.
    const startDate = addDays(START, int(-30, 1100));
    const endDate = milestone ? startDate : addDays(startDate, int(0, 120));
    const likely = int(8, 400);
    const needs = int(0, 3);
    items.push({
      id: `item-${i}`,
      workstreamId: rnd() < 0.1 ? null : workstreams[int(0, LANES - 1)].id,
      startDate,
      endDate,
      status: statuses[int(0, statuses.length - 1)],
      kind: milestone ? "milestone" : "feature",
      estimate:
        rnd() < 0.7
          ? { optimisticHours: likely * 0.7, likelyHours: likely, pessimisticHours: likely * 2 }
          : null,
      skills: Array.from({ length: needs }, (_, k) => ({
        skillId: skills[(i + k * 5) % SKILLS].id,
        hours: int(4, 300),
      })),
    });
  }
  const staffing = quartersOf(START, HORIZON_MONTHS).flatMap((quarter) =>
    skills.map((skill) => ({ skillId: skill.id, quarter, headcount: int(0, 8), hoursPerWeek: 32 })),
  );
  return {
    startDate: START,
    horizonMonths: HORIZON_MONTHS,
    items,
    workstreams,
    skills,
    staffing,
    hiringLeadWeeks: 8,
  };
}

const input = randomRoadmap(20270101);
let last = computeCapacity(input);
for (let i = 1; i < WARM_UP_RUNS; i++) last = computeCapacity(input);

// Wall time is what a request waits; CPU time (user + system, this process) is shown too because
// on a shared machine the wall figures include time spent waiting for a core.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < TIMED_RUNS; i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  last = computeCapacity(input);
  wall.push(performance.now() - t0);
  const used = process.cpuUsage(cpu0);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const worst = (xs: number[]) => Math.max(...xs);

console.log(
  `computeCapacity: ${ITEMS} items, ${SKILLS} skills, ${LANES} lanes, ${last.quarters.length} quarters, ` +
    `${TIMED_RUNS} runs after ${WARM_UP_RUNS} warm-up`,
);
console.log(`  wall: median ${median(wall).toFixed(2)} ms, worst ${worst(wall).toFixed(2)} ms`);
console.log(`  cpu:  median ${median(cpu).toFixed(2)} ms, worst ${worst(cpu).toFixed(2)} ms`);
console.log(
  `  ${last.skills.flatMap((s) => s.quarters).filter((q) => q.overAllocated).length} over-allocated cells, ` +
    `${last.rampUp.length} ramp-up rows`,
);
