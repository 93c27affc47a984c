import { describe, expect, it } from "vitest";
import { autoSchedule, type AutoScheduleInput, type AutoScheduleItem } from "@/lib/planning/auto-schedule";
import { CycleError } from "@/lib/planning/graph";
import { computeSchedule } from "@/lib/planning/schedule";

// 2027-01-04 is a Monday.
const feature = (
  id: string,
  startDate: string,
  endDate: string,
  status: AutoScheduleItem["status"] = "planned",
) => ({ id, kind: "feature", startDate, endDate, status }) as const;
const milestone = (id: string, date: string) =>
  ({ id, kind: "milestone", startDate: date, endDate: date, status: "planned" }) as const;
const link = (fromId: string, toId: string, lagDays = 0) => ({ fromId, toId, lagDays });

function run(
  items: AutoScheduleItem[],
  dependencies: ReturnType<typeof link>[],
  extra: Partial<AutoScheduleInput> = {},
) {
  return autoSchedule({
    projectStart: "2027-01-04",
    horizonMonths: 12,
    items,
    dependencies,
    selected: null,
    followSuccessors: false,
    ...extra,
  });
}

/** The items with the moves applied, to run again. */
function applied(items: AutoScheduleItem[], result: ReturnType<typeof autoSchedule>): AutoScheduleItem[] {
  const byId = new Map(result.moved.map((m) => [m.id, m]));
  return items.map((i) => {
    const m = byId.get(i.id);
    return m ? { ...i, startDate: m.toStart, endDate: m.toEnd } : i;
  });
}

describe("autoSchedule", () => {
  it("closes up a chain: each feature starts the working day after its predecessor ends, keeping its length", () => {
    const items = [
      feature("a", "2027-01-04", "2027-01-08"), // Mon-Fri, 5 days
      feature("b", "2027-02-01", "2027-02-03"), // 3 days, far later than needed
      feature("c", "2027-03-01", "2027-03-10"), // 8 days
    ];
    const result = run(items, [link("a", "b"), link("b", "c")]);
    expect(result.moved).toEqual([
      { id: "b", fromStart: "2027-02-01", fromEnd: "2027-02-03", toStart: "2027-01-11", toEnd: "2027-01-13" },
      { id: "c", fromStart: "2027-03-01", fromEnd: "2027-03-10", toStart: "2027-01-14", toEnd: "2027-01-25" },
    ]);
    expect(result.skipped).toEqual([]);
  });

  it("pulls a feature without predecessors to the roadmap's start", () => {
    const result = run([feature("a", "2027-02-01", "2027-02-05")], []);
    expect(result.moved).toEqual([
      { id: "a", fromStart: "2027-02-01", fromEnd: "2027-02-05", toStart: "2027-01-04", toEnd: "2027-01-08" },
    ]);
  });

  it("respects lags and leads in working days", () => {
    const items = [
      feature("a", "2027-01-04", "2027-01-08"),
      feature("lag", "2027-03-01", "2027-03-01"),
      feature("lead", "2027-03-01", "2027-03-02"),
    ];
    const result = run(items, [link("a", "lag", 3), link("a", "lead", -2)]);
    const to = Object.fromEntries(result.moved.map((m) => [m.id, [m.toStart, m.toEnd]]));
    // a ends Fri 8th; +3 working days after the next working day (Mon 11th) is Thu 14th.
    expect(to.lag).toEqual(["2027-01-14", "2027-01-14"]);
    // A lead of 2 overlaps the last two days of a: Thu 7th.
    expect(to.lead).toEqual(["2027-01-07", "2027-01-08"]);
  });

  it("moves an already-late feature later, to the first day its predecessor allows", () => {
    const items = [feature("a", "2027-01-04", "2027-01-15"), feature("b", "2027-01-06", "2027-01-07")];
    const result = run(items, [link("a", "b")]);
    expect(result.moved).toEqual([
      { id: "b", fromStart: "2027-01-06", fromEnd: "2027-01-07", toStart: "2027-01-18", toEnd: "2027-01-19" },
    ]);
  });

  it("is idempotent: a second run moves nothing", () => {
    const items = [
      feature("a", "2027-01-11", "2027-01-22"),
      feature("b", "2027-03-01", "2027-03-05"),
      feature("c", "2027-01-05", "2027-01-06"),
      milestone("m", "2027-02-26"),
      feature("d", "2027-04-01", "2027-04-09"),
    ];
    const deps = [link("a", "b", 2), link("c", "b"), link("b", "m"), link("m", "d", -1)];
    const first = run(items, deps);
    expect(first.moved.length).toBeGreaterThan(0);
    expect(run(applied(items, first), deps).moved).toEqual([]);
  });

  it("never moves milestones; features after a milestone start the working day after it", () => {
    const items = [milestone("m", "2027-02-05"), feature("f", "2027-03-01", "2027-03-02")];
    const result = run(items, [link("m", "f")]);
    expect(result.moved).toEqual([
      { id: "f", fromStart: "2027-03-01", fromEnd: "2027-03-02", toStart: "2027-02-08", toEnd: "2027-02-09" },
    ]);
  });

  it("moves only the selection, and pushes successors later only when asked", () => {
    const items = [
      feature("a", "2027-01-04", "2027-01-08"),
      feature("b", "2027-01-11", "2027-01-15"),
      feature("c", "2027-01-18", "2027-01-22"),
    ];
    // b is late relative to nothing; make a longer so b and c are violated.
    const longer = [{ ...items[0], endDate: "2027-01-20" }, items[1], items[2]];
    const deps = [link("a", "b"), link("b", "c")];
    const onlyB = run(longer, deps, { selected: new Set(["b"]) });
    expect(onlyB.moved.map((m) => m.id)).toEqual(["b"]);
    const following = run(longer, deps, { selected: new Set(["b"]), followSuccessors: true });
    expect(following.moved.map((m) => [m.id, m.toStart])).toEqual([
      ["b", "2027-01-21"],
      ["c", "2027-01-28"],
    ]);
    // Following only ever pushes later: an early successor with room stays put.
    const roomy = run(items, deps, { selected: new Set(["a"]), followSuccessors: true });
    expect(roomy.moved).toEqual([]);
  });

  it("leaves started, done and cut work where it is, and says why", () => {
    const items = [
      feature("a", "2027-01-04", "2027-01-29"),
      feature("started", "2027-01-11", "2027-01-15", "in_progress"),
      feature("done", "2027-01-11", "2027-01-15", "done"),
      feature("cut", "2027-06-01", "2027-06-04", "cut"),
    ];
    const result = run(items, [link("a", "started"), link("a", "done"), link("a", "cut")]);
    expect(result.moved).toEqual([]);
    expect(result.skipped.map((s) => s.id).sort()).toEqual(["done", "started"]);
    expect(result.skipped.find((s) => s.id === "done")!.reason).toMatch(/done/);
  });

  it("skips a move that would leave the horizon", () => {
    const items = [feature("a", "2027-01-04", "2027-12-24"), feature("b", "2027-02-01", "2027-02-12")];
    const result = run(items, [link("a", "b")]);
    expect(result.moved).toEqual([]);
    expect(result.skipped).toEqual([{ id: "b", reason: expect.stringMatching(/horizon/) }]);
  });

  it("leaves no planned start violating a dependency, on random networks (checked by the CPM)", () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let round = 0; round < 20; round++) {
      const items: AutoScheduleItem[] = [];
      const deps: ReturnType<typeof link>[] = [];
      for (let i = 0; i < 60; i++) {
        const start = 4 + Math.floor(rnd() * 60);
        const d = new Date(Date.UTC(2027, 0, start));
        const e = new Date(d);
        e.setUTCDate(e.getUTCDate() + Math.floor(rnd() * 10));
        const iso = (x: Date) => x.toISOString().slice(0, 10);
        items.push(rnd() < 0.1 ? milestone(`i${i}`, iso(d)) : feature(`i${i}`, iso(d), iso(e)));
        for (let j = 0; j < i; j++)
          if (rnd() < 0.05) deps.push(link(`i${j}`, `i${i}`, Math.floor(rnd() * 5) - 1));
      }
      const wide = { horizonMonths: 36 };
      const after = applied(items, run(items, deps, wide));
      const schedule = computeSchedule({ projectStart: "2027-01-04", items: after, dependencies: deps });
      for (const s of schedule.items) {
        expect(s.plannedStartViolation, `round ${round}, ${s.id}`).toBe(false);
      }
      expect(run(after, deps, wide).moved).toEqual([]);
    }
  });

  it("refuses a loop", () => {
    const items = [feature("a", "2027-01-04", "2027-01-08"), feature("b", "2027-01-11", "2027-01-15")];
    expect(() => run(items, [link("a", "b"), link("b", "a")])).toThrow(CycleError);
  });

  it("schedules 10,000 features in well under a second", () => {
    const items: AutoScheduleItem[] = [];
    const deps: ReturnType<typeof link>[] = [];
    for (let i = 0; i < 10_000; i++) {
      items.push(feature(`f${i}`, "2027-06-01", "2027-06-02"));
      if (i >= 100) deps.push(link(`f${i - 100}`, `f${i}`, i % 3));
    }
    const t0 = performance.now();
    const result = autoSchedule({
      projectStart: "2027-01-04",
      horizonMonths: 36,
      items,
      dependencies: deps,
      selected: null,
      followSuccessors: false,
    });
    expect(performance.now() - t0).toBeLessThan(1000);
    expect(result.moved.length).toBeGreaterThan(9_000);
  });
});
