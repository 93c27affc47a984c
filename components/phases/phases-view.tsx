"use client";

import { useState } from "react";
import { PhaseCapacityTable } from "@/components/resources/phase-capacity-table";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { FlagIcon, PlusIcon } from "@/components/ui/icons";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { usePhases, type Phase } from "@/lib/client/phases";
import { useCapacity } from "@/lib/client/resources";
import { useBoard } from "@/lib/client/timeline";
import { addDays, addMonths, horizonEnd } from "@/lib/planning/calendar";
import { PhaseFormDialog } from "./lazy-dialogs";
import { PhaseRow } from "./phase-row";

/** A new phase starts the day after the last one ends (or with the roadmap) and lasts three months. */
function newPhaseDates(phases: Phase[], roadmap: { startDate: string; horizonMonths: number }) {
  const last = horizonEnd(roadmap.startDate, roadmap.horizonMonths);
  const after = phases.at(-1)?.endDate;
  const startDate = after && after < last ? addDays(after, 1) : roadmap.startDate;
  const endDate = addDays(addMonths(startDate, 3), -1);
  return { startDate, endDate: endDate < last ? endDate : last };
}

/** The phases page below its header: the phases in order with their gates, and hours per phase. */
export function PhasesView({ roadmapId, canEdit }: { roadmapId: string; canEdit: boolean }) {
  const phases = usePhases(roadmapId);
  const board = useBoard(roadmapId);
  const capacity = useCapacity(roadmapId);
  const [adding, setAdding] = useState(false);

  if (!phases.data || !board.data) {
    const error = phases.error ?? board.error;
    return error ? (
      <LoadError
        title="The phases could not be loaded"
        error={error}
        onRetry={() => (phases.error ? phases.refetch() : board.refetch())}
      />
    ) : (
      <LoadingStatus label="Loading the phases…" className="flex flex-col gap-4">
        <Skeleton className="h-64 w-full" />
        <Skeleton className="h-48 w-full" />
      </LoadingStatus>
    );
  }

  const list = phases.data;
  const nextGateId = list.find((p) => p.gate && !p.gate.decision)?.id;
  const hoursOf = new Map((capacity.data?.byPhase ?? []).map((p) => [p.phaseId, p]));
  const addButton = canEdit && (
    <Button variant="primary" icon={<PlusIcon className="size-4" />} onClick={() => setAdding(true)}>
      Add phase
    </Button>
  );

  return (
    <div className="flex flex-col gap-6">
      {list.length === 0 ? (
        <EmptyState
          icon={<FlagIcon className="size-5" />}
          title="No phases yet"
          description={
            canEdit
              ? "Cut the roadmap into named phases, such as Discovery, Core infrastructure and Launch, each ending in a go/no-go gate. They show as bands above the timeline."
              : "Editors of the team can cut the roadmap into named phases, each ending in a go/no-go gate."
          }
          action={addButton || null}
        />
      ) : (
        <Card aria-labelledby="phases-title">
          <CardHeader
            titleId="phases-title"
            title="Phases in order"
            description="Phases after an undecided gate (or one decided “replan” or “stop”) are subject to replanning until their own gate."
            actions={addButton}
          />
          <ol className="mt-4 border-t border-line">
            {list.map((phase) => (
              <PhaseRow
                key={phase.id}
                roadmapId={roadmapId}
                phase={phase}
                hours={hoursOf.get(phase.id)}
                canEdit={canEdit}
                nextGate={phase.id === nextGateId}
              />
            ))}
          </ol>
        </Card>
      )}
      {list.length > 0 && (
        <Card aria-labelledby="phase-hours-title">
          <CardHeader
            titleId="phase-hours-title"
            title="Hours per phase"
            description={
              <>
                What each phase asks of every skill against the people the staffing plan gives it. Plan people
                per quarter on the <TextLink href={`/roadmaps/${roadmapId}/capacity`}>capacity page</TextLink>
                .
              </>
            }
          />
          <CardBody>
            {capacity.data ? (
              <PhaseCapacityTable byPhase={capacity.data.byPhase} />
            ) : capacity.error ? (
              <LoadError
                title="Hours per phase could not be worked out"
                error={capacity.error}
                onRetry={capacity.refetch}
              />
            ) : (
              <LoadingStatus label="Working out hours per phase…">
                <Skeleton className="h-32 w-full" />
              </LoadingStatus>
            )}
          </CardBody>
        </Card>
      )}
      {adding && (
        <PhaseFormDialog
          roadmapId={roadmapId}
          phase={null}
          defaults={newPhaseDates(list, board.data.roadmap)}
          open
          onClose={() => setAdding(false)}
        />
      )}
    </div>
  );
}
