"use client";

import { useState } from "react";
import { ChangeDetails } from "@/components/reviews/change-details";
import { summaryLine } from "@/components/reviews/review-text";
import { useDateText } from "@/lib/client/dates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ConfirmButton } from "@/components/ui/confirm-button";
import { RoadmapIcon } from "@/components/ui/icons";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import {
  useDiscardScenario,
  useScenarioComparison,
  type ApplyFailure,
  type ApplyScenarioResult,
  type ScenarioComparison,
} from "@/lib/client/scenarios";
import { ApplyScenarioDialog } from "./apply-scenario-dialog";
import { ScenarioConflicts } from "./scenario-conflicts";
import { FinishComparison, MilestoneComparison, StaffingComparison } from "./scenario-figures";
import { ScenarioStatusBadge } from "./scenario-list";
import { appliedSummary, closedReason, daysBetween } from "./scenario-text";

type Outcome = { kind: "applied"; result: ApplyScenarioResult } | { kind: "refused"; failure: ApplyFailure };

function OutcomeAlert({
  outcome,
  baseId,
  onReload,
}: {
  outcome: Outcome;
  baseId: string;
  onReload: () => void;
}) {
  if (outcome.kind === "applied")
    return (
      <Alert
        tone="success"
        title="Applied to the live roadmap"
        actions={
          <ButtonLink size="sm" variant="secondary" href={`/roadmaps/${baseId}`}>
            Open the live roadmap
          </ButtonLink>
        }
      >
        {appliedSummary(outcome.result)} A snapshot of the roadmap as it was is in its reviews, to compare
        with or go back to.
      </Alert>
    );
  const { failure } = outcome;
  switch (failure.kind) {
    case "conflicts":
      return (
        <Alert tone="warning" title="Not applied: the live roadmap changed the same things">
          <p className="mb-2">
            Nothing was changed. Settle these in the scenario or the live roadmap, then apply again.
          </p>
          <ScenarioConflicts conflicts={failure.conflicts} />
        </Alert>
      );
    case "stale":
      return (
        <Alert
          tone="warning"
          title="Not applied: the live roadmap changed"
          actions={
            <Button size="sm" variant="secondary" onClick={onReload}>
              Reload the comparison
            </Button>
          }
        >
          {failure.message} Nothing was changed.
        </Alert>
      );
    case "closed":
      return (
        <Alert tone="info" title="Already closed">
          {failure.message}
        </Alert>
      );
    default:
      return <Alert title="Not applied">{failure.message} Nothing was changed.</Alert>;
  }
}

function Comparison({
  comparison,
  canEdit,
  openApply,
  onReload,
}: {
  comparison: ScenarioComparison;
  canEdit: boolean;
  openApply: boolean;
  onReload: () => void;
}) {
  const dt = useDateText();
  const { scenario, base, diff, conflicts } = comparison;
  const scenarioId = scenario.roadmap.id;
  const discard = useDiscardScenario(base.id, scenarioId);
  const closed = closedReason(scenario.status);
  const [applyOpen, setApplyOpen] = useState(openApply && !closed && conflicts.length === 0);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const finishDays = daysBetween(
    comparison.projectFinish.base.earlyDate,
    comparison.projectFinish.scenario.earlyDate,
  );
  const applyBlocked =
    closed ?? (conflicts.length > 0 ? "Both sides changed the same things: see below." : null);

  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="comparison-title">
        <CardHeader
          titleId="comparison-title"
          title={
            <span className="flex flex-wrap items-center gap-2">
              “{scenario.roadmap.title}” against the live roadmap
              <ScenarioStatusBadge status={scenario.status} />
            </span>
          }
          description={
            closed ??
            `Live: “${base.title}”. The scenario was copied from it; the comparison is with it as it is now.`
          }
          actions={
            <ButtonLink
              size="sm"
              variant="secondary"
              icon={<RoadmapIcon className="size-4" />}
              href={`/roadmaps/${scenarioId}`}
            >
              Open scenario
            </ButtonLink>
          }
        />
        <CardBody className="flex flex-col gap-4">
          <p className="text-lg font-semibold text-ink" data-summary="">
            {summaryLine(diff.summary, finishDays ?? 0)}
          </p>
          <FinishComparison finish={comparison.projectFinish} dt={dt} />
          {canEdit && !closed && (
            <div className="flex flex-wrap items-center gap-2 border-t border-line pt-4">
              <Button
                variant="primary"
                onClick={() => setApplyOpen(true)}
                disabled={!!applyBlocked}
                aria-describedby={applyBlocked ? "apply-blocked" : undefined}
              >
                Apply to live roadmap
              </Button>
              <ConfirmButton
                variant="secondary"
                title={`Discard “${scenario.roadmap.title}”?`}
                description="The scenario stays readable, marked discarded, but can no longer be applied. The live roadmap is not changed."
                confirmLabel="Discard scenario"
                onConfirm={() => discard.mutateAsync()}
              >
                Discard
              </ConfirmButton>
              {applyBlocked && (
                <p id="apply-blocked" className="text-[13px] text-muted">
                  {applyBlocked}
                </p>
              )}
            </div>
          )}
        </CardBody>
      </Card>

      <div aria-live="polite" className="contents">
        {outcome && (
          <OutcomeAlert
            outcome={outcome}
            baseId={base.id}
            onReload={() => {
              setOutcome(null);
              onReload();
            }}
          />
        )}
      </div>

      {conflicts.length > 0 && !closed && (
        <Alert tone="warning" title="Applying now would be refused">
          <p className="mb-2">Since the copy, the live roadmap and the scenario both changed these:</p>
          <ScenarioConflicts conflicts={conflicts} />
        </Alert>
      )}

      <div className="grid items-start gap-6 lg:grid-cols-2">
        <MilestoneComparison milestones={comparison.milestones} dt={dt} />
        <StaffingComparison staffing={comparison.staffing} />
      </div>

      <section aria-labelledby="changes-title" className="flex flex-col gap-3">
        <h2 id="changes-title" className="text-[15px] font-semibold tracking-tight text-ink">
          What the scenario changes
        </h2>
        <ChangeDetails diff={diff} emptyText="No changes: the scenario is the same as the live roadmap." />
      </section>

      {canEdit && !closed && (
        <ApplyScenarioDialog
          open={applyOpen}
          onClose={() => setApplyOpen(false)}
          comparison={comparison}
          onApplied={(result) => setOutcome({ kind: "applied", result })}
          onRefused={(failure) => setOutcome({ kind: "refused", failure })}
        />
      )}
    </div>
  );
}

/** A scenario side by side with its live roadmap: finish, key milestones, staffing, the diff; apply or discard. */
export function ScenarioCompare({
  baseId,
  scenarioId,
  canEdit,
  openApply,
}: {
  baseId: string;
  scenarioId: string;
  canEdit: boolean;
  /** Open the apply dialog as soon as the comparison is there (the scenario banner's "Apply…"). */
  openApply: boolean;
}) {
  const comparison = useScenarioComparison(baseId, scenarioId);
  if (comparison.data) {
    if (comparison.data.scenario.baseRoadmapId !== baseId)
      return (
        <Alert title="Not a scenario of this roadmap">Open it from its own roadmap’s Scenarios page.</Alert>
      );
    return (
      <Comparison
        comparison={comparison.data}
        canEdit={canEdit}
        openApply={openApply}
        onReload={() => void comparison.refetch()}
      />
    );
  }
  if (comparison.error)
    return (
      <LoadError
        title="The comparison could not be made"
        error={comparison.error}
        onRetry={comparison.refetch}
      />
    );
  return (
    <LoadingStatus label="Comparing the scenario with the live roadmap…" className="flex flex-col gap-6">
      <Skeleton className="h-48 w-full" />
      <Skeleton className="h-64 w-full" />
    </LoadingStatus>
  );
}
