import { describe, expect, it } from "vitest";
import { verdictRollup } from "@/lib/planning/dashboard-verdicts";

describe("verdictRollup", () => {
  it("totals the verdicts and lists flagged items worst first, at most the limit", () => {
    const items = ["a", "b", "c", "d", "e"].map((id) => ({ id, title: id.toUpperCase() }));
    const verdicts: Record<string, { feasible: number; concerns: number; notFeasible: number }> = {
      a: { feasible: 3, concerns: 0, notFeasible: 0 },
      b: { feasible: 0, concerns: 2, notFeasible: 0 },
      c: { feasible: 1, concerns: 0, notFeasible: 1 },
      d: { feasible: 0, concerns: 2, notFeasible: 0 },
      // "e" has no comments at all.
    };
    const rollup = verdictRollup(items, (id) => verdicts[id]);
    expect(rollup).toEqual({
      feasible: 4,
      concerns: 4,
      notFeasible: 1,
      flagged: [
        { id: "c", title: "C", concerns: 0, notFeasible: 1, feasible: 1 },
        { id: "b", title: "B", concerns: 2, notFeasible: 0, feasible: 0 },
        { id: "d", title: "D", concerns: 2, notFeasible: 0, feasible: 0 },
      ],
    });
    expect(verdictRollup(items, (id) => verdicts[id], 1).flagged.map((f) => f.id)).toEqual(["c"]);
  });
});
