"use client";

import { useEffect } from "react";

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.("input, textarea, select, [contenteditable=true]");
}

/**
 * Keys for the whole timeline page but a text field or an open dialog: "?" shows the shortcuts,
 * Ctrl/Cmd+Z undoes the last delete (editors).
 */
export function usePageShortcuts({
  canEdit,
  onShortcuts,
  onUndo,
}: {
  canEdit: boolean;
  onShortcuts: () => void;
  onUndo: () => void;
}) {
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.defaultPrevented || isTyping(event.target) || document.querySelector("dialog[open]")) return;
      if (event.key === "?") {
        event.preventDefault();
        onShortcuts();
      } else if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        event.key.toLowerCase() === "z" &&
        canEdit
      ) {
        event.preventDefault();
        onUndo();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [canEdit, onShortcuts, onUndo]);
}
