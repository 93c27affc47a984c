"use client";

import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { Field } from "@/components/ui/field";
import { AlertIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { horizonAdvice } from "@/lib/client/roadmaps";
import { HORIZON } from "@/lib/validation/roadmap-kinds";

const PRESETS = [12, 15, 18];

/**
 * Months the roadmap spans: 12-18 recommended (a warning outside), 3-36 allowed (the server answers
 * 422 horizon_out_of_range beyond; its message arrives as `error`).
 */
export function HorizonField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (value: string) => void;
  error?: string | null;
}) {
  const months = Number(value);
  const advice = value.trim() === "" ? null : horizonAdvice(months);
  const adviceId = useId();
  return (
    <div className="flex flex-col gap-1.5">
      <Field
        label="Horizon in months"
        error={error}
        hint={`How far ahead the roadmap plans: ${HORIZON.recommendedMin} to ${HORIZON.recommendedMax} months is recommended (${HORIZON.min}–${HORIZON.max} possible).`}
      >
        {(control) => (
          <div className="flex flex-wrap items-center gap-2">
            <div className="w-24">
              <Input
                {...control}
                aria-describedby={
                  cx(control["aria-describedby"], advice && advice.tone !== "ok" && adviceId) || undefined
                }
                type="number"
                inputMode="numeric"
                min={HORIZON.min}
                max={HORIZON.max}
                step={1}
                value={value}
                onChange={(e) => onChange(e.target.value)}
              />
            </div>
            <div role="group" aria-label="Common horizons" className="flex gap-1">
              {PRESETS.map((p) => (
                <button
                  key={p}
                  type="button"
                  aria-pressed={months === p}
                  onClick={() => onChange(String(p))}
                  className={cx(
                    "h-8 rounded-md border px-2.5 text-[13px] font-medium",
                    months === p
                      ? "border-accent-600 bg-accent-50 text-accent-800"
                      : "border-line-strong bg-surface text-ink-soft hover:bg-subtle",
                  )}
                >
                  {p} months
                </button>
              ))}
            </div>
          </div>
        )}
      </Field>
      <div role="status">
        {advice && advice.tone !== "ok" && !error && (
          <p
            id={adviceId}
            className="flex items-start gap-1.5 rounded-md border border-warning-200 bg-warning-50 px-2.5 py-2 text-[13px] leading-5 text-warning-800"
          >
            <AlertIcon className="mt-0.5 size-3.5 shrink-0" />
            {advice.message}
          </p>
        )}
      </div>
    </div>
  );
}
