import { CairnLogo } from "@/components/brand/logo";
import { Badge } from "@/components/ui/badge";
import { LocalDate } from "@/components/ui/local-date";
import { horizonEnd } from "@/lib/planning/calendar";
import type { SharedView } from "@/lib/validation/communication";
import { AUDIENCE_LABELS } from "./audiences";

/** The public chrome of a share link: whose view this is, that it is read-only, and until when. */
export function SharedViewHeader({ view }: { view: SharedView }) {
  const { roadmap } = view;
  return (
    <header className="border-b border-line bg-surface">
      <div className="mx-auto flex w-full max-w-6xl flex-col gap-4 px-4 py-5 sm:px-6 lg:px-8">
        <div className="flex flex-wrap items-center justify-between gap-3">
          <CairnLogo />
          <Badge tone="info">Shared roadmap — read-only</Badge>
        </div>
        <div>
          <h1 className="text-2xl font-semibold tracking-tight text-balance text-ink sm:text-3xl">
            {roadmap.title}
          </h1>
          <p className="mt-1.5 flex flex-wrap gap-x-3 gap-y-1 text-sm text-muted">
            <span>{AUDIENCE_LABELS[view.audience]} view</span>
            <span aria-hidden="true">·</span>
            <span>
              <LocalDate value={roadmap.startDate} style="month" /> –{" "}
              <LocalDate value={horizonEnd(roadmap.startDate, roadmap.horizonMonths)} style="month" />
            </span>
            <span aria-hidden="true">·</span>
            <span>
              Link expires <LocalDate value={view.expiresAt} />
            </span>
          </p>
        </div>
      </div>
    </header>
  );
}
