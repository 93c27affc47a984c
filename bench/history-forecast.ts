// The learning issue's figures (#18): the forecast from history, 5,000 runs on the 1,000-item roadmap
// of bench/forecast.ts (aim <= 0.5 s), beside the PERT forecast of the same roadmap; and estimate
// accuracy over 10,000 done features per team, skill and person (aim <= 100 ms).
// Run: npx tsx bench/history-forecast.ts

import type { DoneFeature } from "../lib/planning/actual-ratios";
import { addDays, addWorkingDays } from "../lib/planning/calendar";
import { estimateAccuracy } from "../lib/planning/estimate-accuracy";
import { runForecast } from "../lib/planning/forecast";
import {
  isNotEnoughHistory,
  runHistoryForecast,
  type HistoryForecastInput,
} from "../lib/planning/history-sampler";
import { ITEMS, PROJECT_START, randomRoadmap } from "./lib/forecast-roadmap";
import { mulberry32 } from "./lib/random";

const RUNS = 5_000;
const DONE_FEATURES = 10_000;
const PEOPLE = Array.from({ length: 12 }, (_, k) => `person-${k}`);
const SKILLS = ["backend", "frontend", "data", "mobile"];
/** The median actual/estimate ratio per skill: one much worse than the others. */
const SKILL_BIAS: Record<string, number> = { backend: 1.2, frontend: 1.1, data: 1.9, mobile: 1.3 };

/** 10,000 done features over the year before the project, ratios log-normal around their skill's bias. */
function doneHistory(seed: number): DoneFeature[] {
  const rnd = mulberry32(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const normal = () => Math.sqrt(-2 * Math.log(rnd() || 1e-12)) * Math.cos(2 * Math.PI * rnd());
  return Array.from({ length: DONE_FEATURES }, (_, k) => {
    const skill = SKILLS[int(0, SKILLS.length - 1)];
    const startDate = addDays(PROJECT_START, -int(30, 400));
    const days = int(1, 30);
    const likelyHours = days * 8;
    const ratio = SKILL_BIAS[skill] * Math.exp(0.35 * normal());
    const actualDays = Math.max(1, Math.round(days * ratio));
    return {
      id: `done-${k}`,
      roadmapId: `roadmap-${k % 7}`,
      title: `Done feature ${k}`,
      startDate,
      endDate: addWorkingDays(startDate, days - 1),
      estimate: { optimisticHours: likelyHours * 0.7, likelyHours, pessimisticHours: likelyHours * 1.8 },
      ownerId: rnd() < 0.9 ? PEOPLE[int(0, PEOPLE.length - 1)] : null,
      skills: [{ skillId: skill, hours: likelyHours }],
      actualStart: startDate,
      actualFinish: addWorkingDays(startDate, actualDays - 1),
      loggedHours: rnd() < 0.6 ? Math.round(likelyHours * ratio * 4) / 4 : null,
    };
  });
}

/** bench/forecast.ts's roadmap with owners, skills and remaining hours on half the work in progress. */
function historyInput(history: DoneFeature[]): HistoryForecastInput {
  const base = randomRoadmap(20270104, RUNS);
  const rnd = mulberry32(99);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  return {
    ...base,
    items: base.items.map((item) => ({
      ...item,
      ownerId: rnd() < 0.8 ? PEOPLE[int(0, PEOPLE.length - 1)] : null,
      skills: item.kind === "feature" ? [{ skillId: SKILLS[int(0, SKILLS.length - 1)], hours: 40 }] : [],
      remainingHours: item.status === "in_progress" && rnd() < 0.5 ? int(0, 120) : null,
    })),
    history,
    today: addDays(PROJECT_START, 60),
  };
}

// Wall time is what a request waits; CPU time is shown too, since on a shared machine the wall
// figures include time spent waiting for a core.
function time<T>(fn: () => T): { value: T; wall: number; cpu: number } {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const value = fn();
  const wall = performance.now() - t0;
  const used = process.cpuUsage(cpu0);
  return { value, wall, cpu: (used.user + used.system) / 1000 };
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];

function report<T>(label: string, repeats: number, fn: () => T): T {
  fn(); // warm-up: let the JIT see the hot loops
  const timings = Array.from({ length: repeats }, () => time(fn));
  const wall = timings.map((t) => t.wall);
  const cpu = timings.map((t) => t.cpu);
  console.log(
    `${label}, median of ${repeats}: wall ${median(wall).toFixed(1)} ms (worst ${Math.max(...wall).toFixed(1)}), ` +
      `cpu ${median(cpu).toFixed(1)} ms`,
  );
  return timings[timings.length - 1].value;
}

const history = doneHistory(2026);
const input = historyInput(history);

const pert = report(`PERT forecast: ${ITEMS} items, ${RUNS.toLocaleString("en")} runs`, 5, () =>
  runForecast(input),
);
const fromHistory = report(`history forecast: ${ITEMS} items, ${RUNS.toLocaleString("en")} runs`, 5, () =>
  runHistoryForecast(input),
);
if (isNotEnoughHistory(fromHistory)) throw new Error("the bench's history is too short");
console.log(
  `  project finish P50/P80: PERT ${pert.projectFinish.p50} / ${pert.projectFinish.p80}, ` +
    `history ${fromHistory.projectFinish.p50} / ${fromHistory.projectFinish.p80}; ` +
    `drawn from ${JSON.stringify(fromHistory.method.history?.drawnFrom)}`,
);

for (const by of ["team", "skill", "person"] as const) {
  const labels = {
    team: "Bench team",
    skills: new Map(SKILLS.map((s) => [s, s])),
    people: new Map(PEOPLE.map((p) => [p, p])),
  };
  const accuracy = report(
    `estimate accuracy by ${by}: ${DONE_FEATURES.toLocaleString("en")} done features`,
    10,
    () => estimateAccuracy({ features: history, by, labels }),
  );
  if (by === "skill") {
    console.log(
      "  median ratio per skill: " +
        accuracy.groups.map((g) => `${g.label} ${g.medianRatio?.toFixed(2)} (${g.samples})`).join(", "),
    );
  }
}
