"use client";

import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { CalendarIcon, PlusIcon } from "@/components/ui/icons";
import { Spinner } from "@/components/ui/spinner";
import { AutoScheduleMenu } from "./auto-schedule-menu";
import { CRITICAL_COLOUR } from "./item-status";
import { TimelinePictureActions } from "./picture-actions";
import { ZOOMS, type Zoom } from "@/lib/planning/timeline-layout";

function KeyboardIcon({ className }: { className?: string }) {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.8"
      aria-hidden="true"
      focusable="false"
      className={className}
    >
      <rect x="2.5" y="6" width="19" height="12" rx="2" />
      <path d="M6 10h.01M9.5 10h.01M13 10h.01M16.5 10h.01M7.5 14h9" strokeLinecap="round" />
    </svg>
  );
}

export function TimelineToolbar({
  zoom,
  onZoom,
  showCritical,
  onToggleCritical,
  onToday,
  canEdit,
  onAddItem,
  onAddLane,
  onShortcuts,
  finishText,
  scheduling,
  filters,
}: {
  zoom: Zoom;
  onZoom: (zoom: Zoom) => void;
  showCritical: boolean;
  onToggleCritical: () => void;
  onToday: () => void;
  canEdit: boolean;
  onAddItem: () => void;
  onAddLane: () => void;
  onShortcuts: () => void;
  finishText: string | null;
  scheduling: boolean;
  /** The baseline picker and its filter, after the view controls. */
  filters?: ReactNode;
}) {
  return (
    <div role="toolbar" aria-label="Timeline" className="flex flex-wrap items-center gap-2">
      <div
        role="group"
        aria-label="Zoom"
        className="flex rounded-md border border-line-strong bg-surface p-0.5 shadow-xs"
      >
        {(Object.keys(ZOOMS) as Zoom[]).map((key) => (
          <button
            key={key}
            type="button"
            aria-pressed={zoom === key}
            onClick={() => onZoom(key)}
            className={cx(
              "h-8 rounded px-3 text-[13px] font-medium transition-colors",
              zoom === key ? "bg-ink text-white" : "text-ink-soft hover:bg-subtle hover:text-ink",
            )}
          >
            {ZOOMS[key].label}
          </button>
        ))}
      </div>
      <Button
        variant="secondary"
        size="sm"
        className="h-9"
        icon={<CalendarIcon className="size-4" />}
        onClick={onToday}
      >
        Today
      </Button>
      <button
        type="button"
        aria-pressed={showCritical}
        onClick={onToggleCritical}
        className={cx(
          "flex h-9 items-center gap-2 rounded-md border px-3 text-[13px] font-medium shadow-xs transition-colors",
          showCritical
            ? "border-[#6b21a8] bg-[#f5eefc] text-[#4c1d77]"
            : "border-line-strong bg-surface text-ink-soft hover:bg-subtle",
        )}
      >
        <span
          aria-hidden="true"
          className="flex h-4 w-7 items-center rounded-full p-0.5 transition-colors"
          style={{ background: showCritical ? CRITICAL_COLOUR : "#cfcec8" }}
        >
          <span
            className={cx(
              "size-3 rounded-full bg-white transition-transform",
              showCritical && "translate-x-3",
            )}
          />
        </span>
        Critical path
      </button>
      {filters}
      <span className="flex items-center gap-1.5 text-[13px] text-muted" aria-live="polite">
        {scheduling ? (
          <>
            <Spinner className="size-3.5" /> Updating schedule…
          </>
        ) : (
          finishText
        )}
      </span>
      <div className="ml-auto flex flex-wrap items-center gap-2">
        <TimelinePictureActions zoom={zoom} />
        <Button
          variant="ghost"
          size="sm"
          className="h-9"
          icon={<KeyboardIcon className="size-4" />}
          onClick={onShortcuts}
          title="Keyboard shortcuts (?)"
        >
          {/* A name only on wide screens: the picture buttons need the room. */}
          <span className="max-2xl:sr-only">Keyboard shortcuts</span>
        </Button>
        {canEdit && (
          <>
            <AutoScheduleMenu />
            <Button
              variant="secondary"
              size="sm"
              className="h-9"
              icon={<PlusIcon className="size-4" />}
              onClick={onAddLane}
            >
              Add lane
            </Button>
            <Button
              variant="primary"
              size="sm"
              className="h-9"
              icon={<PlusIcon className="size-4" />}
              onClick={onAddItem}
            >
              Add item
            </Button>
          </>
        )}
      </div>
    </div>
  );
}
