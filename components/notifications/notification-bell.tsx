"use client";

import { usePathname } from "next/navigation";
import { useCallback, useEffect, useId, useRef, useState, type FocusEvent, type KeyboardEvent } from "react";
import { BellIcon } from "@/components/ui/icons";
import { useNotifications } from "@/lib/client/notifications";
import { NotificationsPopover } from "./notifications-popover";
import { UnreadBadge, bellLabel } from "./unread-badge";

const RECENT = 8;

/**
 * The header's bell with the unread count; it opens the latest notifications in a popover (a
 * non-modal dialog): Escape closes it and returns focus to the bell, as does following an entry.
 */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const wrapperRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const recent = useNotifications({ pageSize: RECENT });
  const pathname = usePathname();

  const close = useCallback((returnFocus: boolean) => {
    setOpen(false);
    if (returnFocus) buttonRef.current?.focus();
  }, []);

  // A navigation (following an entry, "See all") closes it.
  const [openedOn, setOpenedOn] = useState(pathname);
  if (openedOn !== pathname) {
    setOpenedOn(pathname);
    if (open) setOpen(false);
  }

  useEffect(() => {
    if (!open) return;
    function onPointerDown(event: PointerEvent) {
      if (!wrapperRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("pointerdown", onPointerDown);
    return () => document.removeEventListener("pointerdown", onPointerDown);
  }, [open]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape" && open) {
      event.preventDefault();
      close(true);
    }
  }

  function onBlur(event: FocusEvent<HTMLDivElement>) {
    // Tabbing out of the popover closes it; focus has already gone where the user sent it.
    if (open && event.relatedTarget && !wrapperRef.current?.contains(event.relatedTarget as Node))
      setOpen(false);
  }

  return (
    <div ref={wrapperRef} className="sm:relative" onKeyDown={onKeyDown} onBlur={onBlur}>
      <button
        ref={buttonRef}
        type="button"
        aria-label={bellLabel(recent.unreadCount)}
        aria-expanded={open}
        aria-controls={open ? panelId : undefined}
        onClick={() => setOpen((o) => !o)}
        className="relative flex size-9 items-center justify-center rounded-full text-ink-soft hover:bg-subtle hover:text-ink aria-expanded:bg-subtle aria-expanded:text-ink"
      >
        <BellIcon className="size-5" />
        <UnreadBadge count={recent.unreadCount} className="absolute -top-0.5 -right-0.5" />
      </button>
      {open && <NotificationsPopover id={panelId} recent={recent} onClose={close} />}
    </div>
  );
}
