"use client";

import { useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { PlusIcon } from "@/components/ui/icons";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useCadence, useReviews, useSnapshots, type Review } from "@/lib/client/reviews";
import type { Audience } from "@/lib/validation/communication";
import { RecordReviewDialog } from "./record-review-dialog";
import { ReviewHistory } from "./review-history";
import { AUDIENCE_LABEL, compareHref } from "./review-text";
import { SnapshotList } from "./snapshot-list";
import { UpcomingReviews } from "./upcoming-reviews";

/** The reviews page below its header: upcoming reviews and cadence, the history, snapshots. */
export function ReviewsView({ roadmapId, canEdit }: { roadmapId: string; canEdit: boolean }) {
  const cadence = useCadence(roadmapId);
  const reviews = useReviews(roadmapId);
  const snapshots = useSnapshots(roadmapId);
  const [dialog, setDialog] = useState({ open: false, audience: "executive" as Audience, n: 0 });
  const [recorded, setRecorded] = useState<Review | null>(null);

  if (!cadence.data || !reviews.data || !snapshots.data) {
    const failed = [cadence, reviews, snapshots].find((q) => q.error);
    return failed ? (
      <LoadError
        title="The reviews could not be loaded"
        error={failed.error}
        onRetry={() => failed.refetch()}
      />
    ) : (
      <LoadingStatus label="Loading the reviews…" className="flex flex-col gap-6">
        <Skeleton className="h-48 w-full" />
        <Skeleton className="h-72 w-full" />
      </LoadingStatus>
    );
  }

  function openRecord(audience: Audience) {
    setDialog((old) => ({ open: true, audience, n: old.n + 1 }));
  }

  return (
    <div className="flex flex-col gap-6">
      {canEdit && (
        <div className="flex flex-wrap justify-end gap-2 sm:-mt-2">
          <Button
            variant="primary"
            icon={<PlusIcon className="size-4" />}
            onClick={() => openRecord(cadence.data.upcoming[0]?.audience ?? "executive")}
          >
            Record a review
          </Button>
        </div>
      )}
      {recorded && (
        <Alert
          tone="success"
          title={`${AUDIENCE_LABEL[recorded.audience]} review recorded`}
          actions={
            <ButtonLink size="sm" variant="secondary" href={compareHref(roadmapId, recorded.snapshot.id)}>
              Compare with now
            </ButtonLink>
          }
        >
          The roadmap as it is was saved as the snapshot “{recorded.snapshot.label}”.
        </Alert>
      )}
      <UpcomingReviews roadmapId={roadmapId} cadence={cadence.data} canEdit={canEdit} onRecord={openRecord} />
      <div className="grid grid-cols-[minmax(0,1fr)] items-start gap-6 lg:grid-cols-[minmax(0,3fr)_minmax(0,2fr)]">
        <ReviewHistory roadmapId={roadmapId} reviews={reviews.data} />
        <SnapshotList roadmapId={roadmapId} snapshots={snapshots.data} canEdit={canEdit} />
      </div>
      {canEdit && (
        <RecordReviewDialog
          key={dialog.n}
          roadmapId={roadmapId}
          open={dialog.open}
          audience={dialog.audience}
          onClose={() => setDialog((old) => ({ ...old, open: false }))}
          onRecorded={(review) => {
            setDialog((old) => ({ ...old, open: false }));
            setRecorded(review);
          }}
        />
      )}
    </div>
  );
}
