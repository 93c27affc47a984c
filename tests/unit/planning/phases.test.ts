import { describe, expect, it } from "vitest";
import {
  findOverlap,
  orderPhases,
  phaseOfDate,
  replanningMarks,
  type PhaseWithGate,
} from "@/lib/planning/phases";

const phase = (
  id: string,
  startDate: string,
  endDate: string,
  gate: PhaseWithGate["gate"] = null,
): PhaseWithGate => ({
  id,
  startDate,
  endDate,
  gate,
});

describe("phases", () => {
  it("orders by start date", () => {
    const ordered = orderPhases([
      phase("b", "2027-04-01", "2027-06-30"),
      phase("a", "2027-01-01", "2027-03-31"),
    ]);
    expect(ordered.map((p) => p.id)).toEqual(["a", "b"]);
  });

  it("finds overlaps, sharing one day included, touching not", () => {
    const phases = [phase("a", "2027-01-01", "2027-03-31"), phase("b", "2027-04-01", "2027-06-30")];
    expect(findOverlap(phases, phase("new", "2027-03-31", "2027-04-15"))?.id).toBe("a");
    expect(findOverlap(phases, phase("new", "2027-07-01", "2027-07-31"))).toBeNull();
    expect(findOverlap(phases, phase("new", "2026-12-01", "2027-12-31"))?.id).toBe("a");
    // A phase being edited does not overlap itself.
    expect(findOverlap(phases, phase("a", "2027-01-15", "2027-03-31"))).toBeNull();
  });

  it("marks phases after an undecided gate as subject to replanning", () => {
    const ordered = [
      phase("a", "2027-01-01", "2027-03-31", { decision: null }),
      phase("b", "2027-04-01", "2027-06-30", { decision: null }),
      phase("c", "2027-07-01", "2027-09-30"),
    ];
    expect(replanningMarks(ordered)).toEqual([false, true, true]);
  });

  it("clears the mark after proceed, keeps it after replan until the phase's own gate is decided", () => {
    const proceed = [
      phase("a", "2027-01-01", "2027-03-31", { decision: "proceed" }),
      phase("b", "2027-04-01", "2027-06-30", { decision: null }),
      phase("c", "2027-07-01", "2027-09-30"),
    ];
    expect(replanningMarks(proceed)).toEqual([false, false, true]);
    const replan = [
      phase("a", "2027-01-01", "2027-03-31", { decision: "replan" }),
      phase("b", "2027-04-01", "2027-06-30", { decision: "proceed" }),
      phase("c", "2027-07-01", "2027-09-30"),
    ];
    expect(replanningMarks(replan)).toEqual([false, false, false]);
    const stop = [
      phase("a", "2027-01-01", "2027-03-31", { decision: "stop" }),
      phase("b", "2027-04-01", "2027-06-30"),
    ];
    expect(replanningMarks(stop)).toEqual([false, true]);
  });

  it("finds the phase a date falls in", () => {
    const ordered = [phase("a", "2027-01-01", "2027-03-31"), phase("b", "2027-05-01", "2027-06-30")];
    expect(phaseOfDate(ordered, "2027-03-31")?.id).toBe("a");
    expect(phaseOfDate(ordered, "2027-04-15")).toBeNull();
    expect(phaseOfDate(ordered, "2027-05-01")?.id).toBe("b");
  });
});
