"use client";

import { useRef, useState, type RefObject } from "react";
import { addDays, fromDayNumber, toDayNumber } from "@/lib/planning/calendar";
import type { TimeScale, TimelineLayout } from "@/lib/planning/timeline-layout";
import { blankValues } from "./item-form-values";
import { neighbour } from "./layout";
import type { CanvasController } from "./use-canvas-viewport";
import type { PanelTarget } from "./use-item-form";

/**
 * Which item the side panel shows (or the new item it creates), and the moves around it: opening,
 * closing (focus goes back to the item), deleting (focus goes to a neighbour), creating at a date.
 */
export function useItemPanel({
  canvas,
  layout,
  scale,
  today,
  canEdit,
  activeId,
  setLinkingFrom,
  deleteItem,
}: {
  canvas: RefObject<CanvasController | null>;
  layout: TimelineLayout;
  scale: TimeScale;
  today: string | null;
  canEdit: boolean;
  activeId: string | null;
  setLinkingFrom: (itemId: string | null) => void;
  deleteItem: (itemId: string) => void;
}) {
  const [panel, setPanel] = useState<PanelTarget | null>(null);
  const createKey = useRef(0);

  /** Where a new item goes: the middle of the view, else today, else the roadmap's start. */
  const defaultDate = () => {
    const centre = canvas.current?.centreDate();
    if (centre) return centre;
    if (today && today >= scale.start && today <= scale.end) return today;
    return scale.start;
  };

  function createAt(laneId: string | null, date: string) {
    if (!canEdit) return;
    const end = fromDayNumber(Math.min(toDayNumber(addDays(date, 13)), scale.endDay));
    setLinkingFrom(null);
    setPanel({ mode: "create", values: blankValues(laneId, date, end, "feature"), key: ++createKey.current });
  }

  function openItem(itemId: string) {
    setLinkingFrom(null);
    setPanel({ mode: "edit", itemId });
  }

  function closePanel(): boolean {
    if (!panel) return false;
    const returnTo = panel.mode === "edit" ? panel.itemId : activeId;
    setPanel(null);
    if (returnTo && layout.placed.has(returnTo))
      requestAnimationFrame(() => canvas.current?.revealItem(returnTo, true));
    return true;
  }

  function removeItem(itemId: string) {
    const next =
      neighbour(layout, itemId, "right") ??
      neighbour(layout, itemId, "left") ??
      neighbour(layout, itemId, "down");
    if (panel?.mode === "edit" && panel.itemId === itemId) setPanel(null);
    deleteItem(itemId);
    if (next) requestAnimationFrame(() => canvas.current?.revealItem(next, true));
  }

  function selectItem(itemId: string) {
    canvas.current?.revealItem(itemId, true);
    if (panel) setPanel({ mode: "edit", itemId });
  }

  return { panel, setPanel, defaultDate, createAt, openItem, closePanel, removeItem, selectItem };
}
