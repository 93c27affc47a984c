import { describe, expect, it } from "vitest";
import { applyConflicts, inBaseIds } from "@/lib/planning/scenario-checks";
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

const phase = (id: string, startDate: string, endDate: string) => ({
  id,
  name: `Phase ${id}`,
  startDate,
  endDate,
  gate: { title: `Gate ${id}`, outcome: "Go" },
});

const doc = (over: Partial<RoadmapDocument> = {}): RoadmapDocument => ({
  format: "cairn.roadmap",
  version: 1,
  roadmap: { title: "Plan", description: null, startDate: "2027-01-04", horizonMonths: 12, status: "active" },
  workstreams: [
    { id: "lane", name: "Platform", position: 0 },
    { id: "spare", name: "Spare", position: 1 },
  ],
  items: [item("a"), item("b")],
  dependencies: [{ fromId: "a", toId: "b", lagDays: 0 }],
  risks: [],
  phases: [phase("p1", "2027-01-04", "2027-03-31"), phase("p2", "2027-04-01", "2027-06-30")],
  staffing: null,
  ...over,
});

describe("inBaseIds", () => {
  it("gives copies their source's id, links and risks follow, new things keep their own", () => {
    const scenario = doc({
      workstreams: [{ id: "lane-copy", name: "Platform", position: 0 }],
      items: [item("a-copy", { workstreamId: "lane-copy" }), item("new", { workstreamId: null })],
      dependencies: [{ fromId: "a-copy", toId: "new", lagDays: 2 }],
      risks: [
        {
          id: "risk-copy",
          title: "R",
          description: null,
          kind: "external",
          likelihood: 2,
          impact: 3,
          status: "open",
          itemIds: ["a-copy", "new"],
          owner: null,
          delayDays: null,
          contingency: null,
        },
      ],
      phases: [phase("p1-copy", "2027-01-04", "2027-03-31")],
    });
    const toBase = new Map([
      ["lane-copy", "lane"],
      ["a-copy", "a"],
      ["risk-copy", "risk"],
      ["p1-copy", "p1"],
    ]);
    const translated = inBaseIds(scenario, toBase);
    expect(translated.workstreams.map((w) => w.id)).toEqual(["lane"]);
    expect(translated.items.map((i) => [i.id, i.workstreamId])).toEqual([
      ["a", "lane"],
      ["new", null],
    ]);
    expect(translated.dependencies).toEqual([{ fromId: "a", toId: "new", lagDays: 2 }]);
    expect(translated.risks[0]).toMatchObject({ id: "risk", itemIds: ["a", "new"] });
    expect(translated.phases.map((p) => p.id)).toEqual(["p1"]);
    // The input is left as it was.
    expect(scenario.items[0].id).toBe("a-copy");
  });
});

describe("applyConflicts", () => {
  const ancestor = doc();
  const none = new Set<string>();

  it("finds nothing in a plain change", () => {
    const scenario = doc({
      items: [item("a", { startDate: "2027-02-01", endDate: "2027-02-12" }), item("b")],
    });
    const plan = planScenarioMerge(ancestor, ancestor, scenario);
    expect(applyConflicts(plan, ancestor, none)).toEqual([]);
  });

  it("a lane the scenario removes while the base put an item in it", () => {
    const scenario = doc({ workstreams: [{ id: "lane", name: "Platform", position: 0 }] });
    const base = doc({
      items: [item("a"), item("b"), item("late", { workstreamId: "spare", title: "Late" })],
    });
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(plan.conflicts).toEqual([]);
    expect(applyConflicts(plan, base, none)).toEqual([
      {
        entity: "workstream",
        id: "spare",
        title: "Spare",
        field: "removed",
        base: "holds “Late”",
        scenario: "removed",
      },
    ]);
  });

  it("a lane emptied by the scenario's own moves is no conflict", () => {
    const start = doc({ items: [item("a"), item("b", { workstreamId: "spare" })] });
    const scenario = doc({
      items: [item("a"), item("b", { workstreamId: "lane" })],
      workstreams: [{ id: "lane", name: "Platform", position: 0 }],
    });
    const plan = planScenarioMerge(start, start, scenario);
    expect(plan.workstreams.remove).toEqual(["spare"]);
    expect(applyConflicts(plan, start, none)).toEqual([]);
  });

  it("an item the scenario adds to a lane the base has removed since", () => {
    const base = doc({ workstreams: [{ id: "lane", name: "Platform", position: 0 }] });
    const scenario = doc({
      items: [item("a"), item("b"), item("new", { workstreamId: "spare", title: "New" })],
    });
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(applyConflicts(plan, base, none)).toEqual([
      {
        entity: "item",
        id: "new",
        title: "New",
        field: "workstreamId",
        base: "its lane was removed",
        scenario: "spare",
      },
    ]);
    // Another field of an item changed is no lane move: nothing to say.
    const retitled = doc({ items: [item("a", { title: "Renamed" }), item("b")] });
    expect(applyConflicts(planScenarioMerge(ancestor, ancestor, retitled), ancestor, none)).toEqual([]);
  });

  it("a decided gate the scenario changes", () => {
    const scenario = doc({
      phases: [
        { ...phase("p1", "2027-01-04", "2027-03-31"), gate: { title: "Other gate", outcome: "Go" } },
        ancestor.phases[1],
      ],
    });
    const plan = planScenarioMerge(ancestor, ancestor, scenario);
    expect(applyConflicts(plan, ancestor, none)).toEqual([]);
    expect(applyConflicts(plan, ancestor, new Set(["p1"]))).toEqual([
      expect.objectContaining({ entity: "phase", id: "p1", field: "gate", base: "decided" }),
    ]);
  });

  it("phases that overlap once both sides' changes are in", () => {
    const base = doc({ phases: [...ancestor.phases, phase("p3", "2027-07-01", "2027-09-30")] });
    const scenario = doc({ phases: [...ancestor.phases, phase("new", "2027-08-01", "2027-10-31")] });
    const plan = planScenarioMerge(ancestor, base, scenario);
    expect(plan.conflicts).toEqual([]);
    expect(applyConflicts(plan, base, none)).toEqual([
      expect.objectContaining({
        entity: "phase",
        id: "new",
        field: "dates",
        scenario: "2027-08-01 to 2027-10-31",
      }),
    ]);
  });
});
