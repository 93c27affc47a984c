import { cx } from "@/components/ui/cx";

const QUARTERS = ["Q1", "Q2", "Q3", "Q4", "Q1"];

const LANES: Array<{
  name: string;
  bars: Array<{ start: number; width: number; critical?: boolean; done?: boolean }>;
  milestones?: number[];
}> = [
  {
    name: "Platform",
    bars: [
      { start: 0, width: 17, done: true },
      { start: 19, width: 16, critical: true },
      { start: 44, width: 22, critical: true },
    ],
    milestones: [36],
  },
  {
    name: "Checkout",
    bars: [
      { start: 2, width: 9, done: true },
      { start: 12, width: 20 },
      { start: 56, width: 18 },
    ],
    milestones: [33],
  },
  {
    name: "Mobile",
    bars: [
      { start: 24, width: 26 },
      { start: 66, width: 22 },
    ],
  },
  {
    name: "Data",
    bars: [
      { start: 8, width: 18 },
      { start: 39, width: 22, critical: true },
    ],
  },
  {
    name: "Launch",
    bars: [
      { start: 46, width: 12 },
      { start: 82, width: 16 },
    ],
    milestones: [62, 97],
  },
];

const TODAY = 31;

function TodayLine({ label = false }: { label?: boolean }) {
  return (
    <div className="absolute inset-y-0 z-10 w-px bg-danger-600/70" style={{ left: `${TODAY}%` }}>
      {label && (
        <span className="absolute top-1/2 left-1 -translate-y-1/2 rounded bg-danger-600 px-1 text-[10px] leading-4 font-semibold text-white max-sm:hidden">
          Today
        </span>
      )}
    </div>
  );
}

/** A drawing of a Cairn timeline for the landing page (decorative; the real one is interactive). */
export function RoadmapPreview({ className }: { className?: string }) {
  return (
    <div
      aria-hidden="true"
      className={cx("overflow-hidden rounded-2xl border border-line bg-surface shadow-popover", className)}
    >
      <div className="flex items-center justify-between gap-4 border-b border-line px-4 py-3 sm:px-5">
        <div className="flex min-w-0 items-center gap-2.5">
          <span className="size-2.5 shrink-0 rounded-full bg-accent-500" />
          <span className="truncate text-sm font-semibold text-ink">Payments platform 2027</span>
          <span className="hidden rounded-full bg-accent-50 px-2 py-0.5 text-xs font-medium text-accent-800 ring-1 ring-accent-200 ring-inset sm:inline">
            Active
          </span>
        </div>
        <div className="flex -space-x-1.5">
          {["#0f7567", "#7a4d06", "#24467a", "#a31f1f"].map((color) => (
            <span
              key={color}
              className="size-6 rounded-full border-2 border-surface"
              style={{ backgroundColor: color }}
            />
          ))}
        </div>
      </div>
      <div className="grid grid-cols-1 sm:grid-cols-[88px_1fr]">
        <div className="hidden sm:block" />
        <div className="relative grid grid-cols-5 border-b border-line text-[11px] font-medium text-muted">
          <TodayLine label />
          {QUARTERS.map((q, i) => (
            <div key={i} className="border-l border-line px-2 py-2 first:border-l-0">
              {q} {i === 4 ? "’28" : "’27"}
            </div>
          ))}
        </div>
        {LANES.map((lane, index) => (
          <div key={lane.name} className="contents">
            <div
              className={cx(
                "hidden items-center px-4 text-xs font-medium text-ink-soft sm:flex",
                index < LANES.length - 1 && "border-b border-line",
              )}
            >
              {lane.name}
            </div>
            <div className={cx("relative h-11", index < LANES.length - 1 && "border-b border-line")}>
              <div className="absolute inset-0 grid grid-cols-5">
                {QUARTERS.map((_, i) => (
                  <div key={i} className="border-l border-line/70 first:border-l-0" />
                ))}
              </div>
              <TodayLine />
              {lane.bars.map((bar, i) => (
                <div
                  key={i}
                  className={cx(
                    "absolute top-1/2 h-5 -translate-y-1/2 rounded-[5px]",
                    bar.critical ? "bg-accent-600 shadow-sm" : bar.done ? "bg-accent-200" : "bg-[#d9d8d2]",
                  )}
                  style={{ left: `${bar.start}%`, width: `${bar.width}%` }}
                />
              ))}
              {lane.milestones?.map((at) => (
                <div
                  key={at}
                  className="absolute top-1/2 size-3 -translate-x-1/2 -translate-y-1/2 rotate-45 rounded-[2px] border-2 border-surface bg-ink"
                  style={{ left: `${at}%` }}
                />
              ))}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
