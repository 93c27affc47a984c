// The engineering picture's CPM marks (critical, slack, a date the plan breaks), computed where the
// picture is drawn (a picture worker) rather than where it is loaded: at 10,000 items the CPM pass
// held up the server's event loop for 100-300 ms, even for a picture of one quarter of them.

import { computeSchedule, CycleError } from "@/lib/planning/schedule";
import type { PictureInput, PictureItem } from "./picture-model";

interface ScheduleSource {
  /** The roadmap's start date (the CPM's day 0). */
  projectStart: string;
  items: readonly Pick<PictureItem, "id" | "kind" | "startDate" | "endDate" | "status">[];
  dependencies: PictureInput["dependencies"];
}

/**
 * CPM marks per item, as the schedule page computes them (roadmaps/board.ts scheduleOf: the items
 * not cut, the links between them), or none when the links form a loop: the picture then shows
 * the plan only.
 */
export function scheduleMarks({
  projectStart,
  items,
  dependencies,
}: ScheduleSource): PictureInput["schedule"] {
  const live = items.filter((i) => i.status !== "cut");
  const ids = new Set(live.map((i) => i.id));
  try {
    const schedule = computeSchedule({
      projectStart,
      items: live,
      dependencies: dependencies.filter((d) => ids.has(d.fromId) && ids.has(d.toId)),
    });
    return new Map(
      schedule.items.map((s) => [
        s.id,
        {
          critical: s.critical,
          slackDays: s.totalSlackDays,
          violation: s.targetMissed || s.plannedTargetMissed || s.plannedStartViolation,
        },
      ]),
    );
  } catch (error) {
    if (error instanceof CycleError) return new Map();
    throw error;
  }
}
