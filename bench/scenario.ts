// What-if scenarios on a seeded random 1,000-item roadmap (~1,500 links, 20 risks, a staffing
// plan, three phases), on an in-memory PGlite or a scratch database of DATABASE_URL's server:
// making a scenario (snapshot of the base + a full copy, one transaction) and comparing it with
// its base (three documents, diff, two schedules, two seeded 2,000-run forecasts, two capacity
// roll-ups, the three-way merge). Compare is timed first (both forecasts computed), after an edit
// of the scenario (its forecast computed, the base's cached) and warm (forecasts are cached per
// roadmap change). Aim: each under 1 s. Run: npx tsx bench/scenario.ts

import { and, eq } from "drizzle-orm";
import { items } from "../db/schema";
import { addDays } from "../lib/planning/calendar";
import { updateItem } from "../lib/services/items/update";
import { compareScenario } from "../lib/services/scenarios/compare";
import { createScenario } from "../lib/services/scenarios/scenarios";
import { median, openBenchDatabase, seedLargeRoadmap } from "./lib/large-roadmap";

const ITEMS = 1_000;
const LINKS = 1_500;
const COPIES = 5;
const WARM_COMPARES = 10;
const MOVED = 50;

async function main() {
  const handle = await openBenchDatabase();
  const { db } = handle;
  const { actor, roadmap } = await seedLargeRoadmap(db, { items: ITEMS, links: LINKS, horizonMonths: 18 });

  const copy: number[] = [];
  let scenarioId = "";
  for (let i = 0; i < COPIES; i++) {
    const t = performance.now();
    const scenario = await createScenario(db, actor, roadmap.id, { name: `What if ${i + 1}` });
    copy.push(performance.now() - t);
    scenarioId ||= scenario.roadmap.id;
  }
  console.log(
    `createScenario (snapshot + copy of ${ITEMS} items, ${LINKS} links): median ${median(copy).toFixed(0)} ms, worst ${Math.max(...copy).toFixed(0)} ms (${COPIES} runs)`,
  );

  // Move some of the scenario's features a week later, so the comparison has a diff to find.
  const features = await db
    .select()
    .from(items)
    .where(and(eq(items.roadmapId, scenarioId), eq(items.kind, "feature")))
    .limit(MOVED);
  for (const f of features)
    await updateItem(db, actor, f.id, f.version, {
      startDate: addDays(f.startDate, 7),
      endDate: addDays(f.endDate, 7),
    });

  let t = performance.now();
  const first = await compareScenario(db, actor, scenarioId);
  const cold = performance.now() - t;
  const warm: number[] = [];
  for (let i = 0; i < WARM_COMPARES; i++) {
    t = performance.now();
    await compareScenario(db, actor, scenarioId);
    warm.push(performance.now() - t);
  }
  // The usual case while working on a scenario: it changed (its forecast is computed), the base did not.
  const edited: number[] = [];
  for (let i = 0; i < 3; i++) {
    const [f] = await db.select().from(items).where(eq(items.id, features[i].id));
    await updateItem(db, actor, f.id, f.version, { title: `${f.title} (edited)` });
    t = performance.now();
    await compareScenario(db, actor, scenarioId);
    edited.push(performance.now() - t);
  }
  console.log(
    `compareScenario: first ${cold.toFixed(0)} ms (both forecasts computed), after a scenario edit median ${median(edited).toFixed(0)} ms (its forecast computed), ` +
      `warm median ${median(warm).toFixed(0)} ms, worst ${Math.max(...warm).toFixed(0)} ms; ` +
      `${first.diff.summary.moved} moved, finish ${first.projectFinish.base.earlyDate} -> ${first.projectFinish.scenario.earlyDate}, ` +
      `${first.milestones.length} key milestones, ${first.conflicts.length} conflicts`,
  );
  await handle.dispose();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
