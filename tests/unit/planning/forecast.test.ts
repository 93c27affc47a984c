import { describe, expect, it } from "vitest";
import { addWorkingDays, toWorkIndex } from "@/lib/planning/calendar";
import {
  CycleError,
  createForecast,
  DISTRIBUTION_POINTS,
  RISK_PROBABILITY,
  runForecast,
  type ForecastResult,
} from "@/lib/planning/forecast";
import type { ForecastInput } from "@/lib/planning/forecast-network";
import { computeSchedule } from "@/lib/planning/schedule";

const START = "2027-01-04"; // a Monday: working-day offset 0

type Item = ForecastInput["items"][number];
type Risk = ForecastInput["risks"][number];
type Estimate = NonNullable<Item["estimate"]>;

/** A feature over `days` working days from offset `from`. */
function feature(id: string, days: number, opts: Partial<Item> & { from?: number } = {}): Item {
  const { from = 0, ...rest } = opts;
  const startDate = addWorkingDays(START, from);
  return {
    id,
    kind: "feature",
    title: id,
    isKey: false,
    startDate,
    endDate: addWorkingDays(startDate, days - 1),
    status: "planned",
    estimate: null,
    ...rest,
  };
}

function milestone(id: string, date: string, opts: Partial<Item> = {}): Item {
  return {
    id,
    kind: "milestone",
    title: id,
    isKey: true,
    startDate: date,
    endDate: date,
    status: "planned",
    estimate: null,
    ...opts,
  };
}

function risk(id: string, itemIds: string[], opts: Partial<Risk> = {}): Risk {
  return { id, likelihood: 5, status: "open", delayDays: 10, itemIds, ...opts };
}

function input(
  items: Item[],
  links: [string, string, number?][],
  opts: Partial<ForecastInput> = {},
): ForecastInput {
  return {
    projectStart: START,
    items,
    dependencies: links.map(([fromId, toId, lagDays = 0]) => ({ fromId, toId, lagDays })),
    risks: [],
    runs: 2_000,
    seed: 7,
    ...opts,
  };
}

/** The exclusive working-day offset of a date: a finish at this offset lands on the date. */
const offsetOf = (date: string) => toWorkIndex(date) - toWorkIndex(START) + 1;
const ms = (result: ForecastResult, id: string) => result.milestones.find((m) => m.id === id)!;
const criticality = (result: ForecastResult, id: string) =>
  result.items.find((i) => i.id === id)!.criticalityIndex;

/** Quantiles of Beta(a, b) by the midpoint rule on a fine grid: the reference the sampler must meet. */
function betaQuantiles(a: number, b: number, qs: number[]): number[] {
  const steps = 200_000;
  const cdf = new Float64Array(steps + 1);
  for (let k = 0; k < steps; k++) {
    const x = (k + 0.5) / steps;
    cdf[k + 1] = cdf[k] + x ** (a - 1) * (1 - x) ** (b - 1);
  }
  return qs.map((q) => {
    const target = q * cdf[steps];
    let k = 0;
    while (cdf[k + 1] < target) k++;
    return (k + (target - cdf[k]) / (cdf[k + 1] - cdf[k])) / steps;
  });
}

describe("runForecast: distributions against the analytic answer", () => {
  it("one PERT item: P50/P80/P95 match the Beta quantiles by numeric integration within 2%", () => {
    // o = 10, m = 20, p = 60 hours: alpha = 1 + 4*10/50 = 1.8, beta = 1 + 4*40/50 = 4.2.
    const estimate: Estimate = { optimisticHours: 10, likelyHours: 20, pessimisticHours: 60 };
    const result = runForecast(
      input([feature("a", 100, { estimate }), milestone("m", "2027-12-31")], [["a", "m"]], { runs: 20_000 }),
    );
    // 100 planned days at 20 likely hours: days = 5 x hours = 5 (10 + 50 x).
    const [q50, q80, q95] = betaQuantiles(1.8, 4.2, [0.5, 0.8, 0.95]).map((x) => 5 * (10 + 50 * x));
    const m = ms(result, "m");
    expect(Math.abs(offsetOf(m.p50) - q50) / q50).toBeLessThan(0.02);
    expect(Math.abs(offsetOf(m.p80) - q80) / q80).toBeLessThan(0.02);
    expect(Math.abs(offsetOf(m.p95) - q95) / q95).toBeLessThan(0.02);
    expect(result.projectFinish).toEqual({ p50: m.p50, p80: m.p80, p95: m.p95 });
  });

  it("a chain of 25 identical PERT features: P50 and P80 match the normal approximation of the sum", () => {
    // Each planned 10 days at 80 likely hours, o = 40, p = 200: alpha = 2, beta = 4.
    const estimate: Estimate = { optimisticHours: 40, likelyHours: 80, pessimisticHours: 200 };
    const n = 25;
    const ids = Array.from({ length: n }, (_, k) => `f${k}`);
    const items = [...ids.map((id) => feature(id, 10, { estimate })), milestone("end", "2028-06-30")];
    const links = ids.map((id, k): [string, string] => [id, ids[k + 1] ?? "end"]);
    const result = runForecast(input(items, links, { runs: 10_000, seed: 11 }));

    const [o, m, p, alpha, beta] = [40, 80, 200, 2, 4];
    const meanHours = (o + 4 * m + p) / 6; // the PERT mean, = o + (p - o) alpha / (alpha + beta)
    const varHours = ((p - o) ** 2 * alpha * beta) / ((alpha + beta) ** 2 * (alpha + beta + 1));
    const daysPerHour = 10 / m;
    const mean = n * meanHours * daysPerHour;
    const sd = Math.sqrt(n * varHours) * daysPerHour;
    // Cornish-Fisher: the sum keeps a little of the Beta's right skew, 2(b-a)sqrt(a+b+1)/((a+b+2)sqrt(ab)).
    const skew =
      (2 * (beta - alpha) * Math.sqrt(alpha + beta + 1)) / ((alpha + beta + 2) * Math.sqrt(alpha * beta));
    const sumSkew = skew / Math.sqrt(n);
    const median = mean - (sumSkew / 6) * sd;
    const z80 = 0.8416;
    const p80 = mean + sd * (z80 + (sumSkew / 6) * (z80 * z80 - 1));

    const end = ms(result, "end");
    expect(Math.abs(offsetOf(end.p50) - median) / median).toBeLessThan(0.02);
    expect(Math.abs(offsetOf(end.p80) - p80) / p80).toBeLessThan(0.02);
    expect(offsetOf(end.p50)).toBeGreaterThan(n * 10); // the likely plan is optimistic: mean > mode
  });
});

describe("runForecast: determinism", () => {
  const estimate: Estimate = { optimisticHours: 8, likelyHours: 16, pessimisticHours: 40 };
  const network = (seed: number) =>
    input(
      [
        feature("s", 5, { estimate }),
        feature("x", 10, { from: 5, estimate }),
        feature("y", 10, { from: 5, estimate }),
        feature("z", 8, { from: 5, estimate }),
        milestone("m", "2027-02-12"),
      ],
      [
        ["s", "x"],
        ["s", "y"],
        ["s", "z"],
        ["x", "m"],
        ["y", "m"],
        ["z", "m", 2],
      ],
      { seed, risks: [risk("r", ["y"], { likelihood: 2, delayDays: 3 })] },
    );

  it("the same input and seed give the identical answer", () => {
    expect(runForecast(network(123))).toEqual(runForecast(network(123)));
  });

  it("another seed gives another sample", () => {
    const a = runForecast(network(123));
    const b = runForecast(network(124));
    expect(b).not.toEqual(a);
    expect(b.seed).toBe(124);
    expect(criticality(b, "x")).not.toBe(criticality(a, "x"));
  });

  it("step() in chunks gives exactly the result of one call, and stops at input.runs", () => {
    const whole = runForecast(network(5));
    const forecast = createForecast(network(5));
    expect(() => forecast.result()).toThrow(RangeError);
    for (const chunk of [1, 99, 0, 1_234, 5_000]) forecast.step(chunk);
    expect(forecast.done).toBe(2_000);
    expect(forecast.result()).toEqual(whole);
    expect(forecast.result().runs).toBe(2_000);
  });

  it("a partial result covers the runs done so far", () => {
    const forecast = createForecast(network(5));
    forecast.step(300);
    expect(forecast.done).toBe(300);
    expect(forecast.result().runs).toBe(300);
  });
});

describe("runForecast: milestones", () => {
  const estimate: Estimate = { optimisticHours: 30, likelyHours: 40, pessimisticHours: 120 };

  it("onTimeProbability never falls as the milestone's date moves later, from 0 to 1", () => {
    const shares: number[] = [];
    for (let day = 0; day < 60; day++) {
      const date = addWorkingDays(START, day);
      const result = runForecast(
        input(
          [feature("a", 10, { estimate }), feature("b", 10, { estimate }), milestone("m", date)],
          [
            ["a", "b"],
            ["b", "m"],
          ],
          { risks: [risk("r", ["b"], { likelihood: 3, delayDays: 5 })] },
        ),
      );
      shares.push(ms(result, "m").onTimeProbability);
    }
    for (let k = 1; k < shares.length; k++) expect(shares[k]).toBeGreaterThanOrEqual(shares[k - 1]);
    expect(shares[0]).toBe(0);
    expect(shares[shares.length - 1]).toBe(1);
  });

  it("the cumulative distribution has at most ~60 points, rising to 1 in date order", () => {
    const result = runForecast(
      input(
        [
          feature("a", 40, { estimate: { optimisticHours: 10, likelyHours: 40, pessimisticHours: 400 } }),
        ].concat(milestone("m", "2029-01-01")),
        [["a", "m"]],
      ),
    );
    const { distribution, onTimeProbability, p50 } = ms(result, "m");
    expect(distribution.length).toBeGreaterThan(20);
    expect(distribution.length).toBeLessThanOrEqual(DISTRIBUTION_POINTS);
    for (let k = 1; k < distribution.length; k++) {
      expect(distribution[k].date > distribution[k - 1].date).toBe(true);
      expect(distribution[k].cumulative).toBeGreaterThanOrEqual(distribution[k - 1].cumulative);
    }
    expect(distribution[distribution.length - 1].cumulative).toBe(1);
    expect(onTimeProbability).toBe(1); // 2029 is past even the pessimistic 400 working days
    const beforeP50 = distribution.filter((point) => point.date < p50);
    expect(beforeP50.every((point) => point.cumulative < 0.5)).toBe(true);
  });

  it("a milestone with no predecessor sits on its own date; a done milestone too, whatever precedes it", () => {
    const result = runForecast(
      input(
        [
          feature("late", 30, { estimate }),
          milestone("alone", "2027-03-03"),
          milestone("shipped", "2027-01-08", { status: "done" }),
        ],
        [["late", "shipped"]],
      ),
    );
    for (const id of ["alone", "shipped"]) {
      const m = ms(result, id);
      expect([m.p50, m.p80, m.p95]).toEqual([m.targetDate, m.targetDate, m.targetDate]);
      expect(m.onTimeProbability).toBe(1);
    }
  });

  it("without estimates or risks, every milestone lands on the schedule's projected date", () => {
    const items = [
      feature("a", 10),
      feature("b", 5, { from: 20 }),
      feature("c", 7, { from: 3 }),
      milestone("m1", "2027-02-01"),
      milestone("m2", "2027-02-01"),
    ];
    const links: [string, string, number][] = [
      ["a", "c", 2],
      ["a", "m1", 0],
      ["b", "m2", 0],
      ["c", "m2", -1],
    ];
    const result = runForecast(input(items, links, { runs: 100 }));
    const schedule = computeSchedule(input(items, links));
    for (const id of ["m1", "m2"]) {
      const projected = schedule.items.find((i) => i.id === id)!.projectedFinish;
      expect(ms(result, id)).toMatchObject({ p50: projected, p80: projected, p95: projected });
    }
  });
});

describe("runForecast: the model's rules", () => {
  it("respects lags and leads: a successor planned too early is pushed past its predecessor plus lag", () => {
    const forecastWithLag = (lag: number) =>
      runForecast(
        input(
          [feature("a", 10), feature("b", 5), milestone("m", "2027-12-31")],
          [
            ["a", "b", lag],
            ["b", "m"],
          ],
          { runs: 100 },
        ),
      );
    // a ends at offset 10, b starts at 10 + lag and takes 5: m on working day 10 + lag + 5 - 1.
    expect(ms(forecastWithLag(3), "m").p50).toBe(addWorkingDays(START, 17));
    expect(ms(forecastWithLag(0), "m").p50).toBe(addWorkingDays(START, 14));
    expect(ms(forecastWithLag(-2), "m").p50).toBe(addWorkingDays(START, 12));
  });

  it("a likely risk with a delay moves P50 later; a closed one changes nothing at all", () => {
    const estimate: Estimate = { optimisticHours: 60, likelyHours: 80, pessimisticHours: 160 };
    const items = [
      feature("a", 10, { estimate }),
      feature("b", 10, { estimate }),
      milestone("m", "2027-03-01"),
    ];
    const links: [string, string][] = [
      ["a", "b"],
      ["b", "m"],
    ];
    const base = runForecast(input(items, links));
    const likely = runForecast(input(items, links, { risks: [risk("r", ["a"], { delayDays: 15 })] }));
    const closed = runForecast(input(items, links, { risks: [risk("r", ["a"], { status: "closed" })] }));
    expect(offsetOf(ms(likely, "m").p50) - offsetOf(ms(base, "m").p50)).toBeGreaterThanOrEqual(12);
    expect(ms(likely, "m").onTimeProbability).toBeLessThan(ms(base, "m").onTimeProbability);
    expect(closed).toEqual(base);
  });

  it("a risk fires with RISK_PROBABILITY[likelihood], half that while mitigated, and pushes a milestone", () => {
    const share = (status: Risk["status"], likelihood: number) => {
      const result = runForecast(
        input([milestone("m", "2027-02-01")], [], {
          runs: 20_000,
          risks: [risk("r", ["m"], { status, likelihood, delayDays: 4 })],
        }),
      );
      const m = ms(result, "m");
      expect(m.p95 === m.targetDate || m.p95 === addWorkingDays(m.targetDate, 4)).toBe(true);
      return 1 - m.onTimeProbability;
    };
    expect(share("open", 3)).toBeCloseTo(RISK_PROBABILITY[3], 1.5);
    expect(share("mitigating", 3)).toBeCloseTo(RISK_PROBABILITY[3] / 2, 1.5);
    expect(share("open", 1)).toBeCloseTo(RISK_PROBABILITY[1], 1.5);
  });

  it("done items keep their planned dates: not drawn, not delayed, not pushed", () => {
    // "before" takes at least 20 x 30/40 = 15 days, so it always ends after "shipped" (offset 15).
    const estimate: Estimate = { optimisticHours: 30, likelyHours: 40, pessimisticHours: 200 };
    const result = runForecast(
      input(
        [
          feature("before", 20, { estimate }),
          feature("shipped", 10, { from: 5, estimate, status: "done" }),
          milestone("m", "2027-12-31"),
        ],
        [
          ["before", "shipped"],
          ["shipped", "m"],
        ],
        { risks: [risk("r", ["shipped"], { delayDays: 30 })] },
      ),
    );
    const fixedDate = addWorkingDays(START, 14);
    expect(ms(result, "m")).toMatchObject({ p50: fixedDate, p80: fixedDate, p95: fixedDate });
    expect(criticality(result, "before")).toBe(1); // it finishes last, and nothing waits on it
    expect(criticality(result, "shipped")).toBe(0);
  });

  it("an estimate with o == p, or with likely hours 0, keeps the planned duration", () => {
    const items = (estimate: Estimate | null) => [
      feature("a", 12, { estimate }),
      milestone("m", "2027-06-01"),
    ];
    const plain = runForecast(input(items(null), [["a", "m"]]));
    const flat = runForecast(
      input(items({ optimisticHours: 16, likelyHours: 16, pessimisticHours: 16 }), [["a", "m"]]),
    );
    const zero = runForecast(
      input(items({ optimisticHours: 0, likelyHours: 0, pessimisticHours: 0 }), [["a", "m"]]),
    );
    expect(flat).toEqual(plain);
    expect(zero).toEqual(plain);
    expect(ms(plain, "m").p95).toBe(addWorkingDays(START, 11));
  });

  it("cut items are left out with their links and risks", () => {
    const estimate: Estimate = { optimisticHours: 8, likelyHours: 24, pessimisticHours: 80 };
    const kept = [feature("a", 10, { estimate }), milestone("m", "2027-02-15")];
    const base = runForecast(input(kept, [["a", "m"]], { risks: [risk("r", ["a"], { likelihood: 3 })] }));
    const withCut = runForecast(
      input(
        [
          ...kept,
          feature("gone", 200, { estimate, status: "cut" }),
          milestone("gone-m", "2027-01-05", { status: "cut" }),
        ],
        [
          ["a", "m"],
          ["gone", "m"],
          ["a", "gone-m"],
        ],
        { risks: [risk("r", ["a"], { likelihood: 3 }), risk("r2", ["gone", "gone-m"])] },
      ),
    );
    expect(withCut).toEqual(base);
    expect(withCut.items.map((i) => i.id)).toEqual(["a", "m"]);
  });
});

describe("runForecast: criticality index", () => {
  const estimate: Estimate = { optimisticHours: 20, likelyHours: 40, pessimisticHours: 90 };

  it("is 1 for every item of a single chain", () => {
    const result = runForecast(
      input(
        [
          feature("a", 5, { estimate }),
          feature("b", 5, { estimate }),
          feature("c", 5),
          milestone("m", "2027-03-01"),
        ],
        [
          ["a", "b"],
          ["b", "c", 1],
          ["c", "m"],
        ],
      ),
    );
    expect(result.items.map((i) => i.criticalityIndex)).toEqual([1, 1, 1, 1]);
  });

  it("splits between two parallel equal branches, and is 0 for a branch with slack", () => {
    const result = runForecast(
      input(
        [
          feature("s", 5, { estimate }),
          feature("x", 10, { estimate }),
          feature("y", 10, { estimate }),
          feature("short", 2),
          milestone("m", "2027-03-01"),
        ],
        [
          ["s", "x"],
          ["s", "y"],
          ["s", "short"],
          ["x", "m"],
          ["y", "m"],
          ["short", "m"],
        ],
        { runs: 10_000 },
      ),
    );
    expect(criticality(result, "s")).toBe(1);
    expect(criticality(result, "m")).toBe(1);
    expect(criticality(result, "x")).toBeCloseTo(0.5, 1.5);
    expect(criticality(result, "y")).toBeCloseTo(0.5, 1.5);
    expect(criticality(result, "x") + criticality(result, "y")).toBeCloseTo(1, 6);
    expect(criticality(result, "short")).toBe(0);
  });

  it("counts both of two exactly equal branches (no estimates) as critical", () => {
    const result = runForecast(
      input(
        [feature("x", 10), feature("y", 10), milestone("m", "2027-03-01")],
        [
          ["x", "m"],
          ["y", "m"],
        ],
        { runs: 100 },
      ),
    );
    expect(result.items.map((i) => i.criticalityIndex)).toEqual([1, 1, 1]);
  });

  it("stops at a done item: what precedes it cannot move it, even when it ends right on time", () => {
    const result = runForecast(
      input(
        [feature("p", 5), feature("shipped", 10, { from: 5, status: "done" }), milestone("m", "2027-06-01")],
        [
          ["p", "shipped"],
          ["shipped", "m"],
        ],
        { runs: 100 },
      ),
    );
    expect(result.items.map((i) => [i.id, i.criticalityIndex])).toEqual([
      ["p", 0],
      ["shipped", 1],
      ["m", 1],
    ]);
  });

  it("stops at an item held back by its planned start: its predecessors are not driving", () => {
    const result = runForecast(
      input(
        [
          feature("early", 3, { estimate }),
          feature("planned-late", 5, { from: 40 }),
          milestone("m", "2027-06-01"),
        ],
        [
          ["early", "planned-late"],
          ["planned-late", "m"],
        ],
      ),
    );
    expect(criticality(result, "planned-late")).toBe(1);
    expect(criticality(result, "early")).toBe(0);
  });
});

describe("runForecast: input checks and the method", () => {
  const items = [feature("a", 5), feature("b", 5)];

  it("reports the risk probabilities it used", () => {
    const result = runForecast(input(items, [], { runs: 100 }));
    expect(result.method).toEqual({
      durations: "pert-beta",
      riskProbabilities: { "1": 0.05, "2": 0.2, "3": 0.4, "4": 0.65, "5": 0.9 },
    });
    const p = [1, 2, 3, 4, 5].map((l) => RISK_PROBABILITY[l as 1 | 2 | 3 | 4 | 5]);
    for (let k = 1; k < p.length; k++) expect(p[k]).toBeGreaterThan(p[k - 1]);
  });

  it("refuses a cycle, unknown ids, a bad likelihood or delay, and a run count below 1", () => {
    expect(() =>
      runForecast(
        input(items, [
          ["a", "b"],
          ["b", "a"],
        ]),
      ),
    ).toThrow(CycleError);
    expect(() => runForecast(input(items, [["a", "nope"]]))).toThrow(RangeError);
    expect(() => runForecast(input(items, [], { risks: [risk("r", ["a"], { likelihood: 6 })] }))).toThrow(
      RangeError,
    );
    expect(() => runForecast(input(items, [], { risks: [risk("r", ["a"], { delayDays: -1 })] }))).toThrow(
      RangeError,
    );
    expect(() => runForecast(input(items, [], { runs: 0 }))).toThrow(RangeError);
    expect(() => createForecast(input(items, [])).step(1.5)).toThrow(RangeError);
  });

  it("ignores risk links to unknown items and gives an empty roadmap its first working day", () => {
    const result = runForecast(input(items, [], { runs: 100, risks: [risk("r", ["deleted-item"])] }));
    expect(result).toEqual(runForecast(input(items, [], { runs: 100 })));
    const empty = runForecast(input([], [], { projectStart: "2027-01-02", runs: 100 }));
    expect(empty.projectFinish).toEqual({ p50: START, p80: START, p95: START });
    expect(empty.milestones).toEqual([]);
  });
});
