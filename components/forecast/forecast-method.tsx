"use client";

import { LIKELIHOOD_LABELS } from "@/components/risks/risk-labels";
import { useNumberText } from "@/components/resources/numbers";
import type { Forecast, Risk } from "@/lib/client/resources";

const DURATIONS: Record<string, string> = {
  "pert-beta":
    "each feature’s duration is drawn from a PERT-beta distribution of its three-point estimate (optimistic, likely, pessimistic hours)",
  "history-ratio":
    "each remaining feature’s duration is its estimate (the PERT mean) times a ratio drawn at random from the team’s done features, how long each really took over its estimate: its owner’s own ratios when they have at least 10, else its main skill’s, else the whole team’s; work in progress resumes from its remaining hours",
};

/** Where history's ratios came from, in words. */
function historyBasis(h: NonNullable<Forecast["method"]["history"]>): string {
  const { person, skill, team } = h.drawnFrom;
  return ` (${h.samples} done features in the team’s history; of the remaining features, ${person} drew from their owner’s record, ${skill} from their skill’s, ${team} from the team’s)`;
}

/**
 * How the answer was made, in a sentence, from the `method` the API returns: the duration model and
 * the chance each open risk fires in a run (by likelihood, or per risk).
 */
export function ForecastMethod({ forecast, risks }: { forecast: Forecast; risks: Risk[] }) {
  const num = useNumberText();
  const entries = Object.entries(forecast.method.riskProbabilities);
  const byLikelihood = entries.length > 0 && entries.every(([key]) => /^[1-5]$/.test(key));
  const titles = new Map(risks.map((r) => [r.id, r.title]));
  const chances = entries
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, p]) =>
      byLikelihood
        ? `${num.percent(p)} at likelihood ${key} (${LIKELIHOOD_LABELS[Number(key) - 1]?.toLowerCase()})`
        : `${num.percent(p)} for “${titles.get(key) ?? "a risk"}”`,
    );
  return (
    <p className="text-[13px] leading-5 text-ink-soft">
      <span className="font-semibold text-ink">Method: </span>
      {num.count(forecast.runs)} simulated runs with seed {forecast.seed}; in each,{" "}
      {DURATIONS[forecast.method.durations] ??
        `durations are drawn from a ${forecast.method.durations} distribution`}
      {forecast.method.history && historyBasis(forecast.method.history)}
      {chances.length > 0 ? (
        <>
          , and each open risk fires with a probability of {chances.join(", ")}, adding its delay to the items
          it is linked to
        </>
      ) : null}
      . Dependencies then carry every slip downstream.
    </p>
  );
}
