import { describe, expect, it } from "vitest";
import { chooseMethod } from "@/components/forecast/method-choice";

const history = { samples: 64, drawnFrom: { person: 20, skill: 4, team: 1 } };

describe("chooseMethod", () => {
  it("falls back to PERT with the count when history was refused", () => {
    const choice = chooseMethod({ history: null, missing: { samples: 7, required: 10 }, tallies: [] });
    expect(choice.method).toBe("pert");
    expect(choice.reason).toContain("7 done features");
    expect(choice.reason).toContain("needs 10");
  });

  it("picks the method whose P80s held closer to 4 in 5 once both have three milestones judged", () => {
    const tallies = [
      { method: "pert" as const, milestones: 6, milestonesHeld: 2 },
      { method: "history" as const, milestones: 5, milestonesHeld: 4 },
    ];
    const choice = chooseMethod({ history, missing: null, tallies });
    expect(choice.method).toBe("history");
    expect(choice.reason).toContain("held 4 times out of 5, PERT’s 2 times out of 6");
    expect(choice.reason).toContain("64 done features");
    expect(
      chooseMethod({
        history,
        missing: null,
        tallies: [
          { method: "pert", milestones: 5, milestonesHeld: 4 },
          { method: "history", milestones: 5, milestonesHeld: 2 },
        ],
      }).method,
    ).toBe("pert");
  });

  it("prefers history, saying so, when there is too little record to compare", () => {
    const tallies = [
      { method: "pert" as const, milestones: 2, milestonesHeld: 0 },
      { method: "history" as const, milestones: 0, milestonesHeld: 0 },
    ];
    const choice = chooseMethod({ history, missing: null, tallies });
    expect(choice.method).toBe("history");
    expect(choice.reason).toMatch(/20 drew from their owner’s own record, 4 from their skill’s and 1/);
    expect(choice.reason).toContain("too little record");
  });
});
