"use client";

import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { FieldError } from "@/components/ui/field";
import { Input } from "@/components/ui/input";
import { EXPIRY_PRESETS, MAX_EXPIRY_DAYS, localDateAfter, type ExpiryChoice } from "./expiry";

type Option = "7" | "30" | "90" | "date";

/** When a share link stops working: 7, 30 or 90 days from now, or the end of a chosen day. */
export function ExpiryPicker({
  choice,
  onChange,
  error,
}: {
  choice: ExpiryChoice;
  onChange: (choice: ExpiryChoice) => void;
  error?: string | null;
}) {
  const id = useId();
  const selected: Option = choice.kind === "days" ? (String(choice.days) as Option) : "date";
  // Bounds only; the API checks the timestamp again.
  const today = new Date();
  const min = localDateAfter(today, 1);
  const max = localDateAfter(today, MAX_EXPIRY_DAYS);
  const options: { value: Option; label: string }[] = [
    ...EXPIRY_PRESETS.map((days) => ({ value: String(days) as Option, label: `${days} days` })),
    { value: "date", label: "On a date" },
  ];

  return (
    <fieldset className="flex min-w-0 flex-col gap-1.5" aria-describedby={error ? `${id}-error` : undefined}>
      <legend className="mb-1.5 text-[13px] font-medium text-ink">Expires after</legend>
      <div className="flex flex-wrap items-center gap-2">
        <div className="grid grid-cols-4 gap-1 rounded-md border border-line-strong bg-subtle p-0.5">
          {options.map((option) => (
            <label
              key={option.value}
              className={cx(
                "flex h-8 cursor-pointer items-center justify-center rounded px-3 text-[13px] font-medium whitespace-nowrap has-[:focus-visible]:outline-2 has-[:focus-visible]:outline-accent-600",
                selected === option.value
                  ? "bg-surface text-ink shadow-xs ring-1 ring-line-strong"
                  : "text-ink-soft hover:text-ink",
              )}
            >
              <input
                type="radio"
                name={`expiry-${id}`}
                value={option.value}
                checked={selected === option.value}
                onChange={() =>
                  onChange(
                    option.value === "date"
                      ? {
                          kind: "date",
                          date: choice.kind === "date" ? choice.date : localDateAfter(today, 14),
                        }
                      : { kind: "days", days: Number(option.value) as 7 | 30 | 90 },
                  )
                }
                className="sr-only"
              />
              {option.label}
            </label>
          ))}
        </div>
        {choice.kind === "date" && (
          <Input
            type="date"
            aria-label="Expiry date"
            aria-invalid={error ? true : undefined}
            min={min}
            max={max}
            value={choice.date}
            onChange={(e) => onChange({ kind: "date", date: e.target.value })}
            className="w-44"
          />
        )}
      </div>
      {error && <FieldError id={`${id}-error`}>{error}</FieldError>}
    </fieldset>
  );
}
