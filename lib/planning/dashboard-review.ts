// "Since the last executive review" for the executive dashboard, from the diff of the review's
// snapshot against now: the counts, the shift of the project finish, and what moved that an
// executive follows (features and key milestones; other milestones are detail), largest move of
// the start first (then the largest move of the end, then by title).

import type { RoadmapDiff } from "../validation/communication";

export interface ReviewMove {
  id: string;
  title: string;
  fromStart: string;
  toStart: string;
  startDays: number;
}

export function movesSinceReview(diff: RoadmapDiff, limit = 10): ReviewMove[] {
  return diff.items.moved
    .filter((m) => m.kind === "feature" || m.isKey)
    .sort(
      (a, b) =>
        Math.abs(b.startDays) - Math.abs(a.startDays) ||
        Math.abs(b.endDays) - Math.abs(a.endDays) ||
        a.title.localeCompare(b.title),
    )
    .slice(0, limit)
    .map((m) => ({
      id: m.id,
      title: m.title,
      fromStart: m.fromStart,
      toStart: m.startDate,
      startDays: m.startDays,
    }));
}

export function sinceReview(diff: RoadmapDiff, limit = 10) {
  return { summary: diff.summary, finishDays: diff.projectFinish.days, moved: movesSinceReview(diff, limit) };
}
