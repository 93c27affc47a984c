"use client";

import { useState } from "react";
import { ChartLegend } from "@/components/dashboards/chart-legend";
import { StatTiles } from "@/components/dashboards/stat-tiles";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { LoadError } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import { Tabs, tabPanelProps } from "@/components/ui/tabs";
import { useEstimateAccuracy, type AccuracyGrouping, type EstimateAccuracy } from "@/lib/client/learning";
import { GroupTable } from "./group-table";
import { BIN_LEGEND, RatioHistogram } from "./ratio-histogram";
import { biasText, ratioText } from "./ratio-text";
import { WorstMisses } from "./worst-misses";

const GROUPINGS: { id: AccuracyGrouping; label: string }[] = [
  { id: "team", label: "Team" },
  { id: "skill", label: "Per skill" },
  { id: "person", label: "Per owner" },
];

const PREFIX = "accuracy";

const offBy = (g: { medianRatio: number | null }) =>
  g.medianRatio === null ? -1 : Math.abs(Math.log(g.medianRatio));

/** The headline numbers: how many, the median bias, the spread, and hours where logged. */
function Headline({ data }: { data: EstimateAccuracy }) {
  const late = data.medianRatio !== null && data.medianRatio > 1;
  return (
    <StatTiles
      label="Estimate accuracy headlines"
      tiles={[
        { label: "Done features", value: data.samples, detail: "with actual dates and an estimate" },
        {
          label: "Median bias",
          value: ratioText(data.medianRatio),
          detail: `half the work took ${biasText(data.medianRatio)} or more`,
          tone: late ? "danger" : "neutral",
        },
        {
          label: "Spread (P10–P90)",
          value: `${ratioText(data.p10Ratio)} – ${ratioText(data.p90Ratio)}`,
          detail: "8 features in 10 fall in this range",
        },
        {
          label: "Hours against estimate",
          value: data.hoursSamples ? ratioText(data.hoursMedianRatio) : "—",
          detail: data.hoursSamples ? `median of ${data.hoursSamples} with hours logged` : "No hours logged",
        },
      ]}
    />
  );
}

/**
 * Estimate accuracy of the roadmap's team: the headline bias, a histogram of actual over estimated
 * duration for the team or a chosen group, the numbers per team, skill or owner, and the worst misses.
 */
export function AccuracyView({ roadmapId }: { roadmapId: string }) {
  const [by, setBy] = useState<AccuracyGrouping>("team");
  const [selected, setSelected] = useState<string | null | undefined>(undefined);
  const accuracy = useEstimateAccuracy(roadmapId, by);
  const data = accuracy.data;
  // Until one is chosen, the group furthest from its estimates (on a log scale, as the misses are).
  const group =
    data?.groups.find((g) => g.key === selected) ??
    data?.groups.reduce((worst, g) => (offBy(g) > offBy(worst) ? g : worst), data.groups[0]);

  return (
    <div className="flex flex-col gap-6">
      {accuracy.error && (
        <LoadError
          title="Estimate accuracy could not load"
          error={accuracy.error}
          onRetry={accuracy.refetch}
        />
      )}
      {!data && !accuracy.error && <Skeleton className="h-64 w-full" />}
      {data && data.samples === 0 && (
        <Card>
          <CardBody>
            <p className="text-sm text-ink-soft">
              No done feature has actual start and finish dates and an estimate yet. When features are marked
              done (their actual dates are filled in then), how long they took against their estimates shows
              here.
            </p>
          </CardBody>
        </Card>
      )}
      {data && data.samples > 0 && (
        <>
          <Headline data={data} />
          <Card aria-labelledby="bias-title">
            <CardHeader
              titleId="bias-title"
              title="Actual over estimated duration"
              description="1× took as long as estimated (the PERT mean of the three-point estimate); 2× took twice as long."
            />
            <CardBody className="flex flex-col gap-4">
              <Tabs
                label="Group by"
                prefix={PREFIX}
                tabs={GROUPINGS}
                value={by}
                onChange={(next) => {
                  setBy(next);
                  setSelected(undefined);
                }}
              />
              <div {...tabPanelProps(PREFIX, by)} className="flex flex-col gap-4">
                {group && (
                  <section aria-labelledby="histogram-title" className="flex flex-col gap-2">
                    <h3 id="histogram-title" className="text-sm font-semibold text-ink">
                      {group.label}: {group.samples} done features, median {ratioText(group.medianRatio)} (
                      {biasText(group.medianRatio)})
                    </h3>
                    <ChartLegend entries={BIN_LEGEND} />
                    <RatioHistogram stats={group} name={group.label} />
                  </section>
                )}
                <GroupTable groups={data.groups} selectedKey={group?.key} onSelect={setSelected} />
              </div>
            </CardBody>
          </Card>
          <Card aria-labelledby="misses-title">
            <CardHeader
              titleId="misses-title"
              title={
                group && by !== "team"
                  ? `The features that missed most: ${group.label}`
                  : "The features that missed most"
              }
              description="Furthest from their estimate either way (taking half the time is as far off as taking twice). Open one to see what happened."
            />
            <CardBody>
              <WorstMisses misses={(group ?? data).worst} />
            </CardBody>
          </Card>
        </>
      )}
    </div>
  );
}
