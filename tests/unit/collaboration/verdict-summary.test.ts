import { describe, expect, it } from "vitest";
import { verdictSummaryText, strongestVerdict } from "@/components/comments/verdict-summary";

const summary = (
  s: Partial<Record<"comments" | "unresolved" | "feasible" | "concerns" | "notFeasible", number>>,
) => ({
  comments: 0,
  unresolved: 0,
  feasible: 0,
  concerns: 0,
  notFeasible: 0,
  ...s,
});

describe("strongestVerdict", () => {
  it("lets any not-feasible verdict win, then concerns, then feasible", () => {
    expect(strongestVerdict(summary({ comments: 3, feasible: 5, concerns: 2, notFeasible: 1 }))).toBe(
      "not_feasible",
    );
    expect(strongestVerdict(summary({ comments: 3, feasible: 5, concerns: 1 }))).toBe("concerns");
    expect(strongestVerdict(summary({ comments: 3, feasible: 1 }))).toBe("feasible");
    expect(strongestVerdict(summary({ comments: 3 }))).toBeNull();
  });
});

describe("verdictSummaryText", () => {
  it("says the counts that are not zero, in words", () => {
    expect(verdictSummaryText(summary({ comments: 3, notFeasible: 1 }))).toBe("3 comments, 1 not feasible");
    expect(verdictSummaryText(summary({ comments: 1, unresolved: 1, feasible: 1 }))).toBe(
      "1 comment, 1 feasible, 1 open thread",
    );
    expect(
      verdictSummaryText(summary({ comments: 4, unresolved: 2, feasible: 2, concerns: 1, notFeasible: 1 })),
    ).toBe("4 comments, 1 not feasible, 1 with concerns, 2 feasible, 2 open threads");
  });
});
