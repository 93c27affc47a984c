import { describe, expect, it } from "vitest";
import { sinceReview } from "@/lib/planning/dashboard-review";
import type { RoadmapDiff } from "@/lib/validation/communication";

type Moved = RoadmapDiff["items"]["moved"][number];

const moved = (
  id: string,
  kind: Moved["kind"],
  isKey: boolean,
  startDays: number,
  endDays = startDays,
): Moved => ({
  id,
  title: id.toUpperCase(),
  kind,
  isKey,
  workstream: null,
  fromStart: "2027-02-01",
  fromEnd: "2027-02-12",
  startDate: `2027-02-${String(1 + Math.max(0, startDays)).padStart(2, "0")}`,
  endDate: "2027-02-20",
  startDays,
  endDays,
});

const summary = {
  added: 1,
  removed: 0,
  moved: 5,
  changed: 2,
  dependenciesAdded: 0,
  dependenciesRemoved: 0,
  risksAdded: 0,
  risksRemoved: 0,
  risksChanged: 0,
};

function diffWith(list: Moved[]): RoadmapDiff {
  return {
    summary,
    items: { added: [], removed: [], moved: list, changed: [] },
    dependencies: { added: [], removed: [] },
    risks: { added: [], removed: [], changed: [] },
    criticalPath: { before: [], after: [] },
    projectFinish: { before: "2027-06-01", after: "2027-06-15", days: 14 },
  };
}

describe("sinceReview", () => {
  it("features and key milestones that moved, largest start move first; other milestones left out", () => {
    const result = sinceReview(
      diffWith([
        moved("small", "feature", false, 2),
        moved("key", "milestone", true, -9),
        moved("minor-milestone", "milestone", false, 30),
        moved("end-only", "feature", false, 0, 5),
        moved("big", "feature", false, 12),
      ]),
    );
    expect(result.summary).toBe(summary);
    expect(result.finishDays).toBe(14);
    expect(result.moved.map((m) => [m.id, m.startDays])).toEqual([
      ["big", 12],
      ["key", -9],
      ["small", 2],
      ["end-only", 0],
    ]);
    expect(result.moved[0]).toEqual({
      id: "big",
      title: "BIG",
      fromStart: "2027-02-01",
      toStart: "2027-02-13",
      startDays: 12,
    });
  });

  it("at most `limit` moves", () => {
    const list = Array.from({ length: 15 }, (_, i) => moved(`f${i}`, "feature", false, i + 1));
    expect(sinceReview(diffWith(list)).moved).toHaveLength(10);
    expect(sinceReview(diffWith(list), 3).moved.map((m) => m.startDays)).toEqual([15, 14, 13]);
  });
});
