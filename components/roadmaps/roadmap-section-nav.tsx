import Link from "next/link";
import { cx } from "@/components/ui/cx";

export type RoadmapSection =
  | "timeline"
  | "dashboards"
  | "phases"
  | "capacity"
  | "risks"
  | "forecast"
  | "accuracy"
  | "actuals"
  | "scenarios"
  | "reviews"
  | "feedback"
  | "activity"
  | "share";

const SECTIONS: { id: RoadmapSection; label: string; path: string }[] = [
  { id: "timeline", label: "Timeline", path: "" },
  { id: "dashboards", label: "Dashboards", path: "/dashboards" },
  { id: "phases", label: "Phases", path: "/phases" },
  { id: "capacity", label: "Capacity", path: "/capacity" },
  { id: "risks", label: "Risks", path: "/risks" },
  { id: "forecast", label: "Forecast", path: "/forecast" },
  { id: "accuracy", label: "Estimate accuracy", path: "/accuracy" },
  { id: "actuals", label: "Import actuals", path: "/actuals" },
  { id: "scenarios", label: "Scenarios", path: "/scenarios" },
  { id: "reviews", label: "Reviews", path: "/reviews" },
  { id: "feedback", label: "Feedback", path: "/feedback" },
  { id: "activity", label: "Activity", path: "/activity" },
  { id: "share", label: "Share & export", path: "/share" },
];

/** The pages of one roadmap, the same on each of them; the one shown is marked aria-current. */
export function RoadmapSectionNav({
  roadmapId,
  current,
  className,
}: {
  roadmapId: string;
  current: RoadmapSection;
  className?: string;
}) {
  return (
    <nav aria-label="Roadmap sections" className={cx("relative -mx-1 overflow-x-auto", className)}>
      <ul className="flex min-w-max gap-1 border-b border-line px-1">
        {SECTIONS.map((section) => {
          const active = section.id === current;
          return (
            <li key={section.id}>
              <Link
                href={`/roadmaps/${roadmapId}${section.path}`}
                aria-current={active ? "page" : undefined}
                className={cx(
                  "-mb-px flex h-10 items-center border-b-2 px-3 text-sm font-medium whitespace-nowrap transition-colors focus-visible:-outline-offset-2",
                  active
                    ? "border-accent-600 text-ink"
                    : "border-transparent text-muted hover:border-line-strong hover:text-ink",
                )}
              >
                {section.label}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
