"use client";

import { useDeferredValue, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { ButtonLink } from "@/components/ui/button-link";
import { EmptyState } from "@/components/ui/empty-state";
import { Field } from "@/components/ui/field";
import { PlusIcon, RoadmapIcon, SearchIcon } from "@/components/ui/icons";
import { Input } from "@/components/ui/input";
import { Select } from "@/components/ui/select";
import { pluralize } from "@/lib/client/format";
import type { RoadmapSummary } from "@/lib/validation/roadmaps";
import { RoadmapRow } from "./roadmap-row";

const SORTS = {
  updated: {
    label: "Last updated",
    compare: (a: RoadmapSummary, b: RoadmapSummary) => b.updatedAt.localeCompare(a.updatedAt),
  },
  title: {
    label: "Title",
    compare: (a: RoadmapSummary, b: RoadmapSummary) =>
      a.title.localeCompare(b.title, undefined, { sensitivity: "base" }),
  },
  start: {
    label: "Start date",
    compare: (a: RoadmapSummary, b: RoadmapSummary) => a.startDate.localeCompare(b.startDate),
  },
} as const;
type SortKey = keyof typeof SORTS;

export function RoadmapList({
  roadmaps,
  canCreate,
  newRoadmapHref,
}: {
  roadmaps: RoadmapSummary[];
  canCreate: boolean;
  newRoadmapHref: string;
}) {
  const [query, setQuery] = useState("");
  const [sort, setSort] = useState<SortKey>("updated");
  const deferredQuery = useDeferredValue(query);
  // Beside "New roadmap": the import page lives next to the new-roadmap page.
  const importHref = newRoadmapHref.replace(/\/new$/, "/import");

  const visible = useMemo(() => {
    const needle = deferredQuery.trim().toLocaleLowerCase();
    const matches = needle ? roadmaps.filter((r) => r.title.toLocaleLowerCase().includes(needle)) : roadmaps;
    return [...matches].sort(SORTS[sort].compare);
  }, [roadmaps, deferredQuery, sort]);

  if (roadmaps.length === 0) {
    return (
      <EmptyState
        icon={<RoadmapIcon className="size-5" />}
        title={canCreate ? "Draft your team’s first roadmap" : "No roadmaps yet"}
        description={
          <>
            <p>
              A roadmap lays out the next 12 to 18 months as quarters: workstreams, features with dates and
              effort, and milestones with measurable outcomes. Cairn then works out the critical path,
              staffing and risks.
            </p>
            {!canCreate && (
              <p className="mt-2">
                Editors and owners create roadmaps. Ask one of them to start one, or to make you an editor.
              </p>
            )}
          </>
        }
        action={
          canCreate ? (
            <>
              <ButtonLink href={newRoadmapHref} variant="primary" icon={<PlusIcon className="size-4" />}>
                New roadmap
              </ButtonLink>
              <ButtonLink href={importHref} variant="secondary">
                Import a plan
              </ButtonLink>
            </>
          ) : null
        }
      />
    );
  }

  return (
    <div className="flex flex-col gap-4">
      <div className="flex flex-col gap-3 sm:flex-row sm:items-center sm:justify-between">
        <Field label="Search roadmaps" hideLabel className="sm:w-80">
          {(control) => (
            <div className="relative">
              <SearchIcon className="pointer-events-none absolute top-1/2 left-3 size-4 -translate-y-1/2 text-muted" />
              <Input
                {...control}
                type="search"
                placeholder="Search by title"
                autoComplete="off"
                value={query}
                onChange={(e) => setQuery(e.target.value)}
                className="pl-9"
              />
            </div>
          )}
        </Field>
        <div className="flex items-center gap-2">
          {canCreate && (
            <ButtonLink href={importHref} variant="secondary" className="mr-2">
              Import
            </ButtonLink>
          )}
          <label htmlFor="roadmap-sort" className="text-[13px] font-medium whitespace-nowrap text-muted">
            Sort by
          </label>
          <Select
            id="roadmap-sort"
            value={sort}
            onChange={(e) => setSort(e.target.value as SortKey)}
            className="w-full sm:w-44"
          >
            {Object.entries(SORTS).map(([key, { label }]) => (
              <option key={key} value={key}>
                {label}
              </option>
            ))}
          </Select>
        </div>
      </div>

      <p role="status" className="sr-only">
        {deferredQuery.trim()
          ? `${pluralize(visible.length, "roadmap")} match “${deferredQuery.trim()}”.`
          : ""}
      </p>

      {visible.length === 0 ? (
        <EmptyState
          icon={<SearchIcon className="size-5" />}
          title={`No roadmap titles contain “${deferredQuery.trim()}”`}
          description="Check the spelling, or search for a shorter part of the title."
          action={
            <Button variant="secondary" onClick={() => setQuery("")}>
              Clear search
            </Button>
          }
        />
      ) : (
        <div className="overflow-hidden rounded-xl border border-line bg-surface shadow-card">
          <div
            aria-hidden="true"
            className="hidden grid-cols-[minmax(0,1fr)_7.5rem_6rem_11.5rem_7.5rem] gap-4 border-b border-line bg-canvas/70 px-5 py-2.5 text-xs font-medium text-muted lg:grid"
          >
            <span>Roadmap</span>
            <span>Starts</span>
            <span>Horizon</span>
            <span>Items</span>
            <span>Updated</span>
          </div>
          <ul className="divide-y divide-line">
            {visible.map((roadmap) => (
              <RoadmapRow key={roadmap.id} roadmap={roadmap} />
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
