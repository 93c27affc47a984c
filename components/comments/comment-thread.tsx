"use client";

import { useRef, useState } from "react";
import { showToast } from "@/components/ui/toasts";
import { Button } from "@/components/ui/button";
import { CheckCircleIcon, ChevronDownIcon, ChevronRightIcon } from "@/components/ui/icons";
import { RelativeTime } from "@/components/ui/relative-time";
import { commentPlainText, parseCommentBody } from "@/lib/collaboration/markdown";
import type { MentionCandidate } from "@/lib/collaboration/mention-autocomplete";
import { errorMessage } from "@/lib/client/api";
import { useResolveComment, type CommentScope } from "@/lib/client/comments";
import { pluralize } from "@/lib/client/format";
import type { CommentThread as Thread } from "@/lib/validation/collaboration";
import { CommentCard, type CommentPermissions } from "./comment-card";
import { CommentComposer } from "./comment-composer";

/**
 * A thread: its first comment, the replies (one level), and the thread's actions. A resolved
 * thread folds into one line saying who resolved it; it opens on demand, and editors can reopen it.
 */
export function CommentThreadView({
  thread,
  scope,
  permissions,
  people,
  onRemoved,
}: {
  thread: Thread;
  scope: CommentScope;
  permissions: CommentPermissions;
  people: readonly MentionCandidate[];
  onRemoved: () => void;
}) {
  const [expanded, setExpanded] = useState(false);
  const [replying, setReplying] = useState(false);
  const resolve = useResolveComment(scope);
  const replyButton = useRef<HTMLButtonElement>(null);
  const replies = thread.replies.filter((r) => !r.deleted);
  const rootName = thread.author?.name ?? "a former member";
  const canReply = permissions.canWrite && !thread.deleted && !thread.resolved;
  const canResolve = permissions.canModerate && !thread.deleted;

  async function setResolved(resolved: boolean) {
    try {
      await resolve.mutateAsync({ comment: thread, resolved });
      if (!resolved) setExpanded(false);
    } catch (e) {
      showToast({
        tone: "error",
        title: resolved ? "Not resolved" : "Not reopened",
        message: errorMessage(e),
      });
    }
  }

  const cardProps = { scope, permissions, people, onRemoved };

  if (thread.resolved && !expanded) {
    return (
      <ResolvedSummary
        thread={thread}
        replyCount={replies.length}
        onExpand={() => setExpanded(true)}
        onReopen={canResolve ? () => void setResolved(false) : undefined}
        reopening={resolve.isPending}
      />
    );
  }

  return (
    <article
      id={`comment-${thread.id}`}
      aria-label={`Thread started by ${rootName}`}
      className="rounded-lg border border-line bg-surface px-3 py-3 shadow-card"
    >
      {thread.resolved && (
        <ResolvedLine thread={thread} onCollapse={() => setExpanded(false)} className="mb-2.5" />
      )}
      <CommentCard comment={thread} {...cardProps} />
      {replies.length > 0 && (
        <ul
          aria-label={`Replies to ${rootName}`}
          className="mt-3 ml-3.5 flex flex-col gap-3 border-l-2 border-line pl-3"
        >
          {replies.map((reply) => (
            <li key={reply.id} id={`comment-${reply.id}`}>
              <CommentCard comment={reply} {...cardProps} />
            </li>
          ))}
        </ul>
      )}
      {replying ? (
        <CommentComposer
          className="mt-3 ml-3.5 border-l-2 border-accent-200 pl-3"
          scope={scope}
          parentId={thread.id}
          label={`Reply to ${rootName}`}
          people={people}
          selfId={permissions.meId}
          autoFocus
          onSent={() => {
            setReplying(false);
            requestAnimationFrame(() => replyButton.current?.focus());
          }}
          onCancel={() => {
            setReplying(false);
            requestAnimationFrame(() => replyButton.current?.focus());
          }}
        />
      ) : (
        (canReply || canResolve) && (
          <div className="mt-2 -mb-1 flex flex-wrap items-center gap-1 pl-8">
            {canReply && (
              <Button ref={replyButton} size="sm" variant="ghost" onClick={() => setReplying(true)}>
                Reply
              </Button>
            )}
            {canResolve && (
              <Button
                size="sm"
                variant="ghost"
                loading={resolve.isPending}
                icon={<CheckCircleIcon className="size-4" />}
                onClick={() => void setResolved(!thread.resolved)}
              >
                {thread.resolved ? "Reopen" : "Resolve"}
              </Button>
            )}
          </div>
        )
      )}
    </article>
  );
}

function ResolvedLine({
  thread,
  onCollapse,
  className,
}: {
  thread: Thread;
  onCollapse: () => void;
  className?: string;
}) {
  return (
    <div className={`flex items-center gap-1.5 text-[13px] text-success-800 ${className ?? ""}`}>
      <CheckCircleIcon className="size-4 shrink-0" />
      <span className="min-w-0 flex-1">
        Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}
        {thread.resolvedAt && (
          <>
            {" · "}
            <RelativeTime value={thread.resolvedAt} />
          </>
        )}
      </span>
      <Button
        size="sm"
        variant="ghost"
        aria-expanded="true"
        icon={<ChevronDownIcon className="size-4" />}
        onClick={onCollapse}
      >
        Hide
      </Button>
    </div>
  );
}

function ResolvedSummary({
  thread,
  replyCount,
  onExpand,
  onReopen,
  reopening,
}: {
  thread: Thread;
  replyCount: number;
  onExpand: () => void;
  onReopen?: () => void;
  reopening: boolean;
}) {
  const excerpt = thread.deleted ? "A deleted comment" : commentPlainText(parseCommentBody(thread.body));
  return (
    <article
      id={`comment-${thread.id}`}
      aria-label={`Resolved thread started by ${thread.author?.name ?? "a former member"}`}
      className="rounded-lg border border-line bg-canvas/70 px-3 py-2"
    >
      <div className="flex items-center gap-1.5 text-[13px] text-success-800">
        <CheckCircleIcon className="size-4 shrink-0" />
        <span className="min-w-0 flex-1 font-medium">
          Resolved{thread.resolvedBy ? ` by ${thread.resolvedBy.name}` : ""}
        </span>
        {onReopen && (
          <Button size="sm" variant="ghost" loading={reopening} onClick={onReopen}>
            Reopen
          </Button>
        )}
      </div>
      <button
        type="button"
        aria-expanded="false"
        onClick={onExpand}
        className="mt-0.5 flex w-full items-start gap-1.5 rounded-md px-1 py-1 text-left text-[13px] text-ink-soft hover:bg-subtle"
      >
        <ChevronRightIcon className="mt-0.5 size-4 shrink-0 text-muted" />
        <span className="min-w-0 flex-1">
          <span className="line-clamp-1 break-words">
            {thread.author?.name ?? "A former member"}: {excerpt}
          </span>
          <span className="text-muted">
            Show the thread{replyCount > 0 ? ` (${pluralize(replyCount + 1, "comment")})` : ""}
          </span>
        </span>
      </button>
    </article>
  );
}
