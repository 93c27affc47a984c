"use client";

import type { KeyboardEvent } from "react";
import { toDayNumber, fromDayNumber } from "@/lib/planning/calendar";
import type { UpdateItemInput, Item } from "@/lib/validation/timeline";
import type { DateText } from "@/lib/client/dates";
import type { TimeScale } from "@/lib/planning/timeline-layout";

export interface KeyActions {
  item: (id: string) => Item | undefined;
  canEdit: boolean;
  scale: TimeScale;
  dt: DateText;
  linkingFrom: string | null;
  setLinkingFrom: (id: string | null) => void;
  announce: (text: string) => void;
  change: (itemId: string, patch: UpdateItemInput, summary: string) => void;
  link: (fromId: string, toId: string) => void;
  remove: (itemId: string) => void;
  newItemAt: (item: Item) => void;
  toggleCritical: () => void;
  today: () => void;
  closePanel: () => boolean;
}

function isBracket(event: KeyboardEvent<HTMLElement>): -1 | 1 | 0 {
  if (event.code === "BracketLeft" || event.key === "[" || event.key === "{") return -1;
  if (event.code === "BracketRight" || event.key === "]" || event.key === "}") return 1;
  return 0;
}

/**
 * What a key does to the focused item (the canvas has already handled moving focus with the
 * arrow keys). Returns nothing; every branch that acts prevents the browser's default.
 */
export function handleItemKey(event: KeyboardEvent<HTMLElement>, itemId: string, a: KeyActions) {
  const item = a.item(itemId);
  if (!item) return;
  const plain = !event.altKey && !event.ctrlKey && !event.metaKey;
  const readOnly = () => a.announce("Your role can view this roadmap but not change it.");

  if (a.linkingFrom) {
    if (event.key === "Enter") {
      event.preventDefault();
      const from = a.linkingFrom;
      a.setLinkingFrom(null);
      if (from === itemId)
        a.announce("Pick another item: an item cannot depend on itself. Linking cancelled.");
      else a.link(from, itemId);
      return;
    }
    if (event.key === "Escape") {
      event.preventDefault();
      a.setLinkingFrom(null);
      a.announce("Linking cancelled.");
      return;
    }
  }

  if (
    event.altKey &&
    !event.ctrlKey &&
    !event.metaKey &&
    (event.key === "ArrowLeft" || event.key === "ArrowRight")
  ) {
    event.preventDefault();
    if (!a.canEdit) return readOnly();
    const step = (event.key === "ArrowLeft" ? -1 : 1) * (event.shiftKey ? 7 : 1);
    const start = toDayNumber(item.startDate);
    const end = toDayNumber(item.endDate);
    const delta = Math.min(Math.max(step, a.scale.startDay - start), a.scale.endDay - end);
    if (delta === 0) return a.announce(`“${item.title}” is at the edge of the roadmap's horizon.`);
    const startDate = fromDayNumber(start + delta);
    const endDate = fromDayNumber(end + delta);
    const dates = item.kind === "milestone" ? a.dt.date(startDate) : a.dt.range(startDate, endDate);
    a.change(item.id, { startDate, endDate }, `moved to ${dates}`);
    return;
  }

  const bracket = plain ? isBracket(event) : 0;
  if (bracket !== 0) {
    event.preventDefault();
    if (!a.canEdit) return readOnly();
    if (item.kind === "milestone")
      return a.announce("A milestone has one date: move it with Alt and the arrow keys.");
    const start = toDayNumber(item.startDate);
    const end = toDayNumber(item.endDate);
    const step = bracket * (event.shiftKey ? 7 : 1);
    const next = Math.min(Math.max(end + step, start), a.scale.endDay);
    if (next === end)
      return a.announce(
        `“${item.title}” cannot end ${bracket < 0 ? "before it starts" : "after the horizon"}.`,
      );
    const endDate = fromDayNumber(next);
    a.change(item.id, { endDate }, `now ends ${a.dt.date(endDate)} (${next - start + 1} days)`);
    return;
  }

  if (plain && (event.key === "Delete" || event.key === "Backspace")) {
    event.preventDefault();
    if (!a.canEdit) return readOnly();
    a.remove(item.id);
    return;
  }

  if (!plain || event.shiftKey) return;
  switch (event.key.toLowerCase()) {
    case "l":
      event.preventDefault();
      if (!a.canEdit) return readOnly();
      a.setLinkingFrom(item.id);
      a.announce(
        `Linking from “${item.title}”. Move to the item that must wait for it with the arrow keys and press Enter; Escape cancels.`,
      );
      return;
    case "n":
      event.preventDefault();
      if (!a.canEdit) return readOnly();
      a.newItemAt(item);
      return;
    case "c":
      event.preventDefault();
      a.toggleCritical();
      return;
    case "t":
      event.preventDefault();
      a.today();
      return;
    case "escape":
      if (a.closePanel()) event.preventDefault();
      return;
  }
}
