import { addDays, toDayNumber } from "@/lib/planning/calendar";
import type { FeedbackResults, FeedbackRound, FeedbackRoundDetail } from "@/lib/validation/communication";

/** A rating's words, the same in the answer form and the results. */
export const RATING_LABELS = ["Not confident", "Doubtful", "Unsure", "Confident", "Very confident"] as const;
export const RATINGS = [1, 2, 3, 4, 5] as const;

export function ratingLabel(rating: number): string {
  return RATING_LABELS[rating - 1] ?? String(rating);
}

/** How long a new round stays open unless the editor says otherwise. */
export const DEFAULT_OPEN_DAYS = 7;

export function defaultClosesOn(today: string): string {
  return addDays(today, DEFAULT_OPEN_DAYS);
}

/** Calendar days from `today` to `date` (both YYYY-MM-DD); negative when it is past. */
export function daysUntil(today: string, date: string): number {
  return toDayNumber(date) - toDayNumber(today);
}

/** "closes today", "closes tomorrow", "closes in 3 days"; "closing date passed" once it is past. */
export function closesInText(today: string, closesOn: string): string {
  const days = daysUntil(today, closesOn);
  if (days < 0) return "closing date passed";
  if (days === 0) return "closes today";
  if (days === 1) return "closes tomorrow";
  return `closes in ${days} days`;
}

/** Open rounds (soonest to close first), then closed ones (most recently closed first). */
export function partitionRounds(rounds: readonly FeedbackRound[]): {
  open: FeedbackRound[];
  closed: FeedbackRound[];
} {
  const open = rounds
    .filter((r) => r.status === "open")
    .sort((a, b) => a.closesOn.localeCompare(b.closesOn) || b.createdAt.localeCompare(a.createdAt));
  const closedOn = (r: FeedbackRound) => r.closedAt ?? r.closesOn;
  const closed = rounds
    .filter((r) => r.status === "closed")
    .sort((a, b) => closedOn(b).localeCompare(closedOn(a)));
  return { open, closed };
}

type ItemRef = FeedbackRoundDetail["items"][number];

/** The items a round asks about in answering order: milestones, then features, each by date. */
export function answerOrder(items: readonly ItemRef[]): ItemRef[] {
  const rank = (i: ItemRef) => (i.kind === "milestone" ? 0 : 1);
  return [...items].sort(
    (a, b) =>
      rank(a) - rank(b) ||
      a.startDate.localeCompare(b.startDate) ||
      a.endDate.localeCompare(b.endDate) ||
      a.title.localeCompare(b.title),
  );
}

export type RatingResult = FeedbackResults["overall"];

/** The distribution in words, for a chart's accessible name: "4 responses, average 3.5: 1 rated 2 …". */
export function distributionSentence(result: RatingResult, formatAverage: (n: number) => string): string {
  if (result.count === 0) return "No responses yet.";
  const parts = RATINGS.map(
    (rating) => `${result.distribution[rating - 1]} rated ${rating} (${ratingLabel(rating)})`,
  );
  const responses = result.count === 1 ? "1 response" : `${result.count} responses`;
  const average = result.average === null ? "" : `, average ${formatAverage(result.average)}`;
  return `${responses}${average}: ${parts.join(", ")}.`;
}

/** An average to one decimal, always with the decimal ("4.0"), as the results show it. */
export function averageText(average: number | null, locale?: string): string {
  if (average === null) return "—";
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(
    average,
  );
}
