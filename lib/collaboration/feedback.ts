import type { FeasibilityVerdict } from "@/lib/validation/collaboration-kinds";
import type { FeedbackSummary } from "@/lib/validation/collaboration";

/** What the summary needs to know of each comment on an item. */
export interface FeedbackComment {
  authorId: string | null;
  feasibility: FeasibilityVerdict | null;
  createdAt: Date;
  deleted: boolean;
  parentId: string | null;
  resolved: boolean;
}

const VERDICT_FIELD = {
  feasible: "feasible",
  concerns: "concerns",
  not_feasible: "notFeasible",
} as const satisfies Record<FeasibilityVerdict, keyof FeedbackSummary>;

export const emptyFeedback = (): FeedbackSummary => ({
  comments: 0,
  unresolved: 0,
  feasible: 0,
  concerns: 0,
  notFeasible: 0,
});

/**
 * Comment and verdict counts for one item. Deleted comments count for nothing. A person who
 * changed their mind is counted once, by their latest verdict; a verdict whose author's account
 * is gone no longer counts. Unresolved counts live threads (root comments) not yet resolved.
 */
export function summarizeFeedback(comments: readonly FeedbackComment[]): FeedbackSummary {
  const summary = emptyFeedback();
  const latest = new Map<string, FeedbackComment>();
  for (const c of comments) {
    if (c.deleted) continue;
    summary.comments += 1;
    if (c.parentId === null && !c.resolved) summary.unresolved += 1;
    if (c.feasibility === null || c.authorId === null) continue;
    const previous = latest.get(c.authorId);
    if (!previous || previous.createdAt.getTime() <= c.createdAt.getTime()) latest.set(c.authorId, c);
  }
  for (const c of latest.values()) summary[VERDICT_FIELD[c.feasibility!]] += 1;
  return summary;
}
