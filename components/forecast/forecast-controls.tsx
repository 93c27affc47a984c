"use client";

import { useEffect, useState, type FormEvent } from "react";
import { useNumberText } from "@/components/resources/numbers";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import type { ForecastParams } from "@/lib/client/resources";
import type { ForecastMethod } from "@/lib/validation/learning-kinds";

export const RUN_CHOICES = [1_000, 5_000, 20_000, 100_000] as const;

export const METHOD_LABELS: Record<ForecastMethod, string> = {
  pert: "PERT: from the estimates",
  history: "History: from the team’s actuals",
};

/** Method, runs and seed, and the button that runs the forecast. */
export function ForecastControls({
  params,
  running,
  onRun,
}: {
  params: ForecastParams;
  running: boolean;
  onRun: (params: ForecastParams) => void;
}) {
  const num = useNumberText();
  const [runs, setRuns] = useState(String(params.runs));
  const [seed, setSeed] = useState(String(params.seed));
  const [method, setMethod] = useState<ForecastMethod>(params.method ?? "pert");
  const [error, setError] = useState<string | undefined>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (seed.trim() === "") {
      setError("Enter a seed: any whole number from 0.");
      return;
    }
    // The API's rules for the seed, in its words (the runs come from the list); the server checks
    // both again.
    const problem = seedProblem(seed.trim());
    if (problem) {
      setError(problem);
      return;
    }
    setError(undefined);
    onRun({ runs: Number(runs), seed: Number(seed.trim()), method });
  }

  return (
    <form noValidate onSubmit={submit} className="flex flex-wrap items-start gap-x-4 gap-y-3">
      <Field label="Method" className="w-full sm:w-72">
        {(control) => (
          <Select {...control} value={method} onChange={(e) => setMethod(e.target.value as ForecastMethod)}>
            {(Object.keys(METHOD_LABELS) as ForecastMethod[]).map((m) => (
              <option key={m} value={m}>
                {METHOD_LABELS[m]}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Simulations" className="w-40">
        {(control) => (
          <Select {...control} value={runs} onChange={(e) => setRuns(e.target.value)}>
            {RUN_CHOICES.map((n) => (
              <option key={n} value={n}>
                {num.count(n)}
              </option>
            ))}
          </Select>
        )}
      </Field>
      <Field label="Seed" error={error} hint="The same seed gives the same answer." className="w-48">
        {(control) => (
          <Input
            {...control}
            inputMode="numeric"
            autoComplete="off"
            value={seed}
            onChange={(e) => {
              setSeed(e.target.value);
              setError(undefined);
            }}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" loading={running} className="mt-[26px]">
        {running ? "Running…" : "Run forecast"}
      </Button>
    </form>
  );
}

/** Seconds since `since`, ticking while shown. */
function useSecondsSince(since: number): number {
  const [now, setNow] = useState(since);
  useEffect(() => {
    const timer = setInterval(() => setNow(performance.now()), 100);
    return () => clearInterval(timer);
  }, []);
  return Math.max(0, (now - since) / 1000);
}

/** While the simulations run: an indeterminate bar, the time so far, and Cancel. */
export function ForecastProgress({
  runs,
  startedAt,
  onCancel,
}: {
  runs: number;
  startedAt: number;
  onCancel: () => void;
}) {
  const num = useNumberText();
  const seconds = useSecondsSince(startedAt);
  return (
    <div className="flex flex-col gap-2 rounded-lg border border-accent-200 bg-accent-50 px-4 py-3">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <p role="status" className="flex items-center gap-2 text-sm font-medium text-accent-800">
          <Spinner className="size-4" />
          Running {num.count(runs)} simulations…
        </p>
        <div className="flex items-center gap-3">
          <span className="text-[13px] text-accent-800 tabular-nums" aria-hidden="true">
            {seconds.toFixed(1)} s
          </span>
          <Button size="sm" variant="secondary" onClick={onCancel}>
            Cancel
          </Button>
        </div>
      </div>
      <div
        role="progressbar"
        aria-label="Forecast progress"
        aria-valuetext={`Running, ${Math.floor(seconds)} seconds so far`}
        className="relative h-1.5 overflow-hidden rounded-full bg-accent-100"
      >
        <div className="absolute inset-y-0 w-1/3 animate-indeterminate rounded-full bg-accent-600" />
      </div>
    </div>
  );
}

function seedProblem(text: string): string | null {
  const value = Number(text);
  if (!Number.isFinite(value)) return "seed must be a number.";
  if (!Number.isInteger(value)) return "seed must be a whole number.";
  if (value < 0) return "seed cannot be negative.";
  if (value > 2 ** 31 - 1) return "seed must be below 2^31.";
  return null;
}
