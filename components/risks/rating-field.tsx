"use client";

import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { FieldError } from "@/components/ui/field";

/** A 1-5 rating as five radio buttons side by side, each with its word ("4 Likely"). */
export function RatingField({
  label,
  name,
  words,
  value,
  onChange,
  error,
}: {
  label: string;
  name: string;
  words: readonly string[];
  value: number;
  onChange: (value: number) => void;
  error?: string;
}) {
  const id = useId();
  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 text-[13px] font-medium text-ink">
        {label} <span className="font-normal text-muted">({words[value - 1]?.toLowerCase()})</span>
      </legend>
      <div className="grid grid-cols-5 gap-1 rounded-md border border-line-strong bg-subtle p-0.5">
        {words.map((word, i) => {
          const n = i + 1;
          return (
            <label
              key={n}
              title={word}
              className={cx(
                "flex h-8 cursor-pointer items-center justify-center rounded text-[13px] font-semibold tabular-nums has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-600",
                value === n
                  ? "bg-surface text-ink shadow-xs ring-1 ring-line-strong"
                  : "text-ink-soft hover:text-ink",
              )}
            >
              <input
                type="radio"
                name={`${name}-${id}`}
                value={n}
                checked={value === n}
                onChange={() => onChange(n)}
                className="sr-only"
              />
              {n}
              <span className="sr-only"> {word}</span>
            </label>
          );
        })}
      </div>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </fieldset>
  );
}
