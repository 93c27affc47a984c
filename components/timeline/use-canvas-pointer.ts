"use client";

import { useState, type MouseEvent, type PointerEvent, type RefObject } from "react";
import { fromDayNumber } from "@/lib/planning/calendar";
import { ROW_HEIGHT, dayAtX, type TimeScale, type TimelineLayout } from "@/lib/planning/timeline-layout";
import { laneAtRow } from "./layout";

/** The item element an event happened in (or on a part of), if any. */
export function itemFrom(target: EventTarget | null): HTMLElement | null {
  return (target as HTMLElement | null)?.closest?.<HTMLElement>("[data-item-id]") ?? null;
}

/**
 * Clicks and hovering on the lanes' body: a click opens an item, a double click on an empty cell
 * creates one there, and (editors, with a mouse) the empty cell under the pointer offers a +.
 */
export function useCanvasPointer({
  bodyRef,
  layout,
  scale,
  canEdit,
  isDragging,
  clickSuppressed,
  onActiveChange,
  onOpenItem,
  onCreateAt,
}: {
  bodyRef: RefObject<HTMLDivElement | null>;
  layout: TimelineLayout;
  scale: TimeScale;
  canEdit: boolean;
  isDragging: () => boolean;
  /** True just after a drag ended: its pointer-up is not a click. */
  clickSuppressed: () => boolean;
  onActiveChange: (itemId: string) => void;
  onOpenItem: (itemId: string) => void;
  onCreateAt: (laneId: string | null, date: string) => void;
}) {
  const [hoverCell, setHoverCell] = useState<{ row: number; day: number } | null>(null);

  function cellAt(event: { clientX: number; clientY: number }) {
    const rect = bodyRef.current!.getBoundingClientRect();
    const row = Math.floor((event.clientY - rect.top) / ROW_HEIGHT);
    const day = dayAtX(scale, event.clientX - rect.left);
    return row >= 0 && row < layout.rows.length ? { row, day } : null;
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const el = itemFrom(event.target);
    if (!el || clickSuppressed()) return;
    const id = el.dataset.itemId!;
    onActiveChange(id);
    onOpenItem(id);
  }

  function onDoubleClick(event: MouseEvent<HTMLDivElement>) {
    if (!canEdit || itemFrom(event.target) || (event.target as HTMLElement).closest("button")) return;
    const cell = cellAt(event);
    if (!cell) return;
    onCreateAt(laneAtRow(layout, cell.row)?.id ?? null, fromDayNumber(cell.day));
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!canEdit || isDragging() || event.pointerType !== "mouse") return;
    const target = event.target as HTMLElement;
    if (itemFrom(target) || target.closest("[data-hover-add]")) return;
    const cell = cellAt(event);
    setHoverCell((old) => (old?.row === cell?.row && old?.day === cell?.day ? old : cell));
  }

  return { hoverCell, onClick, onDoubleClick, onPointerMove, onPointerLeave: () => setHoverCell(null) };
}
