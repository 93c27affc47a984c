"use client";

import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { RelativeTime } from "@/components/ui/relative-time";
import { Skeleton } from "@/components/ui/skeleton";
import { pluralize } from "@/lib/client/format";
import { useFeedbackResults, type FeedbackResults } from "@/lib/client/feedback-rounds";
import { ratingLabel, type RatingResult } from "./feedback-facts";
import { ItemMeta } from "./item-heading";
import { MiniDistribution, RatingDistributionChart, useAverageText } from "./rating-distribution";

type Comment = RatingResult["comments"][number];

function CommentList({ comments }: { comments: Comment[] }) {
  if (comments.length === 0) return null;
  return (
    <ul className="flex flex-col gap-2.5" aria-label="Comments">
      {comments.map((c, i) => (
        <li key={`${c.author?.id ?? "gone"}-${i}`} className="rounded-lg bg-subtle px-3 py-2.5 text-sm">
          <p className="whitespace-pre-line text-ink">{c.text}</p>
          <p className="mt-1.5 flex flex-wrap items-center gap-x-2 gap-y-1 text-[13px] text-muted">
            <Badge tone={c.rating <= 2 ? "warning" : c.rating >= 4 ? "success" : "neutral"}>
              {c.rating} · {ratingLabel(c.rating)}
            </Badge>
            <span className="font-medium text-ink-soft">{c.author?.name ?? "A former member"}</span>
            <RelativeTime value={c.at} />
          </p>
        </li>
      ))}
    </ul>
  );
}

function Average({ result, size }: { result: RatingResult; size: "lg" | "sm" }) {
  const average = useAverageText();
  return (
    <p className="flex items-baseline gap-1.5 whitespace-nowrap">
      <span
        data-testid="average"
        className={
          size === "lg"
            ? "text-3xl font-semibold text-ink tabular-nums"
            : "text-lg font-semibold text-ink tabular-nums"
        }
      >
        {average(result.average)}
      </span>
      <span className="text-[13px] text-muted">
        {result.average === null ? "no answers" : `of 5 · ${pluralize(result.count, "answer")}`}
      </span>
    </p>
  );
}

function OverallResult({ result }: { result: RatingResult }) {
  return (
    <section aria-labelledby="overall-result-title" className="flex flex-col gap-4">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h3 id="overall-result-title" className="text-sm font-semibold text-ink">
            Overall confidence
          </h3>
          <Average result={result} size="lg" />
        </div>
      </div>
      {result.count > 0 && <RatingDistributionChart result={result} />}
      <CommentList comments={result.comments} />
    </section>
  );
}

function ItemResults({ items }: { items: FeedbackResults["items"] }) {
  if (items.length === 0) return null;
  return (
    <section aria-labelledby="item-results-title" className="flex flex-col gap-2">
      <h3 id="item-results-title" className="text-sm font-semibold text-ink">
        By milestone and feature <span className="font-normal text-muted">· lowest confidence first</span>
      </h3>
      <ul className="divide-y divide-line">
        {items.map((entry) => (
          <li key={entry.item.id} className="flex flex-col gap-3 py-3.5">
            <div className="flex flex-wrap items-start justify-between gap-x-4 gap-y-2">
              <div className="min-w-0 flex-1 basis-56">
                <p className="font-medium text-ink">{entry.item.title}</p>
                <ItemMeta item={entry.item} />
              </div>
              <div className="flex items-end gap-4">
                <MiniDistribution result={entry} />
                <Average result={entry} size="sm" />
              </div>
            </div>
            <CommentList comments={entry.comments} />
          </li>
        ))}
      </ul>
    </section>
  );
}

/** What the audience said so far: overall and per item, refreshed live as answers come in. */
export function RoundResults({ roadmapId, roundId }: { roadmapId: string; roundId: string }) {
  const results = useFeedbackResults(roadmapId, roundId);
  return (
    <Card aria-labelledby="results-title" data-testid="round-results">
      <CardHeader
        titleId="results-title"
        title="Results"
        description={
          results.data
            ? `${pluralize(results.data.round.respondentCount, "person", "people")} answered${results.data.round.status === "open" ? " so far" : ""}.`
            : "Everyone in the team sees the results."
        }
      />
      <CardBody className="flex flex-col gap-6">
        {results.data ? (
          results.data.overall.count === 0 && results.data.items.length === 0 ? (
            <p className="text-sm text-muted">No answers yet. Results appear here as people answer.</p>
          ) : (
            <>
              <OverallResult result={results.data.overall} />
              <ItemResults items={results.data.items} />
            </>
          )
        ) : results.error ? (
          <LoadError
            title="The results could not be loaded"
            error={results.error}
            onRetry={results.refetch}
          />
        ) : (
          <LoadingStatus label="Loading the results…" className="flex flex-col gap-3">
            <Skeleton className="h-9 w-24" />
            <Skeleton className="h-40 w-full" />
          </LoadingStatus>
        )}
      </CardBody>
    </Card>
  );
}
