"use client";

import { useDateText } from "@/lib/client/dates";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ArrowRightIcon, RoadmapIcon } from "@/components/ui/icons";
import { LocalDate } from "@/components/ui/local-date";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useDiff, useSnapshots, type DiffResponse, type DiffSide } from "@/lib/client/reviews";
import { ChangeDetails } from "./change-details";
import { ComparePicker } from "./compare-picker";
import { dayShift, summaryLine, timelineCompareHref } from "./review-text";

function Report({ roadmapId, answer }: { roadmapId: string; answer: DiffResponse }) {
  const dt = useDateText();
  const { diff, from, to } = answer;

  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="report-title">
        <CardHeader
          titleId="report-title"
          title={
            <span className="flex flex-wrap items-center gap-x-2 gap-y-1">
              <span>
                “{from.label}”{" "}
                <span className="font-normal text-muted">
                  (<LocalDate value={from.at} />)
                </span>
              </span>
              <ArrowRightIcon className="size-4 text-muted" aria-label="to" />
              <span>
                {to.id === "now" ? (
                  "Now"
                ) : (
                  <>
                    “{to.label}”{" "}
                    <span className="font-normal text-muted">
                      (<LocalDate value={to.at} />)
                    </span>
                  </>
                )}
              </span>
            </span>
          }
          actions={
            from.id !== "now" &&
            to.id === "now" && (
              <ButtonLink
                size="sm"
                variant="secondary"
                icon={<RoadmapIcon className="size-4" />}
                href={timelineCompareHref(roadmapId, from.id)}
              >
                Show on timeline
              </ButtonLink>
            )
          }
        />
        <CardBody className="flex flex-col gap-3">
          <p className="text-lg font-semibold text-ink" data-summary="">
            {summaryLine(diff.summary, diff.projectFinish.days)}
          </p>
          <p className="text-sm text-ink-soft">
            Project finish: {dt.date(diff.projectFinish.before)}
            {diff.projectFinish.days !== 0 && (
              <>
                {" "}
                → <strong className="font-semibold text-ink">{dt.date(diff.projectFinish.after)}</strong> (
                {dayShift(diff.projectFinish.days)})
              </>
            )}
            {diff.projectFinish.days === 0 && " (unchanged)"}
          </p>
        </CardBody>
      </Card>

      <ChangeDetails diff={diff} emptyText="No changes: the roadmap is the same in both versions." />
    </div>
  );
}

/** The change report between two versions (from, to in the address, so that it can be linked). */
export function ChangeReport({
  roadmapId,
  from,
  to,
}: {
  roadmapId: string;
  from: DiffSide | null;
  to: DiffSide;
}) {
  const diff = useDiff(roadmapId, from, to);
  const snapshots = useSnapshots(roadmapId);

  return (
    <div className="flex flex-col gap-6">
      {snapshots.data && snapshots.data.length > 0 && (
        <Card aria-label="Versions compared">
          <CardBody className="py-4">
            <ComparePicker
              key={`${from}-${to}`}
              roadmapId={roadmapId}
              snapshots={snapshots.data}
              from={from ?? undefined}
              to={to}
            />
          </CardBody>
        </Card>
      )}
      {!from ? (
        <p className="text-sm text-muted">
          {snapshots.data?.length === 0
            ? "There are no snapshots yet: record a review or take a snapshot first."
            : "Pick the versions to compare."}
        </p>
      ) : diff.data ? (
        <Report roadmapId={roadmapId} answer={diff.data} />
      ) : diff.error ? (
        <LoadError
          title="The change report could not be made"
          error={diff.error}
          onRetry={() => diff.refetch()}
        />
      ) : (
        <LoadingStatus label="Comparing the versions…" className="flex flex-col gap-6">
          <Skeleton className="h-28 w-full" />
          <Skeleton className="h-72 w-full" />
        </LoadingStatus>
      )}
    </div>
  );
}
