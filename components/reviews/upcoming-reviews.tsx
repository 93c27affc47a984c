"use client";

import { useState, useSyncExternalStore } from "react";
import { useDateText } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { CopyField } from "@/components/ui/copy-field";
import { AlertIcon, CalendarIcon, PlusIcon, SettingsIcon } from "@/components/ui/icons";
import { TextLink } from "@/components/ui/text-link";
import { calendarPath, type Cadence } from "@/lib/client/reviews";
import type { Audience } from "@/lib/validation/communication";
import { CadenceForm } from "./cadence-form";
import { AUDIENCE_LABEL, INTERVAL_LABEL, overdueText } from "./review-text";

const subscribeNothing = () => () => {};

/** The page's origin in the browser ("" while rendering on the server). */
function useOrigin(): string {
  return useSyncExternalStore(
    subscribeNothing,
    () => window.location.origin,
    () => "",
  );
}

function CalendarFeed({ roadmapId }: { roadmapId: string }) {
  const origin = useOrigin();
  return (
    <div className="flex flex-col gap-2 border-t border-line pt-4">
      <h3 className="flex items-center gap-1.5 text-sm font-semibold text-ink">
        <CalendarIcon className="size-4 text-muted" />
        Subscribe in your calendar app
      </h3>
      <CopyField label="Calendar feed address" value={`${origin}${calendarPath(roadmapId)}`} />
      <p className="text-[13px] leading-5 text-muted">
        Upcoming reviews and key milestones as an iCalendar feed. It opens for someone signed in to Cairn; for
        a calendar app that cannot sign in, create a{" "}
        <TextLink href={`/roadmaps/${roadmapId}/share`}>share link</TextLink>, whose page offers a public
        feed.
      </p>
    </div>
  );
}

/**
 * "Upcoming reviews": one row per audience with a cadence, its next due date (overdue ones say so
 * in words and with an icon) and the dates after it; the cadence editor; the calendar feed.
 */
export function UpcomingReviews({
  roadmapId,
  cadence,
  canEdit,
  onRecord,
}: {
  roadmapId: string;
  cadence: Cadence;
  canEdit: boolean;
  onRecord: (audience: Audience) => void;
}) {
  const dt = useDateText();
  const [editing, setEditing] = useState(false);
  const empty = cadence.upcoming.length === 0;

  return (
    <Card aria-labelledby="upcoming-title">
      <CardHeader
        titleId="upcoming-title"
        title="Upcoming reviews"
        description="When each audience next sees the roadmap, from the review cadence."
        actions={
          canEdit &&
          !empty &&
          !editing && (
            <Button
              size="sm"
              variant="secondary"
              icon={<SettingsIcon className="size-4" />}
              onClick={() => setEditing(true)}
            >
              Edit cadence
            </Button>
          )
        }
      />
      <CardBody className="flex flex-col gap-5">
        {empty && (
          <p className="rounded-lg border border-dashed border-line-strong bg-canvas/60 px-4 py-3 text-sm leading-6 text-ink-soft">
            No review cadence yet — {canEdit ? "set one" : "an editor can set one"} so reviews show up here
            and in your calendar.
          </p>
        )}
        {canEdit && (empty || editing) ? (
          <CadenceForm
            // A fresh form (from the saved rules) each time it opens; not on a new version, which a
            // stale save (412) brings while the form must keep the edits beside the current rules.
            key={String(editing)}
            roadmapId={roadmapId}
            cadence={cadence}
            onDone={() => setEditing(false)}
            onCancel={editing ? () => setEditing(false) : undefined}
          />
        ) : (
          !empty && (
            <ul className="flex flex-col divide-y divide-line" aria-label="Reviews due">
              {cadence.upcoming.map((review) => {
                const overdue = overdueText(review, dt);
                return (
                  <li
                    key={review.audience}
                    className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3 first:pt-0 last:pb-0"
                  >
                    <div className="min-w-0 flex-1 basis-60">
                      <p className="flex flex-wrap items-center gap-2">
                        <span className="text-sm font-semibold text-ink">
                          {AUDIENCE_LABEL[review.audience]} review
                        </span>
                        <Badge>{INTERVAL_LABEL[review.every]}</Badge>
                      </p>
                      {overdue ? (
                        <p className="mt-1 flex items-center gap-1.5 text-sm font-medium text-danger-700">
                          <AlertIcon className="size-4 shrink-0" />
                          {overdue}
                        </p>
                      ) : (
                        <p className="mt-1 text-sm text-ink">
                          Next on <time dateTime={review.nextDue}>{dt.date(review.nextDue)}</time>
                        </p>
                      )}
                      {review.following.length > 0 && (
                        <p className="mt-0.5 text-[13px] text-muted">
                          Then{" "}
                          {review.following
                            .slice(0, 3)
                            .map((d) => dt.date(d))
                            .join(", ")}
                        </p>
                      )}
                    </div>
                    {canEdit && (
                      <Button
                        size="sm"
                        variant={review.overdue ? "primary" : "secondary"}
                        icon={<PlusIcon className="size-4" />}
                        onClick={() => onRecord(review.audience)}
                      >
                        Record review
                        <span className="sr-only"> ({AUDIENCE_LABEL[review.audience].toLowerCase()})</span>
                      </Button>
                    )}
                  </li>
                );
              })}
            </ul>
          )
        )}
        <CalendarFeed roadmapId={roadmapId} />
      </CardBody>
    </Card>
  );
}
