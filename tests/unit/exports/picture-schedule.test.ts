import { describe, expect, it } from "vitest";
import { pictureData, pictureInput } from "@/lib/exports/timeline/picture-job-data";
import { computeSchedule } from "@/lib/planning/schedule";
import { samplePictureInput } from "../../helpers/pictures";

/** A picture as the service loads it: no CPM marks yet, the roadmap's start instead. */
function loaded(audience: "engineering" | "product") {
  const { schedule: _schedule, ...source } = samplePictureInput(audience);
  return { ...source, projectStart: "2027-01-04" };
}

describe("the engineering picture's CPM marks, computed where the picture is drawn", () => {
  it("are the schedule's: the items not cut, the links between them", () => {
    const source = loaded("engineering");
    const marks = pictureInput(pictureData(source, "en-GB")).schedule;
    const live = source.items.filter((i) => i.status !== "cut");
    const schedule = computeSchedule({
      projectStart: "2027-01-04",
      items: live,
      dependencies: source.dependencies,
    });
    expect([...marks.keys()].sort()).toEqual(live.map((i) => i.id).sort());
    for (const s of schedule.items) {
      expect(marks.get(s.id)).toEqual({
        critical: s.critical,
        slackDays: s.totalSlackDays,
        violation: s.targetMissed || s.plannedTargetMissed || s.plannedStartViolation,
      });
    }
    expect([...marks.values()].some((m) => m.critical)).toBe(true);
    expect([...marks.values()].some((m) => !m.critical && m.slackDays > 0)).toBe(true);
  });

  it("are none when the links form a loop (the plan is drawn without them), and for other audiences", () => {
    const source = loaded("engineering");
    const [a, b] = source.items;
    const loop = [
      { fromId: a.id, toId: b.id },
      { fromId: b.id, toId: a.id },
    ].map((d, i) => ({ id: `loop${i}`, ...d, lagDays: 0 }));
    const looped = { ...source, dependencies: loop };
    expect(pictureInput(pictureData(looped, "en-GB")).schedule.size).toBe(0);
    expect(pictureInput(pictureData(loaded("product"), "en-GB")).schedule.size).toBe(0);
  });
});
