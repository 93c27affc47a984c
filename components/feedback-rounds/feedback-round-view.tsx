"use client";

import { AUDIENCE_LABELS } from "@/components/dashboards/audience-labels";
import { useDateText, useToday } from "@/lib/client/dates";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { LocalDate } from "@/components/ui/local-date";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { pluralize } from "@/lib/client/format";
import {
  useCloseFeedbackRound,
  useFeedbackRound,
  type FeedbackRoundDetail,
} from "@/lib/client/feedback-rounds";
import { can } from "@/lib/validation/permissions";
import type { Role } from "@/lib/validation/common";
import { AnswerSection } from "./answer-section";
import { closesInText } from "./feedback-facts";
import { RoundResults } from "./round-results";

/** "Open until 4 Dec 2026 · closes in 3 days" or "Closed on 2 Dec 2026 — read-only". */
function RoundStatus({ round }: { round: FeedbackRoundDetail["round"] }) {
  const dt = useDateText();
  const today = useToday();
  if (round.status === "closed") {
    const on = round.closedAt ? round.closedAt.slice(0, 10) : round.closesOn;
    return (
      <p className="flex flex-wrap items-center gap-2 text-sm text-ink-soft" data-testid="round-status">
        <Badge>Closed</Badge>
        <span>
          Closed on <time dateTime={on}>{dt.date(on)}</time> — read-only
        </span>
      </p>
    );
  }
  return (
    <p className="flex flex-wrap items-center gap-2 text-sm text-ink-soft" data-testid="round-status">
      <Badge tone="success">Open</Badge>
      <span>
        Open until <time dateTime={round.closesOn}>{dt.date(round.closesOn)}</time>
        {today && <span className="text-muted"> · {closesInText(today, round.closesOn)}</span>}
      </span>
    </p>
  );
}

function RoundSummary({
  roadmapId,
  detail,
  canEdit,
}: {
  roadmapId: string;
  detail: FeedbackRoundDetail;
  canEdit: boolean;
}) {
  const { round } = detail;
  const close = useCloseFeedbackRound(roadmapId, round.id);
  return (
    <Card aria-labelledby="round-question">
      <CardBody className="flex flex-col gap-4">
        <div className="flex flex-wrap items-start justify-between gap-4">
          <div className="min-w-0 flex-1 basis-80">
            <p className="text-[13px] font-medium text-muted">
              Asked of <span className="text-ink-soft">{AUDIENCE_LABELS[round.audience]}</span>
            </p>
            <h2 id="round-question" className="mt-1 text-lg leading-7 font-semibold tracking-tight text-ink">
              {round.question}
            </h2>
          </div>
          {canEdit && round.status === "open" && (
            <ConfirmButton
              variant="danger-outline"
              title="Close this round?"
              description="Nobody can answer or change an answer after that. The results stay as they are."
              confirmLabel="Close round"
              onConfirm={() => close.mutateAsync()}
            >
              Close round
            </ConfirmButton>
          )}
        </div>
        <div className="flex flex-col gap-1.5">
          <RoundStatus round={round} />
          <p className="text-[13px] text-muted">
            About the snapshot <span className="font-medium text-ink-soft">{round.snapshot.label}</span>,
            taken <LocalDate value={round.snapshot.createdAt} />
            {" · "}
            {pluralize(detail.items.length, "item")} · {pluralize(round.respondentCount, "respondent")}
          </p>
        </div>
      </CardBody>
    </Card>
  );
}

/** A feedback round's page: what it asks, the caller's answers, and the results so far. */
export function FeedbackRoundView({
  roadmapId,
  roundId,
  role,
  canEdit,
}: {
  roadmapId: string;
  roundId: string;
  role: Role;
  canEdit: boolean;
}) {
  const round = useFeedbackRound(roadmapId, roundId);

  if (!round.data) {
    return round.error ? (
      <LoadError title="The feedback round could not be loaded" error={round.error} onRetry={round.refetch} />
    ) : (
      <LoadingStatus label="Loading the feedback round…" className="flex flex-col gap-4">
        <Skeleton className="h-32 w-full" />
        <Skeleton className="h-80 w-full" />
      </LoadingStatus>
    );
  }

  const detail = round.data;
  // Commenters and above answer; viewers only read the results.
  const mayAnswer = can(role, "comment.write");
  return (
    <div className="flex flex-col gap-6">
      <p className="text-sm">
        <TextLink href={`/roadmaps/${roadmapId}/feedback`}>← All feedback rounds</TextLink>
      </p>
      <RoundSummary roadmapId={roadmapId} detail={detail} canEdit={canEdit} />
      <div className={cx("grid grid-cols-[minmax(0,1fr)] items-start gap-6", mayAnswer && "xl:grid-cols-2")}>
        {mayAnswer && <AnswerSection roadmapId={roadmapId} detail={detail} />}
        <RoundResults roadmapId={roadmapId} roundId={roundId} />
      </div>
    </div>
  );
}
