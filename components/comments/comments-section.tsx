"use client";

import { useId, useMemo, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { MessageIcon } from "@/components/ui/icons";
import { LoadError, LoadingStatus, LoadMoreButton } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { MentionCandidate } from "@/lib/collaboration/mention-autocomplete";
import { errorMessage } from "@/lib/client/api";
import { useComments, type CommentScope } from "@/lib/client/comments";
import { useCurrentUser } from "@/lib/client/me";
import type { Role } from "@/lib/validation/common";
import type { Member } from "@/lib/validation/teams";
import { can } from "@/lib/validation/permissions";
import type { CommentPermissions } from "./comment-card";
import { CommentComposer } from "./comment-composer";
import { CommentThreadView } from "./comment-thread";
import { FeedbackSummaryLine } from "./feedback-summary";

/**
 * The discussion of one item, filling its container: a verdict summary and the threads (oldest
 * first, more on demand) in a scrolling area, and the composer fixed below it. Viewers read;
 * commenters write, reply and edit their own; editors also resolve and delete others' comments.
 */
export function CommentsSection({
  roadmapId,
  itemId,
  role,
  members,
  itemLabel,
}: {
  roadmapId: string;
  itemId: string;
  role: Role;
  members: Member[];
  /** "milestone" or "feature", for the composer's label. */
  itemLabel: string;
}) {
  const scope: CommentScope = useMemo(() => ({ roadmapId, itemId }), [roadmapId, itemId]);
  const comments = useComments(itemId);
  const me = useCurrentUser();
  const headingId = useId();
  const headingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState("");
  const people: MentionCandidate[] = useMemo(() => members.map((m) => m.user), [members]);
  const permissions: CommentPermissions = {
    meId: me.data?.id,
    canWrite: can(role, "comment.write"),
    canModerate: can(role, "roadmap.write"),
  };

  const pages = comments.data?.pages ?? [];
  const summary = pages[0]?.summary;
  const threads = pages
    .flatMap((p) => p.items)
    .filter((t) => !t.deleted || t.replies.some((r) => !r.deleted));
  const focusHeading = () => requestAnimationFrame(() => headingRef.current?.focus());

  return (
    <div className="flex h-full min-h-0 flex-col">
      {/* Focusable so that the keyboard can scroll it even when it holds nothing else to focus. */}
      <section
        aria-labelledby={headingId}
        tabIndex={0}
        data-comments-scroll
        className="min-h-0 flex-1 overflow-y-auto px-4 py-4 focus-visible:-outline-offset-2"
      >
        <h3 ref={headingRef} id={headingId} tabIndex={-1} className="sr-only">
          Comments
        </h3>
        {comments.isPending ? (
          <LoadingStatus label="Loading the comments…" className="flex flex-col gap-3">
            <Skeleton className="h-12 w-full" />
            <Skeleton className="h-20 w-full" />
            <Skeleton className="h-16 w-full" />
          </LoadingStatus>
        ) : comments.isError && !comments.data ? (
          <LoadError
            title="The comments could not be loaded"
            error={comments.error}
            onRetry={comments.refetch}
          />
        ) : (
          <div className="flex flex-col gap-3">
            {summary && summary.comments > 0 && <FeedbackSummaryLine summary={summary} />}
            {threads.length === 0 ? (
              <EmptyComments canWrite={permissions.canWrite} itemLabel={itemLabel} />
            ) : (
              <ol className="flex flex-col gap-3">
                {threads.map((thread) => (
                  <li key={thread.id}>
                    <CommentThreadView
                      thread={thread}
                      scope={scope}
                      permissions={permissions}
                      people={people}
                      onRemoved={focusHeading}
                    />
                  </li>
                ))}
              </ol>
            )}
            {comments.hasNextPage && (
              <LoadMoreButton query={comments} size="sm" className="self-center" label="Show more comments" />
            )}
            {comments.isError && comments.data && <Alert tone="error">{errorMessage(comments.error)}</Alert>}
          </div>
        )}
      </section>
      <div className="border-t border-line bg-surface px-4 py-3 lg:rounded-b-lg">
        {permissions.canWrite ? (
          <CommentComposer
            scope={scope}
            label={`Comment on this ${itemLabel}`}
            people={people}
            selfId={permissions.meId}
            placement="above"
            compactWhenIdle
            onSent={(comment) => {
              setAnnouncement(`Comment posted${comment.feasibility ? " with your verdict" : ""}.`);
              requestAnimationFrame(() =>
                document.getElementById(`comment-${comment.id}`)?.scrollIntoView({ block: "nearest" }),
              );
            }}
          />
        ) : (
          <p className="text-[13px] text-muted">
            You can read the discussion. Commenting needs the commenter role; ask a team owner.
          </p>
        )}
        <p role="status" className="sr-only">
          {announcement}
        </p>
      </div>
    </div>
  );
}

function EmptyComments({ canWrite, itemLabel }: { canWrite: boolean; itemLabel: string }) {
  return (
    <div className="flex flex-col items-center rounded-lg border border-dashed border-line-strong px-4 py-8 text-center">
      <span className="mb-2 flex size-9 items-center justify-center rounded-full bg-accent-50 text-accent-700 ring-1 ring-accent-100">
        <MessageIcon className="size-4.5" />
      </span>
      <p className="text-sm font-medium text-ink">No comments yet</p>
      <p className="mt-1 max-w-xs text-[13px] leading-5 text-muted">
        {canWrite
          ? `Ask a question, flag a risk or say whether this ${itemLabel} is feasible. Type @ to bring someone in.`
          : `Questions, risks and feasibility verdicts on this ${itemLabel} will show here.`}
      </p>
    </div>
  );
}
