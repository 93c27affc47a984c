import type { ReactNode } from "react";
import {
  GaugeIcon,
  MessageIcon,
  PlugIcon,
  PresentationIcon,
  RoadmapIcon,
  ShieldIcon,
} from "@/components/ui/icons";

const CAPABILITIES: Array<{ icon: ReactNode; title: string; text: string }> = [
  {
    icon: <RoadmapIcon className="size-5" />,
    title: "Timeline and critical path",
    text: "Quarters, workstreams, features and milestones linked by dependencies. Cairn computes the critical path and flags milestones that cannot make their date.",
  },
  {
    icon: <GaugeIcon className="size-5" />,
    title: "Capacity and staffing",
    text: "Three-point estimates roll up per workstream, quarter and phase. See demand against capacity per skill, and who to hire or move, by when.",
  },
  {
    icon: <ShieldIcon className="size-5" />,
    title: "Risks and forecasts",
    text: "A risk register with a heat map and contingency plans, and Monte-Carlo P50, P80 and P95 dates for every milestone.",
  },
  {
    icon: <MessageIcon className="size-5" />,
    title: "Planning together, live",
    text: "Everyone edits at once and sees each change within a second. Threads, @mentions and feasibility verdicts sit on the work itself.",
  },
  {
    icon: <PresentationIcon className="size-5" />,
    title: "Reviews that communicate",
    text: "Review cadences, snapshots and diffs, feedback rounds, an executive one-pager and read-only share links that expire.",
  },
  {
    icon: <PlugIcon className="size-5" />,
    title: "Open by design",
    text: "A versioned JSON API with personal tokens and OpenAPI, and imports from JSON, CSV and Microsoft Project.",
  },
];

export function CapabilityGrid() {
  return (
    <ul className="grid gap-px overflow-hidden rounded-2xl border border-line bg-line sm:grid-cols-2 lg:grid-cols-3">
      {CAPABILITIES.map((c) => (
        <li key={c.title} className="bg-surface p-6">
          <div className="flex size-9 items-center justify-center rounded-lg bg-accent-50 text-accent-700 ring-1 ring-accent-100">
            {c.icon}
          </div>
          <h3 className="mt-4 text-[15px] font-semibold tracking-tight text-ink">{c.title}</h3>
          <p className="mt-1.5 text-sm leading-6 text-muted">{c.text}</p>
        </li>
      ))}
    </ul>
  );
}
