// diffDocuments on two seeded random 10,000-item roadmap documents (~15,000 links, 200 risks):
// 30% of items moved, some retitled, re-laned, re-estimated, cut, removed or added; links and
// risks changed too. Aim: well under 1 s. Run: npx tsx bench/diff.ts

import { addDays } from "../lib/planning/calendar";
import { diffDocuments } from "../lib/planning/roadmap-diff";
import type { DocumentItem, DocumentRisk, RoadmapDocument } from "../lib/validation/roadmap-document";
import { mulberry32 } from "./lib/random";

const ITEMS = 10_000;
const DEPENDENCIES = 15_000;
const RISKS = 200;
const LANES = 12;
const PROJECT_START = "2027-01-04";
const WARM_UP_RUNS = 2;
const TIMED_RUNS = 7;

const rnd = mulberry32(20270104);
const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
const lanes = Array.from({ length: LANES }, (_, k) => ({ id: `lane-${k}`, name: `Lane ${k}`, position: k }));

function randomItem(rank: number): DocumentItem {
  const isMilestone = rnd() < 0.1;
  const startDate = addDays(PROJECT_START, Math.floor((rank / ITEMS) * 450) + int(0, 30));
  return {
    id: `item-${rank}`,
    workstreamId: lanes[int(0, LANES - 1)].id,
    kind: isMilestone ? "milestone" : "feature",
    title: `Item ${rank}`,
    description: rnd() < 0.3 ? `Why item ${rank} matters` : null,
    startDate,
    endDate: isMilestone ? startDate : addDays(startDate, int(1, 30)),
    outcome: isMilestone ? `Outcome ${rank}` : null,
    isKey: rnd() < 0.1,
    status: rnd() < 0.03 ? "cut" : "planned",
    estimate: rnd() < 0.7 ? { optimisticHours: 8, likelyHours: int(10, 80), pessimisticHours: 120 } : null,
    skills:
      rnd() < 0.5
        ? [
            { skill: "Backend", hours: int(4, 40) },
            { skill: "Design", hours: int(0, 8) },
          ]
        : [],
    owner: rnd() < 0.5 ? `owner${int(1, 40)}@example.test` : null,
  };
}

function randomLinks(count: number): RoadmapDocument["dependencies"] {
  const seen = new Set<number>();
  const out: RoadmapDocument["dependencies"] = [];
  while (out.length < count) {
    const a = int(0, ITEMS - 1);
    const b = rnd() < 0.7 ? Math.min(ITEMS - 1, a + int(1, 60)) : int(0, ITEMS - 1);
    if (a === b) continue;
    const [from, to] = a < b ? [a, b] : [b, a]; // low rank to high: never a cycle
    if (seen.has(from * ITEMS + to)) continue;
    seen.add(from * ITEMS + to);
    out.push({ fromId: `item-${from}`, toId: `item-${to}`, lagDays: rnd() < 0.8 ? 0 : int(-3, 5) });
  }
  return out;
}

function randomRisk(k: number): DocumentRisk {
  return {
    id: `risk-${k}`,
    title: `Risk ${k}`,
    description: null,
    kind: "roadblock",
    likelihood: int(1, 5),
    impact: int(1, 5),
    status: "open",
    itemIds: Array.from({ length: int(1, 5) }, () => `item-${int(0, ITEMS - 1)}`),
    owner: null,
    delayDays: int(1, 20),
    contingency: null,
  };
}

function documentOf(
  items: DocumentItem[],
  dependencies: RoadmapDocument["dependencies"],
  risks: DocumentRisk[],
) {
  return {
    format: "cairn.roadmap",
    version: 1,
    roadmap: { title: "Bench", startDate: PROJECT_START, horizonMonths: 18 },
    workstreams: lanes,
    items,
    dependencies,
    risks,
    staffing: null,
    phases: [],
  } satisfies RoadmapDocument;
}

/** The "after" side: 30% moved, 10% otherwise edited, 2% cut, 1% gone, 150 new, links and risks churned. */
function evolve(before: RoadmapDocument): RoadmapDocument {
  const items: DocumentItem[] = [];
  for (const item of before.items) {
    const roll = rnd();
    if (roll < 0.01) continue; // removed
    let next = item;
    if (rnd() < 0.3) {
      const shift = int(-20, 40) || 1;
      next = {
        ...next,
        startDate: addDays(next.startDate, shift),
        endDate: addDays(next.endDate, shift + int(0, 3)),
      };
    }
    const edit = rnd();
    if (edit < 0.04) next = { ...next, title: `${next.title} (renamed)` };
    else if (edit < 0.07) next = { ...next, workstreamId: lanes[int(0, LANES - 1)].id };
    else if (edit < 0.1)
      next = { ...next, estimate: { optimisticHours: 4, likelyHours: 30, pessimisticHours: 90 } };
    if (rnd() < 0.02) next = { ...next, status: "cut" };
    items.push(next);
  }
  for (let k = 0; k < 150; k++) items.push({ ...randomItem(int(0, ITEMS - 1)), id: `new-${k}` });
  const dependencies = before.dependencies.filter(() => rnd() > 0.05).concat(randomLinks(800));
  const risks = before.risks
    .filter(() => rnd() > 0.1)
    .map((r) => (rnd() < 0.2 ? { ...r, likelihood: 6 - r.likelihood, itemIds: [...r.itemIds].reverse() } : r))
    .concat(Array.from({ length: 20 }, (_, k) => ({ ...randomRisk(k), id: `new-risk-${k}` })));
  // Shuffled: the diff must not depend on the order rows arrive in.
  for (let k = items.length - 1; k > 0; k--) {
    const j = int(0, k);
    [items[k], items[j]] = [items[j], items[k]];
  }
  return documentOf(items, dependencies, risks);
}

const before = documentOf(
  Array.from({ length: ITEMS }, (_, rank) => randomItem(rank)),
  randomLinks(DEPENDENCIES),
  Array.from({ length: RISKS }, (_, k) => randomRisk(k)),
);
const after = evolve(before);

let last = diffDocuments(before, after);
for (let i = 1; i < WARM_UP_RUNS; i++) last = diffDocuments(before, after);

// Wall time is what a request waits; CPU time (user + system, this process) is shown too because
// on a shared machine the wall figures include time spent waiting for a core.
const wall: number[] = [];
const cpu: number[] = [];
for (let i = 0; i < TIMED_RUNS; i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  last = diffDocuments(before, after);
  wall.push(performance.now() - t0);
  const used = process.cpuUsage(cpu0);
  cpu.push((used.user + used.system) / 1000);
}
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
const worst = (xs: number[]) => Math.max(...xs);

console.log(
  `diffDocuments: ${before.items.length} -> ${after.items.length} items, ` +
    `${before.dependencies.length} -> ${after.dependencies.length} links, ${TIMED_RUNS} runs after ${WARM_UP_RUNS} warm-up`,
);
console.log(`  wall: median ${median(wall).toFixed(1)} ms, worst ${worst(wall).toFixed(1)} ms`);
console.log(`  cpu:  median ${median(cpu).toFixed(1)} ms, worst ${worst(cpu).toFixed(1)} ms`);
console.log(`  summary ${JSON.stringify(last.summary)}`);
console.log(
  `  critical path ${last.criticalPath.before.length} -> ${last.criticalPath.after.length} items, ` +
    `finish ${last.projectFinish.before} -> ${last.projectFinish.after} (${last.projectFinish.days} days)`,
);
