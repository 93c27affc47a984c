"use client";

import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PlusIcon, RoadmapIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { LocalDate } from "@/components/ui/local-date";
import { LoadError, LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import {
  SCENARIO_STATUS_LABEL,
  useCreateScenario,
  useScenarios,
  type Scenario,
} from "@/lib/client/scenarios";
import { scenarioCompareHref } from "./scenario-links";

const STATUS_TONE = { open: "accent", applied: "success", discarded: "neutral" } as const;

export function ScenarioStatusBadge({ status }: { status: Scenario["status"] }) {
  return (
    <Badge tone={STATUS_TONE[status]}>
      <span className="sr-only">Status: </span>
      {SCENARIO_STATUS_LABEL[status]}
    </Badge>
  );
}

/** "New scenario": a name, then straight to the copy's timeline to start changing it. */
function NewScenarioForm({ baseId }: { baseId: string }) {
  const router = useRouter();
  const create = useCreateScenario(baseId);
  const [name, setName] = useState("");
  const [missing, setMissing] = useState(false);

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    const trimmed = name.trim();
    setMissing(!trimmed);
    if (!trimmed) return;
    create.mutate(
      { name: trimmed },
      { onSuccess: (scenario) => router.push(`/roadmaps/${scenario.roadmap.id}`) },
    );
  }

  const error = missing
    ? "Name the scenario, e.g. “Hire a second backend engineer”."
    : (create.error?.issues[0]?.message ?? create.error?.message ?? null);
  return (
    <form onSubmit={onSubmit} noValidate className="flex flex-wrap items-start gap-2">
      <Field
        label="New scenario"
        hideLabel
        className="min-w-0 flex-1 basis-60"
        error={error}
        hint={
          create.isPending ? "Copying lanes, items, dependencies, phases, staffing and risks…" : undefined
        }
      >
        {(control) => (
          <Input
            {...control}
            value={name}
            maxLength={200}
            placeholder="Name, e.g. Hire a second backend engineer"
            onChange={(e) => setName(e.target.value)}
          />
        )}
      </Field>
      <Button
        type="submit"
        variant="primary"
        icon={<PlusIcon className="size-4" />}
        loading={create.isPending}
      >
        New scenario
      </Button>
    </form>
  );
}

function ScenarioRow({ baseId, scenario }: { baseId: string; scenario: Scenario }) {
  const { roadmap } = scenario;
  return (
    <li
      className="flex flex-wrap items-center justify-between gap-x-4 gap-y-2 py-3"
      data-scenario={roadmap.title}
    >
      <div className="min-w-0 flex-1 basis-64">
        <p className="flex flex-wrap items-center gap-2">
          <Link
            href={`/roadmaps/${roadmap.id}`}
            className="truncate text-sm font-medium text-ink underline-offset-[3px] hover:underline"
          >
            {roadmap.title}
          </Link>
          <ScenarioStatusBadge status={scenario.status} />
        </p>
        <p className="mt-0.5 text-[13px] text-muted">
          Made {scenario.createdBy ? `by ${scenario.createdBy.name} ` : ""}on{" "}
          <LocalDate value={scenario.createdAt} style="dateTime" />
        </p>
      </div>
      <div className="flex shrink-0 items-center gap-2">
        <ButtonLink
          size="sm"
          variant="secondary"
          href={`/roadmaps/${roadmap.id}`}
          aria-label={`Open “${roadmap.title}”`}
        >
          Open
        </ButtonLink>
        <ButtonLink
          size="sm"
          variant="secondary"
          href={scenarioCompareHref(baseId, roadmap.id)}
          aria-label={`Compare “${roadmap.title}” with the live roadmap`}
        >
          Compare
        </ButtonLink>
      </div>
    </li>
  );
}

/** The what-if scenarios of a (live) roadmap, and making a new one (editors). */
export function ScenarioList({ baseId, canEdit }: { baseId: string; canEdit: boolean }) {
  const scenarios = useScenarios(baseId);
  return (
    <Card aria-labelledby="scenarios-title">
      <CardHeader
        titleId="scenarios-title"
        title="What-if scenarios"
        description="Each is a full copy of this roadmap (lanes, items, dependencies, phases, staffing, risks): move, cut and re-staff it freely."
      />
      <CardBody className="flex flex-col gap-5">
        {canEdit && <NewScenarioForm baseId={baseId} />}
        {scenarios.data ? (
          scenarios.data.length === 0 ? (
            <EmptyState
              level={3}
              icon={<RoadmapIcon className="size-5" />}
              title="No scenarios yet"
              description={
                canEdit
                  ? "Name one above to try a change without touching the live roadmap."
                  : "Editors make scenarios to try changes without touching the live roadmap."
              }
            />
          ) : (
            <ul className="flex flex-col divide-y divide-line" aria-label="Scenarios">
              {scenarios.data.map((s) => (
                <ScenarioRow key={s.roadmap.id} baseId={baseId} scenario={s} />
              ))}
            </ul>
          )
        ) : scenarios.error ? (
          <LoadError
            title="The scenarios could not be loaded"
            error={scenarios.error}
            onRetry={scenarios.refetch}
          />
        ) : (
          <LoadingStatus label="Loading the scenarios…" className="flex flex-col gap-3">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-12 w-full" />
          </LoadingStatus>
        )}
      </CardBody>
    </Card>
  );
}
