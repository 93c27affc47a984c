"use client";

import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { cx } from "@/components/ui/cx";
import { EmptyState } from "@/components/ui/empty-state";
import { FilterTabs } from "@/components/ui/filter-tabs";
import { BellIcon, CheckIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { LoadError, LoadingStatus, LoadMoreButton } from "@/components/ui/query-state";
import { SkeletonRows } from "@/components/ui/skeleton";
import { TextLink } from "@/components/ui/text-link";
import { errorMessage } from "@/lib/client/api";
import {
  useMarkNotificationsRead,
  useNotifications,
  type NotificationFilter,
} from "@/lib/client/notifications";
import type { Notification } from "@/lib/validation/collaboration";
import { NotificationRow } from "./notification-row";

/** The notifications page: all or unread ones, a page at a time, with "Mark all read". */
export function NotificationsCenter({ filter }: { filter: NotificationFilter }) {
  const list = useNotifications({ filter });
  const markRead = useMarkNotificationsRead();
  const { unreadCount } = list;

  function open(n: Notification) {
    if (!n.read) markRead.mutate({ ids: [n.id] });
  }

  return (
    <>
      <PageHeader
        title="Notifications"
        description="Mentions of you, replies to your comments and changes to items you own, across your teams."
        actions={
          <Button
            variant="secondary"
            icon={<CheckIcon className="size-4" />}
            aria-disabled={unreadCount === 0 || undefined}
            className={unreadCount === 0 ? "opacity-55" : undefined}
            onClick={() => unreadCount > 0 && markRead.mutate({ all: true })}
          >
            Mark all read
          </Button>
        }
      />
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <FilterTabs
          label="Show"
          tabs={[
            { href: "/notifications", label: "All", active: filter === "all" },
            {
              href: "/notifications?filter=unread",
              label: unreadCount > 0 ? `Unread (${unreadCount})` : "Unread",
              active: filter === "unread",
            },
          ]}
        />
        <p role="status" className="text-sm text-muted">
          {list.isSuccess && (unreadCount > 0 ? `${unreadCount} unread` : "Everything is read")}
        </p>
      </div>
      {markRead.isError && (
        <Alert tone="error" className="mb-4">
          {errorMessage(markRead.error)}
        </Alert>
      )}
      <NotificationList
        list={list}
        filter={filter}
        onOpen={open}
        onMarkRead={(n) => markRead.mutate({ ids: [n.id] })}
      />
    </>
  );
}

function NotificationList({
  list,
  filter,
  onOpen,
  onMarkRead,
}: {
  list: ReturnType<typeof useNotifications>;
  filter: NotificationFilter;
  onOpen: (n: Notification) => void;
  onMarkRead: (n: Notification) => void;
}) {
  if (list.isPending) {
    return (
      <Card className="p-4">
        <LoadingStatus label="Loading notifications…" className="flex flex-col gap-4">
          <SkeletonRows count={4} avatar="size-8" lines={["h-4 w-2/3", "h-3 w-1/4"]} />
        </LoadingStatus>
      </Card>
    );
  }
  if (list.isError && list.notifications.length === 0) {
    return (
      <LoadError title="Your notifications could not be loaded" error={list.error} onRetry={list.refetch} />
    );
  }
  if (list.notifications.length === 0) {
    return filter === "unread" ? (
      <EmptyState
        icon={<CheckIcon className="size-5" />}
        title="No unread notifications"
        description={
          <>
            You have read everything. <TextLink href="/notifications">Show all notifications</TextLink>
          </>
        }
      />
    ) : (
      <EmptyState
        icon={<BellIcon className="size-5" />}
        title="No notifications yet"
        description="When someone mentions you with @ in a comment, replies to your comment or changes an item you own, it shows up here and on the bell."
      />
    );
  }
  return (
    <>
      <Card className="p-1.5">
        <ul className="flex flex-col gap-0.5">
          {list.notifications.map((n) => (
            <li key={n.id} className={cx("flex items-start gap-1 rounded-md", !n.read && "bg-accent-50/70")}>
              <NotificationRow notification={n} onOpen={onOpen} tint={false} className="min-w-0 flex-1" />
              {!n.read && (
                <Button
                  variant="ghost"
                  size="sm"
                  className="mt-2 mr-1.5 max-sm:hidden"
                  aria-label={`Mark read: ${n.actor?.name ?? "someone"} on ${n.itemTitle ?? "an item"}`}
                  onClick={() => onMarkRead(n)}
                >
                  Mark read
                </Button>
              )}
            </li>
          ))}
        </ul>
      </Card>
      <div className="mt-4 flex items-center gap-3">
        {list.hasNextPage ? (
          <LoadMoreButton query={list} label="Load more" loadingLabel="Loading more…" />
        ) : (
          <p className="text-sm text-muted">That is all of them.</p>
        )}
        {list.isError && <p className="text-sm text-danger-700">{errorMessage(list.error)}</p>}
      </div>
    </>
  );
}
