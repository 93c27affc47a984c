import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

export interface StatTile {
  label: string;
  value: ReactNode;
  /** A short line under the value, e.g. "P80: 12 May 2027". */
  detail?: ReactNode;
  /** Marks a figure that needs attention (with words in `detail`, never colour alone). */
  tone?: "neutral" | "danger" | "success";
}

/** The headline numbers of a dashboard, large, at its top. */
export function StatTiles({ tiles, label }: { tiles: StatTile[]; label: string }) {
  return (
    <dl aria-label={label} className="grid grid-cols-2 gap-3 lg:grid-cols-4">
      {tiles.map((tile) => (
        <div
          key={tile.label}
          className={cx(
            "flex min-w-0 flex-col rounded-xl border bg-surface px-4 py-3.5 shadow-card",
            tile.tone === "danger" ? "border-danger-200" : "border-line",
          )}
        >
          <dt className="text-[13px] font-medium text-muted">{tile.label}</dt>
          <dd
            className={cx(
              "order-first mt-0 text-xl leading-7 font-semibold tracking-tight tabular-nums sm:text-2xl lg:text-[28px] lg:leading-9",
              tile.tone === "danger"
                ? "text-danger-700"
                : tile.tone === "success"
                  ? "text-success-800"
                  : "text-ink",
            )}
          >
            {tile.value}
          </dd>
          {tile.detail && <dd className="mt-1 text-[13px] leading-5 text-ink-soft">{tile.detail}</dd>}
        </div>
      ))}
    </dl>
  );
}
