"use client";

import { cx } from "@/components/ui/cx";
import { RATINGS, ratingLabel } from "./feedback-facts";

/**
 * A 1-5 confidence rating as native radio buttons in a fieldset: arrow keys move between them, and
 * each option's name carries its words ("4 Confident"), not just the number.
 */
export function RatingRadioGroup({
  legend,
  hideLegend = false,
  name,
  value,
  onChange,
  disabled,
  describedBy,
  invalid,
}: {
  legend: string;
  hideLegend?: boolean;
  name: string;
  value: number | null;
  onChange: (rating: number) => void;
  disabled?: boolean;
  describedBy?: string;
  invalid?: boolean;
}) {
  return (
    <fieldset aria-describedby={describedBy} aria-invalid={invalid || undefined} className="min-w-0">
      <legend className={cx("mb-2 text-[13px] font-medium text-ink", hideLegend && "sr-only")}>
        {legend}
      </legend>
      <div className="grid grid-cols-5 gap-1.5">
        {RATINGS.map((rating) => (
          <label key={rating} className="relative min-w-0">
            <input
              type="radio"
              name={name}
              value={rating}
              checked={value === rating}
              disabled={disabled}
              onChange={() => onChange(rating)}
              className="peer absolute inset-0 size-full cursor-pointer opacity-0 disabled:cursor-not-allowed"
            />
            <span
              className={cx(
                "flex h-full flex-col items-center justify-center gap-0.5 rounded-md border px-1 py-1.5 text-center transition-colors",
                "border-line-strong bg-surface text-ink-soft peer-hover:border-accent-600",
                "peer-checked:border-accent-600 peer-checked:bg-accent-50 peer-checked:text-accent-900 peer-checked:ring-1 peer-checked:ring-accent-600",
                "peer-focus-visible:outline-2 peer-focus-visible:outline-offset-2 peer-focus-visible:outline-accent-600",
                "peer-disabled:bg-subtle peer-disabled:text-muted",
                invalid && "border-danger-600",
              )}
            >
              <span className="text-base leading-5 font-semibold tabular-nums">{rating}</span>
              <span className="text-[11px] leading-tight">{ratingLabel(rating)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
