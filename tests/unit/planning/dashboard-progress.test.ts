import { describe, expect, it } from "vitest";
import { workstreamProgress, type ProgressItem } from "@/lib/planning/dashboard-progress";

const lanes = [
  { id: "lane-a", name: "Platform" },
  { id: "lane-b", name: "Growth" },
];
const est = (o: number, m: number, p: number) => ({
  optimisticHours: o,
  likelyHours: m,
  pessimisticHours: p,
});
const item = (
  workstreamId: string | null,
  status: ProgressItem["status"],
  estimate: ProgressItem["estimate"] = null,
) => ({
  workstreamId,
  status,
  estimate,
});

describe("workstreamProgress", () => {
  it("weighs estimated items by PERT mean hours and unestimated ones as one hour; cut items only counted", () => {
    const rows = workstreamProgress(lanes, [
      item("lane-a", "done", est(10, 40, 70)), // PERT 40
      item("lane-a", "in_progress", est(50, 50, 50)), // 50
      item("lane-a", "planned"), // 1
      item("lane-a", "cut", est(100, 100, 100)), // out of the share
      item("lane-b", "done"),
      item("lane-b", "at_risk"),
    ]);
    expect(rows).toEqual([
      {
        id: "lane-a",
        name: "Platform",
        planned: 1,
        inProgress: 1,
        atRisk: 0,
        done: 1,
        cut: 1,
        progress: 0.44,
      },
      { id: "lane-b", name: "Growth", planned: 0, inProgress: 0, atRisk: 1, done: 1, cut: 0, progress: 0.5 },
    ]);
    // 40 / (40 + 50 + 1) = 0.4395... rounded to three places.
  });

  it('lists "No lane" last, only when an item has no lane (or a lane not given)', () => {
    expect(workstreamProgress(lanes, [item("lane-a", "done")]).map((r) => r.name)).toEqual([
      "Platform",
      "Growth",
    ]);
    const rows = workstreamProgress(lanes, [item(null, "done"), item("gone-lane", "planned")]);
    expect(rows.at(-1)).toEqual({
      id: null,
      name: "No lane",
      planned: 1,
      inProgress: 0,
      atRisk: 0,
      done: 1,
      cut: 0,
      progress: 0.5,
    });
  });

  it("a lane with nothing (or only cut items) has progress 0", () => {
    const rows = workstreamProgress(lanes, [item("lane-b", "cut")]);
    expect(rows.map((r) => r.progress)).toEqual([0, 0]);
    expect(rows[1].cut).toBe(1);
  });
});
