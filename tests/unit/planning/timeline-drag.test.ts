import { describe, expect, it } from "vitest";
import { toDayNumber } from "@/lib/planning/calendar";
import { clampDragDelta, dragGeometry, dragPatch, draggedDates } from "@/lib/planning/timeline-drag";

const scale = { startDay: toDayNumber("2026-01-01"), endDay: toDayNumber("2026-12-31") };
const feature = { kind: "feature" as const, startDate: "2026-03-02", endDate: "2026-03-13" };
const milestone = { kind: "milestone" as const, startDate: "2026-06-30", endDate: "2026-06-30" };

describe("clampDragDelta", () => {
  it("a move stays inside the horizon at both ends", () => {
    expect(clampDragDelta(scale, feature, "move", 5)).toBe(5);
    expect(clampDragDelta(scale, feature, "move", -1000)).toBe(-60);
    expect(clampDragDelta(scale, feature, "move", 1000)).toBe(293);
  });

  it("an end cannot pass the other end: the bar keeps at least one day", () => {
    expect(clampDragDelta(scale, feature, "start", 30)).toBe(11);
    expect(clampDragDelta(scale, feature, "end", -30)).toBe(-11);
  });
});

describe("draggedDates and dragPatch", () => {
  it("moving shifts both dates; dragging one end changes only that one", () => {
    expect(draggedDates(feature, "move", 3)).toEqual({ startDate: "2026-03-05", endDate: "2026-03-16" });
    expect(draggedDates(feature, "start", -2)).toEqual({ startDate: "2026-02-28", endDate: "2026-03-13" });
    expect(dragPatch("end", draggedDates(feature, "end", 1))).toEqual({ endDate: "2026-03-14" });
    expect(dragPatch("move", draggedDates(feature, "move", 1))).toEqual({
      startDate: "2026-03-03",
      endDate: "2026-03-14",
    });
  });

  it("a milestone stays one day", () => {
    expect(draggedDates(milestone, "move", 7)).toEqual({ startDate: "2026-07-07", endDate: "2026-07-07" });
  });
});

describe("dragGeometry", () => {
  const bar = { x: 100, width: 80 };
  it("a move shifts the bar, a left edge shifts and shrinks it, a right edge widens it", () => {
    expect(dragGeometry(bar, "move", 20)).toEqual({ shift: 20, width: 80, badgeX: 120 });
    expect(dragGeometry(bar, "start", 20)).toEqual({ shift: 20, width: 60, badgeX: 120 });
    expect(dragGeometry(bar, "end", 20)).toEqual({ shift: 0, width: 100, badgeX: 200 });
  });

  it("the badge never goes left of the body", () => {
    expect(dragGeometry(bar, "move", -150).badgeX).toBe(0);
  });
});
