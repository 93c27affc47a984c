import { describe, expect, it } from "vitest";
import {
  appliedSummary,
  closedReason,
  conflictField,
  conflictValue,
  daysBetween,
  gapChange,
} from "@/components/scenarios/scenario-text";
import { autoScheduleSummary, undoSummary } from "@/components/timeline/auto-schedule-text";
import type { DateText } from "@/lib/client/dates";
import { ApiError } from "@/lib/client/api";
import { applyFailure, type ScenarioConflict } from "@/lib/client/scenarios";

const dt = {
  date: (iso: string) => `D(${iso})`,
  range: (a: string, b: string) => `R(${a}..${b})`,
} as DateText;
const titles: Record<string, string> = { a: "Checkout API", b: "Search", c: "Payments" };
const titleOf = (id: string) => titles[id] ?? "?";
const move = (id: string, fromStart: string, toStart: string) => ({
  id,
  fromStart,
  toStart,
  fromEnd: fromStart,
  toEnd: toStart,
});

describe("autoScheduleSummary", () => {
  it("says nothing needed moving when nothing moved and nothing was held back", () => {
    expect(autoScheduleSummary({ moved: [], skipped: [] }, titleOf, dt)).toEqual({
      tone: "info",
      message: "Everything already starts as early as its dependencies allow.",
    });
  });

  it("counts moves earlier and later and names a single move with its new dates", () => {
    const one = autoScheduleSummary(
      { moved: [move("a", "2027-03-10", "2027-03-01")], skipped: [] },
      titleOf,
      dt,
    );
    expect(one.title).toBe("Moved 1 feature earlier");
    expect(one.message).toBe("“Checkout API” now runs R(2027-03-01..2027-03-01).");
    const both = autoScheduleSummary(
      {
        moved: [
          move("a", "2027-03-10", "2027-03-01"),
          move("b", "2027-03-10", "2027-03-02"),
          move("c", "2027-03-10", "2027-04-02"),
        ],
        skipped: [],
      },
      titleOf,
      dt,
    );
    expect(both.title).toBe("Moved 2 features earlier and 1 later");
    const later = autoScheduleSummary(
      { moved: [move("a", "2027-03-01", "2027-03-10"), move("b", "2027-03-01", "2027-03-10")], skipped: [] },
      titleOf,
      dt,
    );
    expect(later.title).toBe("Moved 2 features later");
  });

  it("lists features held back with their reasons, and warns when only those are left", () => {
    const skipped = [
      { id: "a", reason: "It has started." },
      { id: "b", reason: "past the horizon" },
      { id: "c", reason: "done" },
      { id: "x", reason: "done" },
    ];
    const result = autoScheduleSummary({ moved: [], skipped }, titleOf, dt);
    expect(result.tone).toBe("warning");
    expect(result.message).toBe(
      "Not moved: “Checkout API” (It has started), “Search” (past the horizon), “Payments” (done) and 1 other.",
    );
  });

  it("words the undo, with what could not be put back", () => {
    expect(undoSummary({ restored: [{ id: "a", toStart: "2027-01-01" }], skipped: [] }, titleOf)).toBe(
      "Put back 1 feature to its earlier dates.",
    );
    expect(
      undoSummary(
        {
          restored: [
            { id: "a", toStart: "2027-01-01" },
            { id: "b", toStart: "2027-01-01" },
          ],
          skipped: [{ id: "c", reason: "deleted since" }],
        },
        titleOf,
      ),
    ).toBe("Put back 2 features to their earlier dates. Not put back: “Payments” (deleted since).");
  });
});

describe("scenario comparison words", () => {
  it("measures shifts in calendar days", () => {
    expect(daysBetween("2027-03-01", "2027-03-22")).toBe(21);
    expect(daysBetween("2027-03-22", "2027-03-01")).toBe(-21);
    expect(daysBetween(null, "2027-03-01")).toBeNull();
  });

  it("says a staffing gap closes, opens, shrinks or grows", () => {
    expect(gapChange(320, 0)).toEqual({ label: "closes", tone: "success" });
    expect(gapChange(0, 40)).toEqual({ label: "opens", tone: "danger" });
    expect(gapChange(320, 200)).toEqual({ label: "\u2212120 h", tone: "success" });
    expect(gapChange(200, 240)).toEqual({ label: "+40 h", tone: "warning" });
    expect(gapChange(0, 0).label).toBe("unchanged");
  });

  it("shows conflicting values as a person reads them", () => {
    const base: ScenarioConflict = {
      entity: "item",
      id: "a",
      title: "Checkout API",
      field: "status",
      base: "in_progress",
      scenario: "done",
    };
    expect(conflictValue(base, "base")).toBe("In progress");
    expect(conflictValue({ ...base, field: "removed", base: "removed", scenario: "changed" }, "base")).toBe(
      "removed",
    );
    expect(conflictValue({ ...base, entity: "staffing", field: "rows", base: { rows: [] } }, "base")).toBe(
      "its own changes",
    );
    expect(conflictValue({ ...base, field: "startDate", base: "2027-03-01" }, "base", dt.date)).toBe(
      "D(2027-03-01)",
    );
    expect(conflictField({ ...base, field: "endDate" })).toBe("End");
    expect(conflictField({ ...base, field: "owner" })).toBe("Owner");
  });

  it("sums up an apply and why a closed scenario cannot be applied", () => {
    expect(appliedSummary({ applied: { added: 1, updated: 3, removed: 0, dependencies: 2 } })).toBe(
      "3 updated, 1 added, 2 dependency changes.",
    );
    expect(appliedSummary({ applied: { added: 0, updated: 0, removed: 0, dependencies: 0 } })).toBe(
      "nothing needed to change.",
    );
    expect(closedReason("open")).toBeNull();
    expect(closedReason("applied")).toMatch(/applied/);
    expect(closedReason("discarded")).toMatch(/discarded/);
  });
});

describe("applyFailure", () => {
  it("tells conflicts, a stale comparison and a closed scenario apart", () => {
    const conflict = {
      entity: "item",
      id: "a",
      title: "Checkout API",
      field: "startDate",
      base: "x",
      scenario: "y",
    };
    const refused = applyFailure(
      new ApiError(409, "scenario_conflict", "Both changed.", { details: { conflicts: [conflict] } }),
    );
    expect(refused).toEqual({ kind: "conflicts", conflicts: [conflict], message: "Both changed." });
    expect(applyFailure(new ApiError(412, "version_mismatch", "Old.")).kind).toBe("stale");
    expect(applyFailure(new ApiError(409, "scenario_closed", "Already applied.")).kind).toBe("closed");
    expect(applyFailure(new ApiError(403, "forbidden", "No.")).kind).toBe("other");
    expect(applyFailure(new Error("boom")).kind).toBe("other");
  });
});
