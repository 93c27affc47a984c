// Auto-schedule of a seeded random 10,000-item roadmap (~15,000 links, 36 months): the pure
// autoSchedule (lib/planning), then runAutoSchedule through the service (lock, load, plan,
// snapshot, bulk date writes, activity) and its undo, on an in-memory PGlite, or on a scratch
// database of DATABASE_URL's server. Aim: each under 1 s.
// Run: npx tsx bench/auto-schedule.ts

import { autoSchedule } from "../lib/planning/auto-schedule";
import { runAutoSchedule, undoAutoSchedule } from "../lib/services/schedule/auto-schedule";
import { loadDependencies } from "../lib/services/dependencies/edges";
import { loadItems } from "../lib/services/items/rows";
import { median, openBenchDatabase, seedLargeRoadmap, START } from "./lib/large-roadmap";

const ITEMS = 10_000;
const LINKS = 15_000;
const HORIZON_MONTHS = 36;
const PURE_RUNS = 7;
const SERVICE_RUNS = 3;

async function main() {
  const handle = await openBenchDatabase();
  const { db } = handle;
  const t0 = performance.now();
  const { actor, roadmap } = await seedLargeRoadmap(db, {
    items: ITEMS,
    links: LINKS,
    horizonMonths: HORIZON_MONTHS,
  });
  console.log(
    `Seeded ${ITEMS} items, ${LINKS} links in ${((performance.now() - t0) / 1000).toFixed(1)} s (${handle.kind})`,
  );

  const live = await loadItems(db, roadmap.id);
  const links = await loadDependencies(db, roadmap.id, new Set(live.map((i) => i.id)));
  const input = {
    projectStart: START,
    horizonMonths: HORIZON_MONTHS,
    items: live,
    dependencies: links,
    selected: null,
    followSuccessors: false,
  };
  autoSchedule(input);
  const pure: number[] = [];
  let moved = 0;
  for (let i = 0; i < PURE_RUNS; i++) {
    const t = performance.now();
    moved = autoSchedule(input).moved.length;
    pure.push(performance.now() - t);
  }
  console.log(
    `autoSchedule (pure), ${live.length} items / ${links.length} links: median ${median(pure).toFixed(1)} ms, worst ${Math.max(...pure).toFixed(1)} ms; ${moved} features move`,
  );

  const run: number[] = [];
  const undo: number[] = [];
  for (let i = 0; i < SERVICE_RUNS; i++) {
    const t = performance.now();
    const result = await runAutoSchedule(db, actor, roadmap.id, undefined, { mode: "earliest" });
    run.push(performance.now() - t);
    const u = performance.now();
    const undone = await undoAutoSchedule(db, actor, roadmap.id, result.snapshotId!);
    undo.push(performance.now() - u);
    if (i === 0)
      console.log(
        `  run moved ${result.moved.length}, skipped ${result.skipped.length}; undo restored ${undone.restored.length}`,
      );
  }
  console.log(
    `runAutoSchedule (service, ${handle.kind}): median ${median(run).toFixed(0)} ms, worst ${Math.max(...run).toFixed(0)} ms; ` +
      `undo: median ${median(undo).toFixed(0)} ms (${SERVICE_RUNS} runs each)`,
  );
  await handle.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
