"use client";

import type { DateText } from "@/lib/client/dates";
import type { Forecast } from "@/lib/client/resources";

/** When the whole roadmap finishes: the dates by which 50%, 80% and 95% of runs are done. */
export function ProjectFinish({ forecast, dt }: { forecast: Forecast; dt: DateText }) {
  const rows = [
    { key: "p50", label: "P50", words: "half of the runs finish by" },
    { key: "p80", label: "P80", words: "80% of runs finish by" },
    { key: "p95", label: "P95", words: "95% of runs finish by" },
  ] as const;
  return (
    <dl className="grid grid-cols-1 gap-3 sm:grid-cols-3">
      {rows.map((row) => (
        <div key={row.key} className="rounded-lg border border-line px-4 py-3">
          <dt className="text-xs text-muted">
            <span className="font-semibold text-ink-soft">{row.label}</span> · {row.words}
          </dt>
          <dd className="mt-1 text-lg font-semibold text-ink tabular-nums">
            <time dateTime={forecast.projectFinish[row.key]}>{dt.date(forecast.projectFinish[row.key])}</time>
          </dd>
        </div>
      ))}
    </dl>
  );
}
