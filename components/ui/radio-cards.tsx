import type { ReactNode } from "react";
import { cx } from "./cx";

export interface RadioCardOption<V extends string> {
  value: V;
  label: ReactNode;
  summary: ReactNode;
}

/** Radio buttons as cards, each choice with a line on what it means, so people pick knowingly. */
export function RadioCards<V extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: {
  name: string;
  legend: ReactNode;
  options: readonly RadioCardOption<V>[];
  value: V;
  onChange: (value: V) => void;
}) {
  return (
    <fieldset>
      <legend className="text-[13px] font-medium text-ink">{legend}</legend>
      <div className="mt-1.5 grid gap-2 sm:grid-cols-2">
        {options.map((option) => (
          <label
            key={option.value}
            className={cx(
              "relative flex cursor-pointer gap-3 rounded-lg border bg-surface px-3.5 py-3 transition-colors",
              "has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-offset-2 has-[:focus-visible]:outline-accent-600",
              value === option.value
                ? "border-accent-600 bg-accent-50/60 ring-1 ring-accent-600"
                : "border-line hover:border-line-strong",
            )}
          >
            <input
              type="radio"
              name={name}
              value={option.value}
              checked={value === option.value}
              onChange={() => onChange(option.value)}
              className="mt-0.5 size-4 shrink-0 accent-accent-600 focus-visible:outline-none"
            />
            <span className="min-w-0">
              <span className="block text-sm font-medium text-ink">{option.label}</span>
              <span className="mt-0.5 block text-[13px] leading-5 text-muted">{option.summary}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
