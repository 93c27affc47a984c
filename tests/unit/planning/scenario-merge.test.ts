import { describe, expect, it } from "vitest";
import { planScenarioMerge } from "@/lib/planning/scenario-merge";
import type { DocumentItem, RoadmapDocument } from "@/lib/validation/roadmap-document";

const item = (id: string, over: Partial<DocumentItem> = {}): DocumentItem => ({
  id,
  workstreamId: "lane",
  kind: "feature",
  title: `Item ${id}`,
  description: null,
  startDate: "2027-01-04",
  endDate: "2027-01-15",
  outcome: null,
  isKey: false,
  status: "planned",
  estimate: null,
  skills: [],
  owner: null,
  ...over,
});

const doc = (over: Partial<RoadmapDocument> = {}): RoadmapDocument => ({
  format: "cairn.roadmap",
  version: 1,
  roadmap: { title: "Plan", description: null, startDate: "2027-01-04", horizonMonths: 12, status: "active" },
  workstreams: [{ id: "lane", name: "Platform", position: 0 }],
  items: [item("a"), item("b"), item("c")],
  dependencies: [{ fromId: "a", toId: "b", lagDays: 0 }],
  risks: [],
  phases: [],
  staffing: {
    hiringLeadWeeks: 8,
    rows: [{ skill: "Backend", quarter: "2027-Q1", headcount: 2, hoursPerWeek: 32 }],
  },
  ...over,
});

const withItem = (d: RoadmapDocument, id: string, over: Partial<DocumentItem>): RoadmapDocument => ({
  ...d,
  items: d.items.map((i) => (i.id === id ? { ...i, ...over } : i)),
});

describe("planScenarioMerge", () => {
  const ancestor = doc();

  it("applies what only the scenario changed, field by field", () => {
    const scenario = withItem(ancestor, "b", { startDate: "2027-02-01", endDate: "2027-02-12" });
    const base = withItem(ancestor, "b", { title: "Renamed in the base" });
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(plan.conflicts).toEqual([]);
    expect(plan.items.update).toEqual([
      { id: "b", fields: { startDate: "2027-02-01", endDate: "2027-02-12" } },
    ]);
    expect(plan.items.add).toEqual([]);
    expect(plan.items.remove).toEqual([]);
    expect(plan.staffing).toBeUndefined();
  });

  it("reports a conflict when both changed the same field differently, and nothing when they agree", () => {
    const scenario = withItem(ancestor, "b", { startDate: "2027-02-01", endDate: "2027-02-12" });
    const base = withItem(ancestor, "b", { startDate: "2027-03-01", endDate: "2027-02-12" });
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(plan.conflicts).toEqual([
      {
        entity: "item",
        id: "b",
        title: "Item b",
        field: "startDate",
        base: "2027-03-01",
        scenario: "2027-02-01",
      },
    ]);
    const agreeing = planScenarioMerge(ancestor, scenario, scenario);
    expect(agreeing.conflicts).toEqual([]);
    expect(agreeing.items.update).toEqual([]);
  });

  it("removes what the scenario removed, unless the base changed it since", () => {
    const scenario = { ...ancestor, items: ancestor.items.filter((i) => i.id !== "c") };
    expect(planScenarioMerge(ancestor, ancestor, scenario).items.remove).toEqual(["c"]);
    const base = withItem(ancestor, "c", { status: "in_progress" });
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(plan.items.remove).toEqual([]);
    expect(plan.conflicts).toMatchObject([
      { entity: "item", id: "c", field: "removed", scenario: "removed" },
    ]);
  });

  it("conflicts when the base removed what the scenario changed", () => {
    const scenario = withItem(ancestor, "c", { title: "Sharper title" });
    const base = { ...ancestor, items: ancestor.items.filter((i) => i.id !== "c") };
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(plan.conflicts).toMatchObject([{ entity: "item", id: "c", field: "removed", base: "removed" }]);
  });

  it("adds new items and links, lags changed, links removed", () => {
    const scenario: RoadmapDocument = {
      ...ancestor,
      items: [...ancestor.items, item("new-1", { title: "Backend hire onboarding" })],
      dependencies: [
        { fromId: "a", toId: "b", lagDays: 3 },
        { fromId: "b", toId: "new-1", lagDays: 0 },
      ],
    };
    const plan = planScenarioMerge(ancestor, ancestor, scenario);
    expect(plan.conflicts).toEqual([]);
    expect(plan.items.add.map((i) => i.id)).toEqual(["new-1"]);
    expect(plan.dependencies.add).toEqual([{ fromId: "b", toId: "new-1", lagDays: 0 }]);
    expect(plan.dependencies.relag).toEqual([{ fromId: "a", toId: "b", lagDays: 3 }]);
    expect(plan.dependencies.remove).toEqual([]);

    const unlinked = { ...ancestor, dependencies: [] };
    expect(planScenarioMerge(ancestor, ancestor, unlinked).dependencies.remove).toEqual([
      { fromId: "a", toId: "b", lagDays: 0 },
    ]);
  });

  it("conflicts on a new link to an item the base removed", () => {
    const scenario = {
      ...ancestor,
      dependencies: [...ancestor.dependencies, { fromId: "b", toId: "c", lagDays: 0 }],
    };
    const base = { ...ancestor, items: ancestor.items.filter((i) => i.id !== "c") };
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(plan.conflicts).toMatchObject([{ entity: "dependency", id: "b->c" }]);
    expect(plan.dependencies.add).toEqual([]);
  });

  it("conflicts when links added on both sides close a loop", () => {
    const scenario = {
      ...ancestor,
      dependencies: [...ancestor.dependencies, { fromId: "b", toId: "c", lagDays: 0 }],
    };
    const base = {
      ...ancestor,
      dependencies: [...ancestor.dependencies, { fromId: "c", toId: "a", lagDays: 0 }],
    };
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(plan.conflicts).toMatchObject([{ entity: "dependency", field: "cycle" }]);
  });

  it("takes the scenario's staffing when only it changed, and conflicts when both did", () => {
    const more = {
      hiringLeadWeeks: 8,
      rows: [{ skill: "Backend", quarter: "2027-Q1", headcount: 3, hoursPerWeek: 32 }],
    };
    const fewer = {
      hiringLeadWeeks: 8,
      rows: [{ skill: "Backend", quarter: "2027-Q1", headcount: 1, hoursPerWeek: 32 }],
    };
    expect(planScenarioMerge(ancestor, ancestor, doc({ staffing: more })).staffing).toEqual(more);
    const plan = planScenarioMerge(ancestor, doc({ staffing: fewer }), doc({ staffing: more }));
    expect(plan.staffing).toBeUndefined();
    expect(plan.conflicts).toMatchObject([{ entity: "staffing" }]);
  });

  it("merges phases like items: the scenario's new dates apply, both moving one conflicts", () => {
    const phase = { id: "p1", name: "Build", startDate: "2027-01-04", endDate: "2027-03-31", gate: null };
    const a = doc({ phases: [phase] });
    const later = doc({ phases: [{ ...phase, endDate: "2027-04-30" }] });
    expect(planScenarioMerge(a, a, later).phases.update).toEqual([
      { id: "p1", fields: { endDate: "2027-04-30" } },
    ]);
    const earlier = doc({ phases: [{ ...phase, endDate: "2027-02-26" }] });
    expect(planScenarioMerge(a, earlier, later).conflicts).toMatchObject([
      { entity: "phase", field: "endDate" },
    ]);
  });

  it("treats skill lists in another order as unchanged", () => {
    const skills = [
      { skill: "Backend", hours: 10 },
      { skill: "Frontend", hours: 5 },
    ];
    const a = withItem(ancestor, "a", { skills });
    const s = withItem(ancestor, "a", { skills: [...skills].reverse() });
    expect(planScenarioMerge(a, a, s).items.update).toEqual([]);
  });
});
