"use client";

import type { ReactNode } from "react";
import { DataTable } from "@/components/dashboards/data-table";
import { useNumberText } from "@/components/resources/numbers";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadError } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { useDateText } from "@/lib/client/dates";
import { useConfidence } from "@/lib/client/learning";
import { useForecast, type Forecast, type ForecastParams } from "@/lib/client/resources";
import { CalibrationSummary } from "./calibration-summary";
import { METHOD_LABELS } from "./forecast-controls";
import { chooseMethod } from "./method-choice";
import { NotEnoughHistory, notEnoughHistory } from "./not-enough-history";

interface Row {
  id: string;
  title: string;
  target: string | null;
  pert?: Figures;
  history?: Figures;
}
interface Figures {
  p50: string;
  p80: string;
  onTime: number | null;
}

/** Key milestones (all milestones when none is key) and the project finish, one row each. */
function rowsOf(pert: Forecast | undefined, history: Forecast | undefined): Row[] {
  const base = pert ?? history;
  if (!base) return [];
  const key = base.milestones.some((m) => m.isKey) ? base.milestones.filter((m) => m.isKey) : base.milestones;
  const figures = (f: Forecast | undefined, id: string): Figures | undefined => {
    const m = f?.milestones.find((x) => x.id === id);
    return m && { p50: m.p50, p80: m.p80, onTime: m.onTimeProbability };
  };
  const finish = (f: Forecast | undefined): Figures | undefined =>
    f && { p50: f.projectFinish.p50, p80: f.projectFinish.p80, onTime: null };
  return [
    ...[...key]
      .sort((a, b) => a.targetDate.localeCompare(b.targetDate))
      .map((m) => ({
        id: m.id,
        title: m.title,
        target: m.targetDate,
        pert: figures(pert, m.id),
        history: figures(history, m.id),
      })),
    { id: "finish", title: "Project finish", target: null, pert: finish(pert), history: finish(history) },
  ];
}

/**
 * PERT's forecast and history's side by side for each key milestone and the finish (P50, P80, the
 * chance of the target), which one to trust and why, and how the team's past P80s held.
 */
export function MethodComparison({ roadmapId, params }: { roadmapId: string; params: ForecastParams }) {
  const dt = useDateText();
  const num = useNumberText();
  const pert = useForecast(roadmapId, { runs: params.runs, seed: params.seed, method: "pert" });
  const history = useForecast(roadmapId, { runs: params.runs, seed: params.seed, method: "history" });
  const confidence = useConfidence(roadmapId);
  const missing = notEnoughHistory(history.error);
  const pertData = pert.isPlaceholderData ? undefined : pert.data;
  const historyData = history.isPlaceholderData || missing ? undefined : history.data;
  const rows = rowsOf(pertData, historyData);
  const choice =
    historyData || missing
      ? chooseMethod({
          history: historyData?.method.history ?? null,
          missing,
          tallies: confidence.data?.calibration.methods ?? [],
        })
      : null;

  const date = (d: string | undefined) => (d ? <time dateTime={d}>{dt.date(d)}</time> : "—");
  const late = (d: string | undefined, target: string | null): ReactNode =>
    d && target && d > target ? (
      <span className="font-medium text-danger-700">
        {date(d)}
        <span className="sr-only"> (after the target)</span>
      </span>
    ) : (
      date(d)
    );
  const methodColumns = (name: "PERT" | "History", pick: (r: Row) => Figures | undefined) => [
    { header: `${name} P50`, numeric: true, cell: (r: Row) => date(pick(r)?.p50) },
    { header: `${name} P80`, numeric: true, cell: (r: Row) => late(pick(r)?.p80, r.target) },
    {
      header: `${name} on time`,
      numeric: true,
      cell: (r: Row) => {
        const p = pick(r)?.onTime;
        return p === null || p === undefined ? "—" : num.percent(p);
      },
    },
  ];

  return (
    <Card aria-labelledby="methods-title">
      <CardHeader
        titleId="methods-title"
        title="PERT or history?"
        description="The same runs and seed, two ways of drawing each feature’s duration: from its three-point estimate (PERT), or from the estimate times how long the team’s done work really took against its estimates (history)."
      />
      <CardBody className="flex flex-col gap-4">
        {choice && (
          <div
            className="flex flex-col gap-1 rounded-lg border border-accent-200 bg-accent-50 px-4 py-3"
            data-testid="method-recommendation"
          >
            <p className="flex flex-wrap items-center gap-2 text-sm font-semibold text-ink">
              Recommended <Badge tone="success">{METHOD_LABELS[choice.method]}</Badge>
            </p>
            <p className="text-[13px] leading-5 text-ink-soft">{choice.reason}</p>
          </div>
        )}
        {missing && <NotEnoughHistory {...missing} />}
        {(pert.isFetching || history.isFetching) && rows.length > 0 && (
          <p role="status" className="text-[13px] text-muted">
            Running the {pert.isFetching ? "PERT" : "history"} forecast…
          </p>
        )}
        {pert.error && (
          <LoadError title="The PERT forecast could not be run" error={pert.error} onRetry={pert.refetch} />
        )}
        {history.error && !missing && (
          <LoadError
            title="The forecast from history could not be run"
            error={history.error}
            onRetry={history.refetch}
          />
        )}
        {rows.length === 0 ? (
          !pert.error && <Skeleton className="h-40 w-full" />
        ) : (
          <DataTable
            caption="Each key milestone and the project finish by both methods: the dates half and 80% of runs reach it by, and the chance of making its target"
            hideCaption
            testId="method-comparison"
            rows={rows}
            rowKey={(r) => r.id}
            columns={[
              { header: "Milestone", rowHeader: true, cell: (r) => r.title, className: "min-w-40" },
              { header: "Target", numeric: true, cell: (r) => date(r.target ?? undefined) },
              ...methodColumns("PERT", (r) => r.pert),
              ...(missing ? [] : methodColumns("History", (r) => r.history)),
            ]}
          />
        )}
        <CalibrationSummary confidence={confidence} />
      </CardBody>
    </Card>
  );
}
