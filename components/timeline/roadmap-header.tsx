"use client";

import type { ReactNode } from "react";
import { RoadmapHeaderShell } from "@/components/roadmaps/roadmap-header-shell";
import { Badge, type BadgeTone } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { CalendarIcon, ChevronDownIcon, SettingsIcon } from "@/components/ui/icons";
import { Menu, MenuButtonItem } from "@/components/ui/menu";
import { horizonAdvice } from "@/lib/client/roadmaps";
import { ROLE_INFO } from "@/lib/validation/roles";
import { horizonEnd } from "@/lib/planning/calendar";
import type { Role } from "@/lib/validation/common";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Item } from "@/lib/validation/timeline";
import type { DateText } from "@/lib/client/dates";
import { WarningGlyph } from "./item-status";

const STATUS: Record<Roadmap["status"], { label: string; tone: BadgeTone }> = {
  draft: { label: "Draft", tone: "neutral" },
  active: { label: "Active", tone: "success" },
  archived: { label: "Archived", tone: "warning" },
};

export interface Issues {
  missed: Item[];
  early: Item[];
}

function count(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

export function issuesSentence({ missed, early }: Issues): string {
  const parts: string[] = [];
  if (missed.length)
    parts.push(`${count(missed.length, "milestone misses its", "milestones miss their")} date`);
  if (early.length)
    parts.push(
      `${count(early.length, "feature starts", "features start")} before ${early.length === 1 ? "its" : "their"} dependencies allow`,
    );
  return parts.join(", ");
}

/** The roadmap's title, where it sits (team), its span, horizon, status and what needs attention. */
export function RoadmapHeader({
  roadmap,
  team,
  role,
  issues,
  dt,
  onSelectIssue,
  onOpenSettings,
  live,
}: {
  roadmap: Roadmap;
  team: { name: string; slug: string };
  role: Role;
  issues: Issues;
  dt: DateText;
  onSelectIssue: (itemId: string) => void;
  onOpenSettings: (() => void) | null;
  /** Who is here and whether changes are arriving. */
  live: ReactNode;
}) {
  const advice = horizonAdvice(roadmap.horizonMonths);
  const status = STATUS[roadmap.status];
  const issueCount = issues.missed.length + issues.early.length;
  const end = horizonEnd(roadmap.startDate, roadmap.horizonMonths);
  return (
    <RoadmapHeaderShell
      roadmap={roadmap}
      team={team}
      role={role}
      crumbs={[{ label: "Roadmaps", href: `/teams/${team.slug}` }, { label: roadmap.title }]}
      section="timeline"
    >
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 flex-1 basis-80">
          <h1 className="text-xl font-semibold tracking-tight text-ink sm:text-2xl">{roadmap.title}</h1>
          <div className="mt-1.5 flex flex-wrap items-center gap-x-3 gap-y-1.5 text-[13px] text-ink-soft">
            <span className="inline-flex items-center gap-1.5">
              <CalendarIcon className="size-4 text-muted" />
              <span className="sr-only">Spans </span>
              {dt.range(roadmap.startDate, end)}
            </span>
            <span className="inline-flex items-center gap-1.5">
              {roadmap.horizonMonths} months
              {advice.tone !== "ok" && (
                <Badge tone="warning" className="gap-1">
                  <WarningGlyph className="size-3" />
                  outside the recommended 12–18
                </Badge>
              )}
            </span>
            <Badge tone={status.tone}>
              <span className="sr-only">Status: </span>
              {status.label}
            </Badge>
            {roadmap.kind === "scenario" && <Badge tone="info">What-if scenario</Badge>}
            {!onOpenSettings && (
              <Badge tone="info">
                {role === "commenter" ? "Comments only" : "View only"} · {ROLE_INFO[role].label.toLowerCase()}
              </Badge>
            )}
          </div>
          {roadmap.description && (
            <p className="mt-1.5 line-clamp-2 max-w-3xl text-sm leading-6 text-muted">
              {roadmap.description}
            </p>
          )}
        </div>
        <div className="flex shrink-0 flex-wrap items-center gap-2">
          {live}
          {issueCount > 0 && (
            <Menu
              label="Items with date problems"
              align="end"
              triggerClassName="flex min-h-9 max-w-[min(34rem,calc(100vw-2rem))] items-center gap-2 rounded-md border border-danger-200 bg-danger-50 px-3 py-1.5 text-left text-[13px] font-medium text-danger-700 hover:bg-[#fbe6e6]"
              trigger={
                <>
                  <WarningGlyph className="size-4 shrink-0" />
                  <span className="sr-only">Issues: </span>
                  <span>{issuesSentence(issues)}</span>
                  <ChevronDownIcon className="size-4 shrink-0" />
                </>
              }
            >
              <div className="max-h-[60vh] overflow-y-auto">
                {issues.missed.map((item) => (
                  <MenuButtonItem key={item.id} onClick={() => onSelectIssue(item.id)}>
                    <WarningGlyph className="size-3.5 shrink-0" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">{item.title}</span>
                      <span className="block text-xs text-muted">
                        Milestone misses {dt.date(item.startDate)}
                      </span>
                    </span>
                  </MenuButtonItem>
                ))}
                {issues.early.map((item) => (
                  <MenuButtonItem key={item.id} onClick={() => onSelectIssue(item.id)}>
                    <WarningGlyph className="size-3.5 shrink-0" />
                    <span className="min-w-0 flex-1">
                      <span className="block truncate font-medium">{item.title}</span>
                      <span className="block text-xs text-muted">Starts before its dependencies allow</span>
                    </span>
                  </MenuButtonItem>
                ))}
              </div>
            </Menu>
          )}
          {onOpenSettings && (
            <Button variant="secondary" icon={<SettingsIcon className="size-4" />} onClick={onOpenSettings}>
              Settings
            </Button>
          )}
        </div>
      </div>
    </RoadmapHeaderShell>
  );
}
