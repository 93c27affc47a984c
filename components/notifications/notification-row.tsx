"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { ActivitySentence } from "@/components/activity/activity-sentence";
import { UserAvatar } from "@/components/ui/avatar";
import { cx } from "@/components/ui/cx";
import { RelativeTime } from "@/components/ui/relative-time";
import type { Notification } from "@/lib/validation/collaboration";
import { describeNotification } from "./describe-notification";

/**
 * One notification: who did what where, the comment's start, when; unread ones carry a dot (and
 * say "Unread" to screen readers). Following it opens the roadmap with the item and marks it read.
 */
export function NotificationRow({
  notification: n,
  onOpen,
  tint = true,
  className,
}: {
  notification: Notification;
  /** Called as it is followed (marks it read, closes the popover). */
  onOpen: (n: Notification) => void;
  /** Unread ones get a tinted background (off when the caller tints a wider row). */
  tint?: boolean;
  className?: string;
}) {
  const { sentence, actor, href } = describeNotification(n);
  const body: ReactNode = (
    <>
      <UserAvatar name={actor} className="mt-0.5" />
      <span className="min-w-0 flex-1">
        <span className="block text-sm leading-5 break-words text-ink-soft">
          {!n.read && <span className="sr-only">Unread: </span>}
          <span className="font-semibold text-ink">{actor}</span>
          <ActivitySentence segments={sentence} />
        </span>
        {n.excerpt && (
          <span className="mt-1 line-clamp-2 block text-[13px] leading-5 break-words text-muted">
            “{n.excerpt}”
          </span>
        )}
        <span className="mt-1 block text-xs text-muted">
          <span className="sr-only">, </span>
          <RelativeTime value={n.createdAt} />
        </span>
      </span>
      <span
        aria-hidden="true"
        className={cx("mt-2 size-2.5 shrink-0 rounded-full", n.read ? "bg-transparent" : "bg-accent-600")}
      />
    </>
  );
  const classes = cx(
    "flex w-full gap-3 rounded-md px-3 py-2.5 text-left hover:bg-subtle focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600",
    tint && !n.read && "bg-accent-50/70",
    className,
  );
  return href ? (
    <Link href={href} onClick={() => onOpen(n)} className={classes} data-notification-id={n.id}>
      {body}
    </Link>
  ) : (
    <button type="button" onClick={() => onOpen(n)} className={classes} data-notification-id={n.id}>
      {body}
    </button>
  );
}
