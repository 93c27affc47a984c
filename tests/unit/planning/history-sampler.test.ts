import { describe, expect, it } from "vitest";
import { ratioSamples } from "@/lib/planning/actual-ratios";
import { addWorkingDays, toWorkIndex } from "@/lib/planning/calendar";
import { runForecast } from "@/lib/planning/forecast";
import type { ForecastInput } from "@/lib/planning/forecast-network";
import {
  createHistoryForecast,
  HOURS_PER_FOCUSED_DAY,
  isNotEnoughHistory,
  poolFor,
  ratioPools,
  runHistoryForecast,
  type ForecastWithMethodResult,
  type HistoryForecastInput,
  type HistoryForecastItem,
} from "@/lib/planning/history-sampler";
import { SeededRandom } from "@/lib/planning/random";
import type { DoneFeature } from "@/lib/planning/actual-ratios";
import { doneFeature, openFeature, START } from "./learning-fixtures";

/** 23 ratios (tenths), irregular so that no percentile asked for falls between two of them. */
const KNOWN_RATIOS = [
  8, 9, 9, 10, 10, 10, 11, 11, 12, 12, 12, 13, 13, 14, 15, 15, 16, 18, 19, 21, 24, 27, 35,
].map((r) => r / 10);
const KNOWN = KNOWN_RATIOS.map((r) => doneFeature(r));

function input(
  items: HistoryForecastItem[],
  history: readonly DoneFeature[],
  extra: Partial<HistoryForecastInput> = {},
) {
  return {
    projectStart: START,
    items,
    dependencies: [],
    risks: [],
    runs: 5_000,
    seed: 7,
    history,
    today: START,
    ...extra,
  } satisfies HistoryForecastInput;
}

/** A chain: each item starts when the one before finishes. */
function chain(items: HistoryForecastItem[]): ForecastInput["dependencies"] {
  return items.slice(1).map((item, k) => ({ fromId: items[k].id, toId: item.id, lagDays: 0 }));
}

/** The forecast's date as whole working days from START, counting the finish day: offset + 1. */
const wholeDays = (date: string) => toWorkIndex(date) - toWorkIndex(START) + 1;

function forecast(value: ReturnType<typeof runHistoryForecast>): ForecastWithMethodResult {
  if (isNotEnoughHistory(value)) throw new Error(`not enough history: ${value.samples}`);
  return value;
}

/** Nearest-rank percentile of unsorted values, as the forecast takes them. */
function nearestRank(values: number[], pct: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.max(1, Math.ceil((pct * sorted.length) / 100)) - 1];
}

describe("the forecast from history", () => {
  it("refuses under 10 usable done features, saying how many there are", () => {
    const nine = KNOWN.slice(0, 9);
    const unusable = [doneFeature(1, { estimate: null }), doneFeature(1, { actualFinish: null })];
    const result = runHistoryForecast(input([openFeature("a", 10)], [...nine, ...unusable]));
    expect(result).toEqual({ kind: "not_enough_history", samples: 9, required: 10 });
    expect(isNotEnoughHistory(runHistoryForecast(input([openFeature("a", 10)], KNOWN.slice(0, 10))))).toBe(
      false,
    );
  });

  it("draws one feature's duration from the sample: its percentiles are the sample's (bootstrap)", () => {
    // Planned 100 days, estimate o = m = p: it stands for 100 days, so a run takes 100 x ratio.
    const result = forecast(runHistoryForecast(input([openFeature("a", 100)], KNOWN, { runs: 20_000 })));
    for (const pct of [50, 80, 95] as const) {
      const expected = Math.round(100 * nearestRank(KNOWN_RATIOS, pct));
      expect(wholeDays(result.projectFinish[`p${pct}`]), `P${pct}`).toBe(expected);
    }
  });

  it("matches a reference bootstrap of a chain's total within 1%", () => {
    const items = Array.from({ length: 8 }, (_, k) => openFeature(`f${k}`, 20));
    const result = forecast(
      runHistoryForecast({ ...input(items, KNOWN, { runs: 20_000 }), dependencies: chain(items) }),
    );
    // The reference: 200,000 totals of 8 independent draws with replacement, another generator.
    const rng = new SeededRandom(123_456);
    const totals = Array.from({ length: 200_000 }, () => {
      let total = 0;
      for (let k = 0; k < 8; k++) total += 20 * KNOWN_RATIOS[Math.floor(rng.uniform() * KNOWN_RATIOS.length)];
      return Math.ceil(total - 1e-9);
    });
    for (const pct of [50, 80, 95] as const) {
      const reference = nearestRank(totals, pct);
      const got = wholeDays(result.projectFinish[`p${pct}`]);
      expect(Math.abs(got - reference) / reference, `P${pct}: ${got} vs ${reference}`).toBeLessThanOrEqual(
        0.01,
      );
    }
  });

  it("every feature took twice its estimate: the P50 of a chain is about twice the PERT P50", () => {
    const doubled = Array.from({ length: 12 }, () => doneFeature(2));
    const estimate = { optimisticHours: 40, likelyHours: 80, pessimisticHours: 200 };
    const items = Array.from({ length: 10 }, (_, k) => openFeature(`f${k}`, 10, { estimate }));
    const base = { ...input(items, doubled), dependencies: chain(items) };
    const pert = runForecast(base);
    const history = forecast(runHistoryForecast(base));
    const ratio = wholeDays(history.projectFinish.p50) / wholeDays(pert.projectFinish.p50);
    expect(ratio).toBeGreaterThan(1.95);
    expect(ratio).toBeLessThan(2.05);
    // Each feature: 10 days x PERT mean 93.3 h / likely 80 h x 2 = 23.3 days; ten of them.
    expect(wholeDays(history.projectFinish.p50)).toBe(Math.ceil((10 * 10 * 2 * (40 + 320 + 200)) / 6 / 80));
  });

  it("names the method and how many features drew from whose ratios", () => {
    const result = forecast(runHistoryForecast(input([openFeature("a", 10), openFeature("b", 5)], KNOWN)));
    expect(result.method).toMatchObject({
      name: "history",
      durations: "history-ratio",
      history: { samples: 23, drawnFrom: { person: 0, skill: 0, team: 2 }, minSamples: 10 },
    });
    expect(result.runs).toBe(5_000);
  });

  it("is deterministic for a seed, and runs in chunks give the one-call answer", () => {
    const items = Array.from({ length: 5 }, (_, k) => openFeature(`f${k}`, 7));
    const base = { ...input(items, KNOWN, { runs: 1_000 }), dependencies: chain(items) };
    const once = JSON.stringify(runHistoryForecast(base));
    expect(JSON.stringify(runHistoryForecast(base))).toBe(once);
    expect(JSON.stringify(runHistoryForecast({ ...base, seed: 8 }))).not.toBe(once);
    const chunked = createHistoryForecast(base);
    if (isNotEnoughHistory(chunked)) throw new Error("unexpected");
    chunked.step(300);
    chunked.step(700);
    expect(JSON.stringify(chunked.result())).toBe(once);
  });

  it("never draws done, cut or milestone items", () => {
    const done = openFeature("done", 10, { status: "done" });
    const late = openFeature("late", 10, { from: 10 });
    const items: HistoryForecastItem[] = [
      done,
      openFeature("cut", 50, { status: "cut" }),
      late,
      {
        ...openFeature("m", 1, { from: 30 }),
        kind: "milestone",
        estimate: null,
        endDate: addWorkingDays(START, 30),
      },
    ];
    items[3].startDate = items[3].endDate;
    const result = forecast(
      runHistoryForecast({
        ...input(
          items,
          Array.from({ length: 10 }, () => doneFeature(3)),
        ),
        dependencies: [{ fromId: "done", toId: "late", lagDays: 0 }],
      }),
    );
    expect(result.method.history?.drawnFrom).toEqual({ person: 0, skill: 0, team: 1 });
    // done keeps days 1-10; late (10 days x 3) runs days 11-40.
    expect(wholeDays(result.projectFinish.p50)).toBe(40);
  });
});

describe("whose ratios a feature draws from", () => {
  const ana = Array.from({ length: 10 }, () => doneFeature(3, { ownerId: "ana" }));
  const bo = Array.from({ length: 9 }, () =>
    doneFeature(0.5, { ownerId: "bo", skills: [{ skillId: "ui", hours: 8 }] }),
  );
  const ui = Array.from({ length: 10 }, () => doneFeature(1.5, { skills: [{ skillId: "ui", hours: 8 }] }));
  const pools = ratioPools(ratioSamples([...ana, ...bo, ...ui]));
  const ui8 = [{ skillId: "ui", hours: 8 }];

  it("the person's with 10 samples, else the main skill's with 10, else the team's", () => {
    expect(poolFor(pools, { ownerId: "ana", skills: ui8 }).level).toBe("person");
    // bo has 9: their skill ui has 9 + 10 = 19.
    const bos = poolFor(pools, { ownerId: "bo", skills: ui8 });
    expect(bos.level).toBe("skill");
    expect(bos.ratios).toHaveLength(19);
    expect(poolFor(pools, { ownerId: "bo", skills: [] }).level).toBe("team");
    expect(poolFor(pools, { ownerId: null, skills: [{ skillId: "data", hours: 8 }] }).level).toBe("team");
    expect(poolFor(pools, { ownerId: null, skills: [] }).ratios).toHaveLength(29);
  });

  it("and the durations follow: ana's feature takes 3x, a ui feature of bo's takes 0.5x-1.5x", () => {
    const result = forecast(
      runHistoryForecast(
        input(
          [
            openFeature("ana-feature", 10, { ownerId: "ana", isKey: true }),
            openFeature("bo-feature", 10, { ownerId: "bo", skills: ui8 }),
          ],
          [...ana, ...bo, ...ui],
          { runs: 2_000 },
        ),
      ),
    );
    expect(result.method.history?.drawnFrom).toEqual({ person: 1, skill: 1, team: 0 });
    expect(wholeDays(result.projectFinish.p50)).toBe(30); // ana's 30 days ends it every run
    // A milestone on day 5 right after bo's feature: reached on time when the ratio was 0.5.
    const day5 = addWorkingDays(START, 4);
    const boOnly = forecast(
      runHistoryForecast({
        ...input(
          [
            openFeature("bo-feature", 10, { ownerId: "bo", skills: ui8 }),
            { ...openFeature("m", 1), kind: "milestone", startDate: day5, endDate: day5, estimate: null },
          ],
          [...ana, ...bo, ...ui],
        ),
        dependencies: [{ fromId: "bo-feature", toId: "m", lagDays: 0 }],
      }),
    );
    expect(wholeDays(boOnly.projectFinish.p50)).toBe(15); // 10 of 19 ratios are 1.5
    expect(wholeDays(boOnly.projectFinish.p95)).toBe(15);
    expect(boOnly.milestones[0].onTimeProbability).toBeCloseTo(9 / 19, 1);
  });
});

describe("work in progress with remaining hours", () => {
  const history = Array.from({ length: 10 }, () => doneFeature(1.5));
  const TODAY = addWorkingDays(START, 20);

  it("resumes today and takes remaining hours at the feature's planned rate, times the ratio", () => {
    // Planned 10 days for 80 likely hours: 8 h a day; 16 h left = 2 days, x 1.5 = 3 days.
    const item = openFeature("wip", 10, { status: "in_progress", remainingHours: 16 });
    const result = forecast(runHistoryForecast(input([item], history, { today: TODAY })));
    expect(wholeDays(result.projectFinish.p50)).toBe(20 + 3);
  });

  it("converts at one focused person's day without an estimate", () => {
    const item = openFeature("wip", 10, { status: "in_progress", remainingHours: 32, estimate: null });
    const result = forecast(runHistoryForecast(input([item], history, { today: TODAY })));
    expect(HOURS_PER_FOCUSED_DAY).toBe(6.4);
    expect(wholeDays(result.projectFinish.p50)).toBe(20 + Math.ceil((32 / 6.4) * 1.5)); // 7.5 -> 8
  });

  it("with no remaining hours said, takes its whole estimate from its planned start", () => {
    const item = openFeature("wip", 10, { status: "in_progress" });
    const result = forecast(runHistoryForecast(input([item], history, { today: TODAY })));
    expect(wholeDays(result.projectFinish.p50)).toBe(15);
  });

  it("with 0 hours left, is finished as of today: its finish is the working day before", () => {
    const item = openFeature("wip", 10, { status: "in_progress", remainingHours: 0 });
    const result = forecast(runHistoryForecast(input([item], history, { today: TODAY })));
    expect(result.projectFinish.p50).toBe(addWorkingDays(START, 19));
  });
});
