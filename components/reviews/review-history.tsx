"use client";

import { useDateText } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import type { Review } from "@/lib/client/reviews";
import { AUDIENCE_LABEL, compareHref } from "./review-text";

function ReviewEntry({ review, roadmapId }: { review: Review; roadmapId: string }) {
  const dt = useDateText();
  const titleId = `review-${review.id}`;
  return (
    <li className="py-4 first:pt-0 last:pb-0">
      <article aria-labelledby={titleId} className="flex flex-col gap-2">
        <div className="flex flex-wrap items-start justify-between gap-2">
          <div className="min-w-0">
            <h3 id={titleId} className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink">
              <Badge tone="accent">{AUDIENCE_LABEL[review.audience]}</Badge>
              <time dateTime={review.heldOn}>{dt.date(review.heldOn)}</time>
            </h3>
            <p className="mt-0.5 text-[13px] text-muted">
              Recorded by {review.createdBy?.name ?? "a former member"} · snapshot “{review.snapshot.label}”
            </p>
          </div>
          <ButtonLink size="sm" variant="secondary" href={compareHref(roadmapId, review.snapshot.id)}>
            Compare with now
            <span className="sr-only">
              {" "}
              ({AUDIENCE_LABEL[review.audience].toLowerCase()} review of {dt.date(review.heldOn)})
            </span>
          </ButtonLink>
        </div>
        {review.decisions.length > 0 ? (
          <div>
            <h4 className="text-xs font-medium tracking-wide text-muted uppercase">Decisions</h4>
            <ul className="mt-1 list-disc space-y-0.5 pl-5 text-sm text-ink">
              {review.decisions.map((d, i) => (
                <li key={i}>{d}</li>
              ))}
            </ul>
          </div>
        ) : (
          <p className="text-sm text-muted">No decisions recorded.</p>
        )}
        {review.notes && (
          <details className="group text-sm">
            <summary className="cursor-pointer font-medium text-accent-700 select-none">Notes</summary>
            <p className="mt-1.5 whitespace-pre-wrap text-ink-soft">{review.notes}</p>
          </details>
        )}
      </article>
    </li>
  );
}

/** Reviews held, latest first, each with its decisions and a comparison with the plan now. */
export function ReviewHistory({ roadmapId, reviews }: { roadmapId: string; reviews: Review[] }) {
  return (
    <Card aria-labelledby="history-title">
      <CardHeader titleId="history-title" title="Review history" />
      <CardBody>
        {reviews.length === 0 ? (
          <p className="text-sm text-muted">
            No reviews recorded yet. Each review keeps its decisions and a snapshot of the roadmap, so you can
            see later what changed since.
          </p>
        ) : (
          <ul className="flex flex-col divide-y divide-line">
            {reviews.map((review) => (
              <ReviewEntry key={review.id} review={review} roadmapId={roadmapId} />
            ))}
          </ul>
        )}
      </CardBody>
    </Card>
  );
}
