import type { Person } from "@/lib/validation/collaboration";
import type { DiffItemRef } from "@/lib/validation/communication";
import type { RoadmapDocument } from "@/lib/validation/roadmap-document";

/**
 * What a feedback round asks about: the milestones and features of its snapshot that were not cut,
 * milestones first, then by date (then title, so the order is stable).
 */
export function roundItems(document: Pick<RoadmapDocument, "items" | "workstreams">): DiffItemRef[] {
  const lane = new Map(document.workstreams.map((w) => [w.id, w.name]));
  return document.items
    .filter((i) => i.status !== "cut" && (i.kind === "milestone" || i.kind === "feature"))
    .sort(
      (a, b) =>
        Number(b.kind === "milestone") - Number(a.kind === "milestone") ||
        a.startDate.localeCompare(b.startDate) ||
        a.endDate.localeCompare(b.endDate) ||
        a.title.localeCompare(b.title) ||
        a.id.localeCompare(b.id),
    )
    .map((i) => ({
      id: i.id,
      title: i.title,
      kind: i.kind,
      isKey: i.isKey,
      startDate: i.startDate,
      endDate: i.endDate,
      workstream: i.workstreamId ? (lane.get(i.workstreamId) ?? null) : null,
    }));
}

/** What the results need to know of each response to a feedback round. */
export interface RatedResponse {
  id: string;
  /** The item rated; null: the roadmap overall. */
  itemId: string | null;
  rating: number;
  text: string | null;
  authorId: string | null;
  /** When the response was last given (an edit replaces it). */
  updatedAt: Date;
}

export interface RatingComment {
  rating: number;
  text: string;
  author: Person | null;
  at: string;
}

export interface RatingSummary {
  count: number;
  /** The exact mean, null with no responses; rounding is the reader's concern. */
  average: number | null;
  /** Responses per rating 1..5 (index 0 is rating 1). */
  distribution: number[];
  /** Responses with a non-blank text, newest first. */
  comments: RatingComment[];
}

export interface FeedbackTally<Item> {
  overall: RatingSummary;
  /** Items that have responses, lowest average first (ties: in the order the items were given). */
  items: (RatingSummary & { item: Item })[];
}

/** Count, mean, distribution and comments of one target's responses. */
export function summarizeRatings(
  responses: readonly RatedResponse[],
  people: ReadonlyMap<string, Person>,
): RatingSummary {
  const distribution = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const r of responses) {
    distribution[r.rating - 1] += 1;
    sum += r.rating;
  }
  const comments = responses
    .filter((r) => r.text !== null && r.text.trim() !== "")
    .sort((a, b) => b.updatedAt.getTime() - a.updatedAt.getTime() || (a.id < b.id ? -1 : 1))
    .map((r) => ({
      rating: r.rating,
      text: r.text!.trim(),
      author: r.authorId ? (people.get(r.authorId) ?? null) : null,
      at: r.updatedAt.toISOString(),
    }));
  return {
    count: responses.length,
    average: responses.length === 0 ? null : sum / responses.length,
    distribution,
    comments,
  };
}

/**
 * A round's results: the overall rating, and one summary per item that was rated. Responses to
 * anything not in `items` (the items the round asks about) are left out.
 */
export function tallyFeedback<Item extends { id: string }>(
  responses: readonly RatedResponse[],
  items: readonly Item[],
  people: ReadonlyMap<string, Person>,
): FeedbackTally<Item> {
  const byItem = new Map<string, RatedResponse[]>(items.map((item) => [item.id, []]));
  const overall: RatedResponse[] = [];
  for (const r of responses) {
    if (r.itemId === null) overall.push(r);
    else byItem.get(r.itemId)?.push(r);
  }
  const rated = items
    .map((item, order) => ({ item, order, summary: summarizeRatings(byItem.get(item.id) ?? [], people) }))
    .filter(({ summary }) => summary.count > 0)
    .sort((a, b) => a.summary.average! - b.summary.average! || a.order - b.order);
  return {
    overall: summarizeRatings(overall, people),
    items: rated.map(({ item, summary }) => ({ ...summary, item })),
  };
}
