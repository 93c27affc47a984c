import type { ImportProgress } from "@/lib/client/imports";

function describe(progress: ImportProgress | null, what: string): string {
  if (!progress) return "Uploading the file…";
  if (progress.stage === "writing")
    return `Writing ${what}: ${progress.done.toLocaleString()} of ${progress.total.toLocaleString()}`;
  if (progress.stage === "reading") return "Reading the file…";
  return what === "the roadmap" ? "Reading the plan…" : "Checking the rows…";
}

/** A bar for the running import, with its stage in words (reading, then writing rows). */
export function ImportProgressBar({
  progress,
  what = "the roadmap",
}: {
  progress: ImportProgress | null;
  /** What the rows written are. */
  what?: string;
}) {
  const share = progress && progress.total > 0 ? progress.done / progress.total : 0;
  // Reading counts as the first fifth, writing as the rest: one bar that only moves forward.
  const value = !progress ? 2 : progress.stage === "writing" ? 20 + share * 80 : share * 20;
  const label = describe(progress, what);
  return (
    <div className="flex flex-col gap-2" role="status">
      <p className="text-sm font-medium text-ink">{label}</p>
      <div
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={Math.round(value)}
        aria-valuetext={label}
        className="h-2 overflow-hidden rounded-full bg-subtle ring-1 ring-line"
      >
        <div
          className="h-full rounded-full bg-accent-600 transition-[width] duration-300"
          style={{ width: `${value}%` }}
        />
      </div>
    </div>
  );
}
