import { describe, expect, it } from "vitest";
import { layoutTimeline, makeScale, type LayoutItem } from "@/lib/planning/timeline-layout";

const scale = makeScale("2027-01-04", 6, 3);
const lanes = [{ id: "a", name: "A", position: 0 }];
const feature = (id: string, startDate: string, endDate: string): LayoutItem => ({
  id,
  kind: "feature",
  title: `Item ${id}`,
  startDate,
  endDate,
  workstreamId: "a",
});

describe("layoutTimeline with the previous layout", () => {
  const items = [
    feature("1", "2027-01-04", "2027-01-15"),
    feature("2", "2027-03-01", "2027-03-12"),
    feature("3", "2027-05-03", "2027-05-14"),
  ];
  const before = layoutTimeline(lanes, items, scale);

  it("keeps the entries of unchanged items and makes new ones for what moved", () => {
    const moved = { ...items[1], startDate: "2027-03-08", endDate: "2027-03-19" };
    const after = layoutTimeline(lanes, [items[0], moved, items[2]], scale, undefined, before);
    expect(after.placed.get("1")).toBe(before.placed.get("1"));
    expect(after.placed.get("3")).toBe(before.placed.get("3"));
    expect(after.placed.get("2")).not.toBe(before.placed.get("2"));
    expect(after.placed.get("2")!.x).toBe(before.placed.get("2")!.x + 7 * 3);
    // The same as a layout made from nothing.
    expect(after).toEqual(layoutTimeline(lanes, [items[0], moved, items[2]], scale));
  });

  it("an item repacked into another row gets a new entry; a new scale renews all", () => {
    const overlapping = { ...items[2], startDate: "2027-01-05", endDate: "2027-01-08" };
    const after = layoutTimeline(lanes, [items[0], items[1], overlapping], scale, undefined, before);
    expect(after.placed.get("3")!.row).toBe(1);
    expect(after.placed.get("3")).not.toBe(before.placed.get("3"));
    const zoomed = layoutTimeline(lanes, items, makeScale("2027-01-04", 6, 12), undefined, before);
    for (const id of ["1", "2", "3"]) expect(zoomed.placed.get(id)).not.toBe(before.placed.get(id));
  });
});
