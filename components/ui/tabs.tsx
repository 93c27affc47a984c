"use client";

import type { KeyboardEvent, ReactNode } from "react";
import { cx } from "./cx";

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
}

export const tabId = (prefix: string, id: string) => `${prefix}-tab-${id}`;
export const tabPanelId = (prefix: string, id: string) => `${prefix}-panel-${id}`;

/** The attributes of the panel a tab shows. */
export function tabPanelProps(prefix: string, id: string) {
  return { role: "tabpanel", id: tabPanelId(prefix, id), "aria-labelledby": tabId(prefix, id) } as const;
}

/**
 * An ARIA tab list: one tab in the Tab order, ArrowLeft/ArrowRight (and Home/End) move between
 * tabs and show them. `prefix` ties tabs to their panels (see tabPanelProps).
 */
export function Tabs<T extends string>({
  label,
  prefix,
  tabs,
  value,
  onChange,
  className,
}: {
  label: string;
  prefix: string;
  tabs: readonly TabSpec<T>[];
  value: T;
  onChange: (id: T) => void;
  className?: string;
}) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const index = tabs.findIndex((t) => t.id === value);
    const to =
      event.key === "ArrowRight"
        ? (index + 1) % tabs.length
        : event.key === "ArrowLeft"
          ? (index - 1 + tabs.length) % tabs.length
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? tabs.length - 1
              : -1;
    if (to === -1) return;
    event.preventDefault();
    onChange(tabs[to].id);
    document.getElementById(tabId(prefix, tabs[to].id))?.focus();
  }

  return (
    <div
      role="tablist"
      aria-label={label}
      onKeyDown={onKeyDown}
      className={cx("flex gap-1 border-b border-line px-3", className)}
    >
      {tabs.map((tab) => {
        const selected = tab.id === value;
        return (
          <button
            key={tab.id}
            type="button"
            role="tab"
            id={tabId(prefix, tab.id)}
            aria-selected={selected}
            aria-controls={tabPanelId(prefix, tab.id)}
            tabIndex={selected ? 0 : -1}
            onClick={() => onChange(tab.id)}
            className={cx(
              "-mb-px inline-flex h-10 items-center gap-1.5 border-b-2 px-2.5 text-[13px] font-medium whitespace-nowrap transition-colors focus-visible:-outline-offset-2",
              selected
                ? "border-accent-600 text-ink"
                : "border-transparent text-muted hover:border-line-strong hover:text-ink",
            )}
          >
            {tab.label}
          </button>
        );
      })}
    </div>
  );
}
