import { pluralize } from "@/lib/client/format";
import type { FeasibilityVerdict, FeedbackSummary } from "@/lib/validation/collaboration";

/** The verdict that matters most on an item: any "not feasible" beats concerns, concerns beat feasible. */
export function strongestVerdict(summary: FeedbackSummary): FeasibilityVerdict | null {
  if (summary.notFeasible > 0) return "not_feasible";
  if (summary.concerns > 0) return "concerns";
  if (summary.feasible > 0) return "feasible";
  return null;
}

/** "3 comments, 1 not feasible, 1 with concerns": the summary in words, for labels and tooltips. */
export function verdictSummaryText(summary: FeedbackSummary): string {
  const parts = [pluralize(summary.comments, "comment")];
  if (summary.notFeasible) parts.push(`${summary.notFeasible} not feasible`);
  if (summary.concerns) parts.push(`${summary.concerns} with concerns`);
  if (summary.feasible) parts.push(`${summary.feasible} feasible`);
  if (summary.unresolved) parts.push(pluralize(summary.unresolved, "open thread"));
  return parts.join(", ");
}
