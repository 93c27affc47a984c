import { describe, expect, it } from "vitest";
import {
  bodyFromDraft,
  cellKey,
  draftChanged,
  draftFromPlan,
  validateDraft,
  type StaffingDraft,
} from "@/components/resources/staffing-draft";
import { applyFilters, DEFAULT_FILTERS } from "@/components/risks/risk-filters";
import { inputFromValues, patchFrom, valuesFromRisk } from "@/components/risks/risk-form-values";
import { threatenedMilestones } from "@/components/risks/threatened-milestones";
import { needsContingency, sortRisks, type Risk } from "@/lib/client/resources";
import type { Dependency, Item } from "@/lib/validation/timeline";

const SKILL = "11111111-1111-4111-8111-111111111111";
const QUARTERS = ["2027-Q1", "2027-Q2"];

function draft(cells: StaffingDraft["cells"], hiringLeadWeeks = "8"): StaffingDraft {
  return { baseVersion: 3, hiringLeadWeeks, cells };
}

describe("staffing grid drafts", () => {
  it("round-trips a plan, sends a row per cell with a headcount and defaults hours to 32", () => {
    const plan = {
      roadmapId: "r",
      version: 3,
      hiringLeadWeeks: 6,
      rows: [{ skillId: SKILL, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 40 }],
    };
    const d = draftFromPlan(plan);
    expect(d.baseVersion).toBe(3);
    expect(draftChanged(d, draftFromPlan(plan))).toBe(false);
    const edited = {
      ...d,
      cells: { ...d.cells, [cellKey(SKILL, "2027-Q2")]: { headcount: "1,5", hoursPerWeek: "" } },
    };
    expect(draftChanged(edited, d)).toBe(true);
    expect(bodyFromDraft(edited, [SKILL], QUARTERS).body).toEqual({
      hiringLeadWeeks: 6,
      rows: [
        { skillId: SKILL, quarter: "2027-Q1", headcount: 2, hoursPerWeek: 40 },
        { skillId: SKILL, quarter: "2027-Q2", headcount: 1.5, hoursPerWeek: 32 },
      ],
    });
  });

  it("puts the schema's problems at the cell they concern, in the grid's words", () => {
    const result = validateDraft(
      draft(
        {
          [cellKey(SKILL, "2027-Q1")]: { headcount: "-1", hoursPerWeek: "" },
          [cellKey(SKILL, "2027-Q2")]: { headcount: "2", hoursPerWeek: "abc" },
        },
        "x",
      ),
      [SKILL],
      QUARTERS,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors[`${cellKey(SKILL, "2027-Q1")}.headcount`]).toBe("Headcount cannot be negative.");
    expect(result.errors[`${cellKey(SKILL, "2027-Q2")}.hoursPerWeek`]).toBe(
      "Hours per week must be a number of hours.",
    );
    expect(result.errors.hiringLeadWeeks).toMatch(/^The lead time/);
  });

  it("asks for a headcount when only hours are typed", () => {
    const result = validateDraft(
      draft({ [cellKey(SKILL, "2027-Q1")]: { headcount: "", hoursPerWeek: "30" } }),
      [SKILL],
      QUARTERS,
    );
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.errors[`${cellKey(SKILL, "2027-Q1")}.headcount`]).toMatch(/how many people/);
  });
});

function risk(partial: Partial<Risk>): Risk {
  return {
    id: "k",
    roadmapId: "r",
    title: "A risk",
    description: null,
    kind: "roadblock",
    likelihood: 3,
    impact: 3,
    score: 9,
    itemIds: [],
    ownerId: null,
    status: "open",
    delayDays: null,
    contingency: null,
    needsContingency: false,
    version: 1,
    createdAt: "",
    updatedAt: "",
    ...partial,
  };
}

describe("risks in the register", () => {
  it("needs a contingency plan from score 15 unless closed or planned", () => {
    expect(needsContingency({ likelihood: 3, impact: 5, contingency: null, status: "open" })).toBe(true);
    expect(needsContingency({ likelihood: 3, impact: 5, contingency: "  ", status: "mitigating" })).toBe(
      true,
    );
    expect(needsContingency({ likelihood: 3, impact: 5, contingency: "Plan B", status: "open" })).toBe(false);
    expect(needsContingency({ likelihood: 3, impact: 5, contingency: null, status: "closed" })).toBe(false);
    expect(needsContingency({ likelihood: 2, impact: 5, contingency: null, status: "open" })).toBe(false);
  });

  it("sorts by score, then the uncovered first, and filters by kind, status, flag and cell", () => {
    const a = risk({
      id: "a",
      title: "B",
      score: 20,
      likelihood: 4,
      impact: 5,
      needsContingency: true,
      kind: "external",
    });
    const b = risk({ id: "b", title: "A", score: 20, likelihood: 5, impact: 4 });
    const c = risk({ id: "c", score: 4, status: "closed" });
    expect(sortRisks([c, b, a]).map((r) => r.id)).toEqual(["a", "b", "c"]);
    expect(applyFilters([a, b, c], DEFAULT_FILTERS).map((r) => r.id)).toEqual(["a", "b"]);
    expect(applyFilters([a, b, c], { ...DEFAULT_FILTERS, status: "all" })).toHaveLength(3);
    expect(applyFilters([a, b, c], { ...DEFAULT_FILTERS, kind: "external" })).toEqual([a]);
    expect(applyFilters([a, b, c], { ...DEFAULT_FILTERS, needsContingency: true })).toEqual([a]);
    expect(applyFilters([a, b, c], { ...DEFAULT_FILTERS, cell: { likelihood: 5, impact: 4 } })).toEqual([b]);
  });

  it("sends only what the edit changed", () => {
    const r = risk({ itemIds: ["i1", "i2"], contingency: "Plan B" });
    const values = { ...valuesFromRisk(r), itemIds: ["i2", "i1"], delayDays: "5", contingency: "" };
    expect(patchFrom(inputFromValues(values), r)).toEqual({ delayDays: 5, contingency: null });
  });
});

const item = (id: string, kind: Item["kind"], startDate: string): Item => ({
  id,
  roadmapId: "r",
  workstreamId: null,
  kind,
  title: id,
  description: null,
  startDate,
  endDate: startDate,
  outcome: null,
  isKey: false,
  status: "planned",
  estimate: null,
  skills: [],
  ownerId: null,
  actualStart: null,
  actualFinish: null,
  remainingHours: null,
  version: 1,
  updatedAt: "",
});
const link = (fromId: string, toId: string): Dependency => ({
  id: `${fromId}>${toId}`,
  roadmapId: "r",
  fromId,
  toId,
  lagDays: 0,
});

describe("milestones an external risk threatens", () => {
  it("lists linked milestones and those downstream of linked items, once each, by date", () => {
    const items = [
      item("feature", "feature", "2027-01-04"),
      item("m-late", "milestone", "2027-06-01"),
      item("m-direct", "milestone", "2027-03-01"),
      item("f2", "feature", "2027-02-01"),
      item("m-other", "milestone", "2027-05-01"),
    ];
    const deps = [
      link("feature", "f2"),
      link("f2", "m-late"),
      link("feature", "m-direct"),
      link("f2", "f2b"),
    ];
    const found = threatenedMilestones(["feature", "m-direct"], items, deps);
    expect(found.map((t) => [t.milestone.id, t.via?.id ?? null])).toEqual([
      ["m-direct", null],
      ["m-late", "feature"],
    ]);
  });
});
