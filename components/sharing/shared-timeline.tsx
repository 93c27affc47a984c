import { pluralize } from "@/lib/client/format";
import { PlanItemLine } from "./plan-item-line";
import { planByQuarter, quarterName, type PlanItem } from "./quarter-plan";

/** A compact read-only timeline: the horizon's quarters side by side, each listing its items by lane. */
export function SharedTimeline({
  roadmap,
  workstreams,
  items,
}: {
  roadmap: { startDate: string; horizonMonths: number };
  workstreams: ReadonlyArray<{ id: string; name: string }>;
  items: readonly PlanItem[];
}) {
  const quarters = planByQuarter(roadmap, workstreams, items);
  return (
    <section aria-labelledby="shared-timeline-title" className="flex flex-col gap-3">
      <h2 id="shared-timeline-title" className="text-lg font-semibold tracking-tight text-ink">
        Timeline
      </h2>
      {/* Scrolls sideways on narrow screens; keyboard users reach it through its focusable region. */}
      <div
        role="region"
        aria-label="Quarters of the timeline"
        tabIndex={0}
        className="-mx-4 overflow-x-auto px-4 pb-2 sm:mx-0 sm:px-0"
      >
        <ol className="flex min-w-max gap-3 sm:min-w-full">
          {quarters.map((q) => (
            <li
              key={q.quarter}
              className="flex w-64 shrink-0 flex-col rounded-xl border border-line bg-surface shadow-card sm:w-auto sm:min-w-60 sm:flex-1"
            >
              <div className="border-b border-line px-4 py-3">
                <h3 className="text-sm font-semibold text-ink">{quarterName(q.quarter)}</h3>
                <p className="text-xs text-muted">
                  {q.milestones + q.features === 0
                    ? "Nothing planned"
                    : `${pluralize(q.milestones, "milestone")} · ${pluralize(q.features, "feature")}`}
                </p>
              </div>
              <div className="flex flex-col gap-4 px-4 py-3">
                {q.lanes.map((lane) => (
                  <div key={lane.id ?? "none"}>
                    <h4 className="mb-1.5 text-[11px] font-semibold tracking-wide text-muted uppercase">
                      {lane.name}
                    </h4>
                    <ul className="flex flex-col gap-2">
                      {lane.items.map((item) => (
                        <li key={item.id}>
                          <PlanItemLine item={item} />
                        </li>
                      ))}
                    </ul>
                  </div>
                ))}
              </div>
            </li>
          ))}
        </ol>
      </div>
    </section>
  );
}
