"use client";

import type { KeyboardEvent } from "react";
import type { TimelineLayout } from "@/lib/planning/timeline-layout";
import { neighbour, type Direction } from "./layout";
import { itemFrom } from "./use-canvas-pointer";

const KEY_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
  Home: "home",
  End: "end",
};

/**
 * Keys on a focused item: plain arrows, Home and End move to the neighbouring item (and scroll it
 * into view); Escape closes the tooltip; everything else is the page's (item-keys.ts).
 */
export function useCanvasKeys({
  layout,
  revealItem,
  closeTooltip,
  onItemKeyDown,
}: {
  layout: TimelineLayout;
  revealItem: (itemId: string, focus: boolean) => void;
  closeTooltip: () => void;
  onItemKeyDown: (event: KeyboardEvent<HTMLElement>, itemId: string) => void;
}) {
  return function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const el = itemFrom(event.target);
    if (!el) return;
    const id = el.dataset.itemId!;
    if (event.key === "Escape") closeTooltip();
    const direction = KEY_DIRECTIONS[event.key];
    if (direction && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      const next = neighbour(layout, id, direction);
      if (next) revealItem(next, true);
      return;
    }
    onItemKeyDown(event, id);
  };
}
