"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNumberText } from "@/components/resources/numbers";
import { useDateText } from "@/lib/client/dates";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { LoadError } from "@/components/ui/query-state";
import { queryKeys } from "@/lib/client/query-keys";
import { useForecast, useRisks, type Forecast, type ForecastParams } from "@/lib/client/resources";
import { DEFAULT_FORECAST_RUNS } from "@/lib/validation/resource-kinds";
import { useBoard } from "@/lib/client/timeline";
import type { Item } from "@/lib/validation/timeline";
import { CriticalityList } from "./criticality-list";
import { ForecastControls, ForecastProgress } from "./forecast-controls";
import { ForecastMethod } from "./forecast-method";
import { MilestoneCurve } from "./milestone-curve";
import { MethodComparison } from "./method-comparison";
import { MilestoneTable } from "./milestone-table";
import { NotEnoughHistory, notEnoughHistory } from "./not-enough-history";
import { ProjectFinish } from "./project-finish";

const DEFAULT_PARAMS: ForecastParams = { runs: DEFAULT_FORECAST_RUNS, seed: 1, method: "pert" };
const sameRun = (a: ForecastParams, b: ForecastParams) =>
  a.runs === b.runs && a.seed === b.seed && (a.method ?? "pert") === (b.method ?? "pert");

function Results({
  forecast,
  items,
  selectedId,
  onSelect,
}: {
  forecast: Forecast;
  items: Item[];
  selectedId: string | null;
  onSelect: (id: string) => void;
}) {
  const dt = useDateText();
  const milestones = [...forecast.milestones].sort((a, b) => a.targetDate.localeCompare(b.targetDate));
  const selected =
    milestones.find((m) => m.id === selectedId) ?? milestones.find((m) => m.isKey) ?? milestones[0] ?? null;
  return (
    <>
      <Card aria-labelledby="finish-title">
        <CardHeader
          titleId="finish-title"
          title="Project finish"
          description="When the last item of the roadmap is done."
        />
        <CardBody>
          <ProjectFinish forecast={forecast} dt={dt} />
        </CardBody>
      </Card>
      <Card aria-labelledby="milestones-title">
        <CardHeader
          titleId="milestones-title"
          title="Milestones"
          description="P80 is the date to commit to: 4 runs in 5 reach the milestone by then."
        />
        <CardBody className="flex flex-col gap-6">
          {milestones.length === 0 ? (
            <p className="rounded-lg border border-dashed border-line-strong px-4 py-6 text-center text-sm text-muted">
              No milestones to forecast yet: add milestones (a date and a measurable outcome) on the timeline
              to see the chance of making each one.
            </p>
          ) : (
            <>
              <MilestoneTable
                milestones={milestones}
                selectedId={selected?.id ?? null}
                onSelect={onSelect}
                dt={dt}
              />
              {selected && <MilestoneCurve milestone={selected} dt={dt} />}
            </>
          )}
        </CardBody>
      </Card>
      <Card aria-labelledby="critical-title">
        <CardHeader
          titleId="critical-title"
          title="The items that most often decide the dates"
          description="How often each feature was on the critical path across the runs (its criticality index). Shortening or de-risking these moves the finish."
        />
        <CardBody>
          <CriticalityList forecast={forecast} items={items} />
        </CardBody>
      </Card>
    </>
  );
}

/**
 * The forecast page below its header: run it (method, runs, seed), watch it run, read the answer;
 * PERT's and history's answers side by side, which to trust, and how well past P80s held.
 */
export function ForecastView({ roadmapId }: { roadmapId: string }) {
  const queryClient = useQueryClient();
  const num = useNumberText();
  const board = useBoard(roadmapId);
  const risks = useRisks(roadmapId);
  const [params, setParams] = useState<ForecastParams | null>(DEFAULT_PARAMS);
  // When the running forecast was asked for: the first one runs as the page opens.
  const [startedAt, setStartedAt] = useState(() =>
    typeof performance === "undefined" ? 0 : performance.now(),
  );
  const [cancelled, setCancelled] = useState(false);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const forecast = useForecast(roadmapId, params);
  const data = forecast.data;
  const running = forecast.isFetching;
  const stale = data && !forecast.isPlaceholderData && forecast.isStale && !running;
  const notEnough = notEnoughHistory(forecast.error);

  function run(next: ForecastParams) {
    setCancelled(false);
    setStartedAt(performance.now());
    if (params && sameRun(next, params)) void forecast.refetch();
    else setParams(next);
  }

  function cancel() {
    if (!params) return;
    void queryClient.cancelQueries({ queryKey: queryKeys.forecast(roadmapId, params) });
    setParams(
      data && forecast.isPlaceholderData
        ? { runs: data.runs, seed: data.seed, method: data.method.name }
        : null,
    );
    setCancelled(true);
  }

  return (
    <div className="flex flex-col gap-6">
      <Card aria-labelledby="run-title">
        <CardHeader
          titleId="run-title"
          title="Monte-Carlo forecast"
          description="Simulates the roadmap many times over, with uncertain durations and risks that may or may not happen, and reads the dates off the runs."
        />
        <CardBody className="flex flex-col gap-4">
          <ForecastControls params={params ?? DEFAULT_PARAMS} running={running} onRun={run} />
          {running && (
            <ForecastProgress
              key={startedAt}
              runs={params?.runs ?? DEFAULT_PARAMS.runs}
              startedAt={startedAt}
              onCancel={cancel}
            />
          )}
          {!running && cancelled && (
            <Alert tone="info">The forecast was cancelled. Run it again when you are ready.</Alert>
          )}
          {!running && data && !forecast.isPlaceholderData && (
            <p role="status" className="text-[13px] text-ink-soft">
              {num.count(data.runs)} simulations with seed {data.seed}, computed in{" "}
              <span className="font-semibold tabular-nums">
                {data.elapsedMs < 1000
                  ? `${num.count(data.elapsedMs)} ms`
                  : `${num.decimal(data.elapsedMs / 1000)} s`}
              </span>
              .
            </p>
          )}
          {stale && (
            <Alert
              tone="warning"
              title="The plan changed since this forecast ran"
              actions={
                <Button size="sm" variant="secondary" onClick={() => run(params ?? DEFAULT_PARAMS)}>
                  Run it again
                </Button>
              }
            >
              The figures below are of the plan as it was.
            </Alert>
          )}
          {notEnough && !running && <NotEnoughHistory {...notEnough} />}
          {forecast.error && !notEnough && !running && (
            <LoadError
              title="The forecast could not be run"
              error={forecast.error}
              onRetry={() => run(params ?? DEFAULT_PARAMS)}
            />
          )}
          {data && !notEnough && <ForecastMethod forecast={data} risks={risks.data ?? []} />}
        </CardBody>
      </Card>
      <MethodComparison roadmapId={roadmapId} params={params ?? DEFAULT_PARAMS} />
      {data && !notEnough && board.data && (
        <div
          className={cx("flex flex-col gap-6", forecast.isPlaceholderData && "opacity-60")}
          aria-busy={forecast.isPlaceholderData || undefined}
        >
          {forecast.isPlaceholderData && (
            <p className="text-[13px] text-muted">Showing the previous run until this one finishes.</p>
          )}
          <Results
            forecast={data}
            items={board.data.items}
            selectedId={selectedId}
            onSelect={setSelectedId}
          />
        </div>
      )}
    </div>
  );
}
