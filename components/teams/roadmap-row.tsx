import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { LocalDate } from "@/components/ui/local-date";
import { pluralize } from "@/lib/client/format";
import type { RoadmapSummary } from "@/lib/validation/roadmaps";

const STATUS: Record<RoadmapSummary["status"], { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  active: { label: "Active", tone: "success" },
  archived: { label: "Archived", tone: "warning" },
};

/** One roadmap in the team's list; the whole row opens it. */
export function RoadmapRow({ roadmap }: { roadmap: RoadmapSummary }) {
  const status = STATUS[roadmap.status];
  return (
    <li className="relative grid gap-x-4 gap-y-2 px-5 py-4 transition-colors hover:bg-canvas/70 ring-accent-600 ring-inset has-[a:focus-visible]:bg-canvas/70 has-[a:focus-visible]:ring-2 lg:grid-cols-[minmax(0,1fr)_7.5rem_6rem_11.5rem_7.5rem] lg:items-center">
      <div className="min-w-0">
        <div className="flex flex-wrap items-center gap-2">
          <Link
            href={`/roadmaps/${roadmap.id}`}
            className="truncate text-[15px] font-semibold tracking-tight text-ink after:absolute after:inset-0 after:content-[''] hover:text-accent-700 focus-visible:outline-none"
          >
            {roadmap.title}
          </Link>
          <Badge tone={status.tone}>{status.label}</Badge>
          {roadmap.kind === "scenario" && <Badge tone="info">What-if scenario</Badge>}
        </div>
        {roadmap.description && <p className="mt-1 line-clamp-1 text-sm text-muted">{roadmap.description}</p>}
      </div>
      <dl className="flex flex-wrap gap-x-4 gap-y-1 text-[13px] text-ink-soft lg:contents">
        <Meta label="Starts">
          <LocalDate value={roadmap.startDate} />
        </Meta>
        <Meta label="Horizon">{roadmap.horizonMonths} months</Meta>
        <Meta label="Items">
          {pluralize(roadmap.itemCount, "feature")}, {pluralize(roadmap.milestoneCount, "milestone")}
        </Meta>
        <Meta label="Updated">
          <LocalDate value={roadmap.updatedAt} />
        </Meta>
      </dl>
    </li>
  );
}

function Meta({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div className="flex items-baseline gap-1.5 lg:block">
      <dt className="text-muted lg:sr-only">{label}</dt>
      <dd className="tabular-nums">{children}</dd>
    </div>
  );
}
