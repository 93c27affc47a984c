import { verdictSummaryText } from "@/components/comments/verdict-summary";
import type { Board, Schedule } from "@/lib/client/timeline";
import { ApiError } from "@/lib/client/api";
import type { FeedbackSummary } from "@/lib/validation/collaboration";
import type { Item } from "@/lib/validation/timeline";
import type { DateText } from "@/lib/client/dates";
import { STATUS_INFO } from "./item-status";

type ScheduleEntry = Schedule["items"][number];

export function kindLabel(item: Pick<Item, "kind" | "isKey">): string {
  if (item.kind === "feature") return "Feature";
  return item.isKey ? "Key milestone" : "Milestone";
}

export function itemDates(item: Pick<Item, "kind" | "startDate" | "endDate">, dt: DateText): string {
  return item.kind === "milestone" ? dt.date(item.startDate) : dt.range(item.startDate, item.endDate);
}

/** What is wrong with an item's dates, in words, or null. */
export function issueText(item: Item, entry: ScheduleEntry | undefined, dt: DateText): string | null {
  if (!entry) return null;
  if (item.kind === "milestone" && entry.targetMissed)
    return `Misses its date: its dependencies let it be reached on ${dt.date(entry.earlyFinish)} at the earliest.`;
  if (item.kind === "milestone" && entry.plannedTargetMissed)
    return `Misses its date: the work it waits on is planned to finish on ${dt.date(entry.projectedFinish)}.`;
  if (entry.plannedStartViolation)
    return `Starts before its dependencies allow: the earliest possible start is ${dt.date(entry.earlyStart)}.`;
  return null;
}

/** The accessible name of an item on the timeline. */
export function describeItem(
  item: Item,
  entry: ScheduleEntry | undefined,
  dt: DateText,
  feedback?: FeedbackSummary,
): string {
  const parts = [`${kindLabel(item)}: ${item.title}`, itemDates(item, dt), STATUS_INFO[item.status].label];
  if (entry?.critical) parts.push("on the critical path");
  const issue = issueText(item, entry, dt);
  if (issue) parts.push(issue.replace(/\.$/, ""));
  if (feedback?.comments) parts.push(verdictSummaryText(feedback));
  return parts.join(", ") + ".";
}

/** The item's accessible name, plus the high risks without a contingency plan that threaten it. */
export function withRisks(label: string, riskTitles: readonly string[] | undefined): string {
  if (!riskTitles?.length) return label;
  const names = riskTitles.map((t) => `“${t}”`).join(" and ");
  return `${label} High risk without a contingency plan: ${names}.`;
}

/** The item's accessible name, plus who else is editing it now. */
export function withEditors(label: string, editors: readonly { name: string }[] | undefined): string {
  return editors?.length ? `${label} Being edited by ${editors.map((e) => e.name).join(" and ")}.` : label;
}

export function titleOf(board: Board | undefined, itemId: string): string {
  return board?.items.find((i) => i.id === itemId)?.title ?? "an item that is no longer here";
}

/** A refusal from the API as a sentence for this board: a cycle names its items, a 403 says why. */
export function failureMessage(error: unknown, board: Board | undefined): string {
  if (!(error instanceof ApiError)) return "Something went wrong. Try again.";
  if (error.code === "dependency_cycle") {
    const cycle = (error.details as { cycle?: unknown } | undefined)?.cycle;
    if (Array.isArray(cycle) && cycle.length > 0) {
      const names = cycle.map((id) => `“${titleOf(board, String(id))}”`);
      if (cycle.length === 1) return `${names[0]} cannot depend on itself.`;
      return `That link would close a loop: ${[...names, names[0]].join(" → ")}. None of them could ever start; remove one of these links first.`;
    }
  }
  if (error.status === 403)
    return `Your role in this team is too low to change this roadmap. Ask an owner to make you an editor. (${error.message})`;
  if (error.status === 412) return "Someone else changed this since you loaded it.";
  return error.message;
}
