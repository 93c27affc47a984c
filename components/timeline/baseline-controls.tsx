"use client";

import { useId } from "react";
import { cx } from "@/components/ui/cx";
import { Select } from "@/components/ui/select";
import { Spinner } from "@/components/ui/spinner";
import { errorMessage } from "@/lib/client/api";
import type { DateText } from "@/lib/client/dates";
import { BASELINE_COLOUR } from "./baseline-layer";
import type { BaselineState } from "./use-baseline";

/**
 * The toolbar's baseline picker (the last review's snapshot by default, any snapshot, or none) and
 * the "Slipped since baseline" filter, which needs a baseline to compare with.
 */
export function BaselineControls({ state, dt }: { state: BaselineState; dt: DateText }) {
  const id = useId();
  const { choice, lastReview, snapshots, baseline, slippedOnly, slippedCount } = state;
  const others = snapshots.filter((s) => s.id !== lastReview?.snapshotId);
  return (
    <div role="group" aria-label="Baseline" className="flex flex-wrap items-center gap-2">
      <label htmlFor={id} className="flex items-center gap-1.5 text-[13px] font-medium text-ink-soft">
        <span
          aria-hidden="true"
          className="inline-block h-[3px] w-4 rounded-full"
          style={{ background: BASELINE_COLOUR }}
        />
        Baseline
      </label>
      <Select
        id={id}
        size="sm"
        className="w-52"
        value={choice}
        onChange={(e) => state.setChoice(e.target.value)}
      >
        <option value="review">
          {lastReview ? `Last review: ${lastReview.label}` : "Last review (none yet)"}
        </option>
        {others.map((s) => (
          <option key={s.id} value={s.id}>
            {s.label} ({dt.date(s.createdAt.slice(0, 10))})
          </option>
        ))}
        <option value="none">No baseline</option>
      </Select>
      <button
        type="button"
        aria-pressed={slippedOnly}
        disabled={!baseline}
        title={baseline ? undefined : "Choose a baseline to compare with first"}
        onClick={() => state.setSlippedOnly(!slippedOnly)}
        className={cx(
          "flex h-8 items-center gap-1.5 rounded-md border px-2.5 text-[13px] font-medium shadow-xs transition-colors",
          "disabled:cursor-not-allowed disabled:opacity-60",
          slippedOnly
            ? "border-danger-700 bg-danger-50 text-danger-700"
            : "border-line-strong bg-surface text-ink-soft hover:bg-subtle",
        )}
      >
        Slipped since baseline
        {baseline && <span className="tabular-nums">({slippedCount})</span>}
      </button>
      {state.loading && <Spinner className="size-3.5 text-muted" />}
      {state.error ? (
        <span role="alert" className="text-[13px] text-danger-700">
          The baseline could not be loaded: {errorMessage(state.error)}
        </span>
      ) : null}
    </div>
  );
}
