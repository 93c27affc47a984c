import { cx } from "@/components/ui/cx";
import { FlagIcon } from "@/components/ui/icons";
import { PROGRESS_FILLS } from "@/lib/planning/timeline-style";
import { BASELINE_COLOUR, DoneMarkBadge } from "./baseline-layer";
import { CRITICAL_COLOUR, STATUS_INFO, STATUS_ORDER, StatusGlyph, WarningGlyph } from "./item-status";

/** What the shapes and colours mean; every status has its own icon as well as its colour. */
export function TimelineLegend({
  showCritical,
  withBaseline,
}: {
  showCritical: boolean;
  withBaseline: boolean;
}) {
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 text-xs text-ink-soft">
      <h2 className="sr-only">Legend</h2>
      {STATUS_ORDER.map((status) => (
        <span key={status} className="inline-flex items-center gap-1.5">
          <span
            className={cx(
              "inline-flex h-4 w-6 items-center justify-center rounded border",
              STATUS_INFO[status].swatch,
            )}
          >
            <StatusGlyph status={status} className="size-3" />
          </span>
          {STATUS_INFO[status].label}
        </span>
      ))}
      <span className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block size-2.5 rotate-45 border-2 border-[#4b5563] bg-white"
        />
        Milestone
      </span>
      <span className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-block size-3 rotate-45 border-2 border-accent-900 bg-accent-800"
        />
        <FlagIcon className="size-3.5 text-accent-800" />
        Key milestone
      </span>
      {showCritical && (
        <span className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-4 w-6 rounded border-2 bg-[#eef1f5]"
            style={{ borderColor: CRITICAL_COLOUR, boxShadow: `inset 0 -3px 0 ${CRITICAL_COLOUR}` }}
          />
          Critical path (thick border)
        </span>
      )}
      <span className="inline-flex items-center gap-1.5">
        <WarningGlyph className="size-3.5" />
        Date problem (red ring)
      </span>
      <span className="inline-flex items-center gap-1.5">
        <span aria-hidden="true" className="inline-block h-3 w-0.5 bg-danger-600" />
        Today
      </span>
      <span className="inline-flex items-center gap-1.5">
        <span
          aria-hidden="true"
          className="inline-flex h-4 w-6 overflow-hidden rounded border border-[#2f63c4] bg-[#dde8fb]"
        >
          <span className="w-1/2" style={{ background: PROGRESS_FILLS.in_progress }} />
        </span>
        Progress (shaded share)
      </span>
      {withBaseline && (
        <span className="inline-flex items-center gap-1.5">
          <span
            aria-hidden="true"
            className="inline-block h-[3px] w-6 rounded-full"
            style={{ background: BASELINE_COLOUR }}
          />
          Baseline, with the slip in working days
        </span>
      )}
      <span className="inline-flex items-center gap-1.5">
        <DoneMarkBadge mark="late" />
        <DoneMarkBadge mark="early" />
        Finished after or before its date
      </span>
      <span>+3d: lag in working days</span>
    </div>
  );
}
