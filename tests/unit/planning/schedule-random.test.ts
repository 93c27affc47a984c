// Random networks: computeSchedule must equal a plain reference CPM (the one the conformance
// checks use), and the integer passes must satisfy the CPM invariants.

import { describe, expect, it } from "vitest";
import { buildCpmNetwork, runCpm, type CpmLink } from "@/lib/planning/cpm";
import { computeSchedule, type ScheduleInput, type ScheduleItemInput } from "@/lib/planning/schedule";
import {
  conformanceRandomDag,
  naiveAddDays,
  naiveAddWorkdays,
  naiveNextWorkingDay,
  naiveWorkingDaysBetween,
  referenceCpm,
  seededRandom,
  type ReferenceTask,
} from "./reference";

/** A random roadmap: shuffled ids and input order, weekend dates, leads and lags, loose parts. */
function randomRoadmap(seed: number): ScheduleInput {
  const rnd = seededRandom(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const n = int(1, 80);
  const projectStart = naiveAddDays("2027-01-01", int(0, 13));
  const ids = Array.from({ length: n }, (_, k) => `item-${k}`);
  for (let k = n - 1; k > 0; k--) {
    const j = int(0, k);
    [ids[k], ids[j]] = [ids[j], ids[k]];
  }
  // ids[k] may only depend on ids[0..k-1]: the hidden topological order.
  const items: ScheduleItemInput[] = ids.map((id) => {
    if (rnd() < 0.15) {
      const date = naiveAddDays(projectStart, int(0, 90));
      return { id, kind: "milestone", startDate: date, endDate: date };
    }
    const startDate = naiveAddDays(projectStart, int(0, 60));
    return { id, kind: "feature", startDate, endDate: naiveAddDays(startDate, int(0, 20)) };
  });
  const dependencies: CpmLink[] = [];
  for (let k = 1; k < n; k++) {
    const links = rnd() < 0.2 ? 0 : int(0, 3);
    for (let j = 0; j < links; j++) {
      const lagDays = rnd() < 0.6 ? 0 : int(-4, 5);
      dependencies.push({ fromId: ids[int(0, k - 1)], toId: ids[k], lagDays });
    }
  }
  for (let k = items.length - 1; k > 0; k--) {
    const j = int(0, k);
    [items[k], items[j]] = [items[j], items[k]];
  }
  return { projectStart, items, dependencies };
}

function referenceTasks(input: ScheduleInput): ReferenceTask[] {
  return input.items.map((item) => ({
    id: item.id,
    dur: item.kind === "milestone" ? 0 : Math.max(1, naiveWorkingDaysBetween(item.startDate, item.endDate)),
    preds: input.dependencies
      .filter((d) => d.toId === item.id)
      .map((d) => ({ id: d.fromId, lag: d.lagDays })),
  }));
}

function expectMatchesReference(input: ScheduleInput): void {
  const result = computeSchedule(input);
  const tasks = referenceTasks(input);
  const { r, finish } = referenceCpm(tasks);
  const origin = naiveNextWorkingDay(input.projectStart);
  // The reference calendar, walked one working day at a time as far as the schedule reaches.
  const days = [origin];
  const day = (k: number) => {
    while (days.length <= k) days.push(naiveAddWorkdays(days[days.length - 1], 1));
    return days[k];
  };
  const mismatches: string[] = [];
  input.items.forEach((item, i) => {
    const t = r[item.id];
    // The projection fields extend api.md and are tested on their own (schedule-projection.test.ts).
    const { projectedStart: _ps, projectedFinish: _pf, plannedTargetMissed: _pm, ...got } = result.items[i];
    const milestoneDay = (k: number) => day(Math.max(k - 1, 0));
    const want =
      item.kind === "milestone"
        ? {
            id: item.id,
            durationDays: 0,
            earlyStart: milestoneDay(t.es),
            earlyFinish: milestoneDay(t.es),
            lateStart: milestoneDay(t.ls),
            lateFinish: milestoneDay(t.ls),
            totalSlackDays: t.slack,
            critical: t.slack <= 0,
            plannedStartViolation: false,
            targetMissed: milestoneDay(t.es) > item.startDate,
          }
        : {
            id: item.id,
            durationDays: tasks[i].dur,
            earlyStart: day(t.es),
            earlyFinish: day(t.ef - 1),
            lateStart: day(t.ls),
            lateFinish: day(t.lf - 1),
            totalSlackDays: t.slack,
            critical: t.slack <= 0,
            plannedStartViolation: naiveNextWorkingDay(item.startDate) < day(t.es),
            targetMissed: false,
          };
    if (JSON.stringify(got) !== JSON.stringify(want))
      mismatches.push(`${JSON.stringify(got)} != ${JSON.stringify(want)}`);
  });
  expect(mismatches.slice(0, 3)).toEqual([]);
  expect(result.projectStart).toBe(origin);
  expect(result.projectFinish).toBe(day(Math.max(finish - 1, 0)));
  const critical = input.items.filter((item) => r[item.id].slack <= 0).map((item) => item.id);
  critical.sort((a, b) => r[a].es - r[b].es || r[a].ef - r[b].ef || (a < b ? -1 : a > b ? 1 : 0));
  expect(result.criticalPath).toEqual(critical);
}

function expectCpmInvariants(input: ScheduleInput): void {
  const network = buildCpmNetwork(
    input.items.map((item) => item.id),
    input.dependencies,
  );
  const dur = referenceTasks(input).map((t) => t.dur);
  const { es, ef, ls, lf, finish } = runCpm(network, dur);
  const n = input.items.length;
  const idx = (id: string) => network.indexOf.get(id)!;
  const critical = (i: number) => ls[i] - es[i] <= 0;
  const problems: string[] = [];
  for (let i = 0; i < n; i++) {
    if (es[i] < 0 || ef[i] !== es[i] + dur[i] || lf[i] !== ls[i] + dur[i])
      problems.push(`${i}: bad durations`);
    if (ls[i] < es[i] || lf[i] > finish) problems.push(`${i}: early after late or late after finish`);
  }
  for (const d of input.dependencies) {
    const [f, t] = [idx(d.fromId), idx(d.toId)];
    if (es[t] < ef[f] + d.lagDays || lf[f] > ls[t] - d.lagDays)
      problems.push(`${d.fromId}->${d.toId}: link broken`);
  }
  // Critical items form chains: each one not at the start is driven by a critical predecessor,
  // each one not at the finish drives a critical successor.
  const drivenBy = new Map<number, number>();
  for (const d of input.dependencies) {
    const [f, t] = [idx(d.fromId), idx(d.toId)];
    if (critical(f) && critical(t) && ef[f] + d.lagDays === es[t]) drivenBy.set(t, f);
  }
  const drives = new Set<number>();
  for (const d of input.dependencies) {
    const [f, t] = [idx(d.fromId), idx(d.toId)];
    if (critical(f) && critical(t) && ls[t] - d.lagDays === lf[f]) drives.add(f);
  }
  for (let i = 0; i < n; i++) {
    if (!critical(i)) continue;
    if (es[i] > 0 && !drivenBy.has(i)) problems.push(`${i}: critical but nothing drives it`);
    if (lf[i] < finish && !drives.has(i)) problems.push(`${i}: critical but drives nothing`);
  }
  // Walk one critical chain back from the finish to the start.
  let at = Array.from({ length: n }, (_, i) => i).find((i) => critical(i) && ef[i] === finish);
  expect(at).toBeDefined();
  for (let steps = 0; at !== undefined && es[at] > 0 && steps <= n; steps++) at = drivenBy.get(at);
  expect(at !== undefined && es[at] === 0).toBe(true);
  expect(problems.slice(0, 3)).toEqual([]);
}

describe("computeSchedule on random networks", () => {
  const seeds = Array.from({ length: 150 }, (_, i) => 1000 + i);

  it("equals the reference CPM, dates and all", () => {
    for (const seed of seeds) expectMatchesReference(randomRoadmap(seed));
  });

  it("keeps the CPM invariants: early before late, no negative slack, critical chains from start to finish", () => {
    for (const seed of seeds) expectCpmInvariants(randomRoadmap(seed));
  });

  it("matches the conformance networks (plan.mjs randomDag, seeds 1 and 7)", () => {
    const start = "2027-01-04";
    for (const seed of [1, 7, 42]) {
      const tasks = conformanceRandomDag(60, 3, seed);
      const input: ScheduleInput = {
        projectStart: start,
        items: tasks.map((t) =>
          t.dur === 0
            ? { id: t.id, kind: "milestone", startDate: start, endDate: start }
            : { id: t.id, kind: "feature", startDate: start, endDate: naiveAddWorkdays(start, t.dur - 1) },
        ),
        dependencies: tasks.flatMap((t) =>
          t.preds.map((p) => ({ fromId: p.id, toId: t.id, lagDays: p.lag })),
        ),
      };
      const { r } = referenceCpm(tasks);
      const got = new Map(computeSchedule(input).items.map((x) => [x.id, x]));
      for (const t of tasks) {
        const x = got.get(t.id)!;
        const e = r[t.id];
        expect(x.totalSlackDays, t.id).toBe(e.slack);
        expect(x.critical, t.id).toBe(e.slack <= 0);
        if (t.dur > 0) {
          expect([x.earlyStart, x.earlyFinish, x.lateStart, x.lateFinish], t.id).toEqual([
            naiveAddWorkdays(start, e.es),
            naiveAddWorkdays(start, e.ef - 1),
            naiveAddWorkdays(start, e.ls),
            naiveAddWorkdays(start, e.lf - 1),
          ]);
        }
      }
      expectMatchesReference(input);
      expectCpmInvariants(input);
    }
  });
});
