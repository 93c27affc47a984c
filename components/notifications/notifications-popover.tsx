"use client";

import Link from "next/link";
import { useEffect, useId, useRef } from "react";
import { Button } from "@/components/ui/button";
import { CheckIcon } from "@/components/ui/icons";
import { LoadingStatus } from "@/components/ui/query-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { errorMessage } from "@/lib/client/api";
import { useMarkNotificationsRead, useNotifications } from "@/lib/client/notifications";
import type { Notification } from "@/lib/validation/collaboration";
import { NotificationRow } from "./notification-row";

/** The bell's panel: the latest notifications, "Mark all read" and a link to all of them. */
export function NotificationsPopover({
  id,
  recent,
  onClose,
}: {
  id: string;
  recent: ReturnType<typeof useNotifications>;
  onClose: (returnFocus: boolean) => void;
}) {
  const panelRef = useRef<HTMLDivElement>(null);
  const headingId = useId();
  const markRead = useMarkNotificationsRead();
  const { unreadCount } = recent;

  useEffect(() => {
    panelRef.current?.focus();
  }, []);

  function open(n: Notification) {
    if (!n.read) markRead.mutate({ ids: [n.id] });
    onClose(false);
  }

  return (
    <div
      ref={panelRef}
      id={id}
      role="dialog"
      aria-labelledby={headingId}
      tabIndex={-1}
      className="fixed inset-x-2 top-[3.75rem] z-50 flex max-h-[calc(100dvh-4.5rem)] origin-top animate-fade-in flex-col rounded-lg border border-line bg-surface shadow-popover outline-none sm:absolute sm:inset-x-auto sm:top-full sm:right-0 sm:mt-2 sm:max-h-[min(36rem,calc(100dvh-5rem))] sm:w-[26rem]"
    >
      <div className="flex items-center gap-2 border-b border-line py-2 pr-2 pl-4">
        <h2 id={headingId} className="text-sm font-semibold text-ink">
          Notifications
        </h2>
        <span role="status" className="text-[13px] text-muted">
          {recent.isSuccess && (unreadCount > 0 ? `${unreadCount} unread` : "All read")}
        </span>
        <Button
          variant="ghost"
          size="sm"
          className={unreadCount === 0 ? "ml-auto opacity-55" : "ml-auto"}
          icon={<CheckIcon className="size-4" />}
          aria-disabled={unreadCount === 0 || undefined}
          onClick={() => unreadCount > 0 && markRead.mutate({ all: true })}
        >
          Mark all read
        </Button>
      </div>
      <div className="min-h-0 flex-1 overflow-y-auto p-1.5">
        <PopoverBody recent={recent} onOpen={open} />
        {markRead.isError && (
          <p role="alert" className="px-3 py-2 text-[13px] text-danger-700">
            {errorMessage(markRead.error)}
          </p>
        )}
      </div>
      <div className="border-t border-line p-1.5">
        <Link
          href="/notifications"
          onClick={() => onClose(false)}
          className="flex h-9 items-center justify-center rounded-md text-sm font-medium text-accent-700 hover:bg-subtle"
        >
          See all notifications
        </Link>
      </div>
    </div>
  );
}

function PopoverBody({
  recent,
  onOpen,
}: {
  recent: ReturnType<typeof useNotifications>;
  onOpen: (n: Notification) => void;
}) {
  if (recent.isPending) {
    return (
      <LoadingStatus label="Loading notifications…" className="flex flex-col gap-3 p-3">
        <SkeletonRows count={3} avatar="size-8" lines={["h-4 w-5/6", "h-3 w-1/3"]} />
      </LoadingStatus>
    );
  }
  if (recent.isError && recent.notifications.length === 0) {
    return (
      <div className="flex flex-col items-start gap-2 p-3 text-sm text-danger-700" role="alert">
        {errorMessage(recent.error)}
        <Button size="sm" variant="secondary" onClick={() => recent.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  if (recent.notifications.length === 0) {
    return (
      <div className="px-4 py-8 text-center">
        <p className="text-sm font-medium text-ink">You are all caught up</p>
        <p className="mt-1 text-[13px] leading-5 text-muted">
          Mentions, replies to your comments and changes to items you own will show up here.
        </p>
      </div>
    );
  }
  return (
    <ul className="flex flex-col gap-0.5">
      {recent.notifications.map((n) => (
        <li key={n.id}>
          <NotificationRow notification={n} onOpen={onOpen} />
        </li>
      ))}
    </ul>
  );
}
