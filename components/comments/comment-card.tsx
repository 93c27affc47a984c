"use client";

import { useRef, useState } from "react";
import { showToast } from "@/components/ui/toasts";
import { UserAvatar } from "@/components/ui/avatar";
import { cx } from "@/components/ui/cx";
import { Menu, MenuButtonItem } from "@/components/ui/menu";
import { RelativeTime } from "@/components/ui/relative-time";
import type { MentionCandidate } from "@/lib/collaboration/mention-autocomplete";
import { errorMessage } from "@/lib/client/api";
import { formatDate } from "@/lib/client/format";
import { useDateFormat } from "@/lib/client/locale";
import { useDeleteComment, useRestoreComment, type CommentScope } from "@/lib/client/comments";
import type { Comment } from "@/lib/validation/collaboration";
import { CommentBody } from "./comment-body";
import { CommentEditor } from "./comment-editor";
import { VerdictBadge } from "./verdict";

/** What the reader may do, mirroring the server: commenters write and edit their own, editors moderate. */
export interface CommentPermissions {
  meId: string | undefined;
  /** commenter and above: comment, reply, edit and delete one's own. */
  canWrite: boolean;
  /** editor and above: resolve and reopen threads, delete anyone's comment. */
  canModerate: boolean;
}

export interface CommentCardProps {
  comment: Comment;
  scope: CommentScope;
  permissions: CommentPermissions;
  people: readonly MentionCandidate[];
  /** Where focus goes once this comment is gone from the page. */
  onRemoved: () => void;
}

/** One comment: author, time, verdict, the text, and the author's or an editor's actions. */
export function CommentCard({ comment, scope, permissions, people, onRemoved }: CommentCardProps) {
  const [editing, setEditing] = useState(false);
  const cardRef = useRef<HTMLDivElement>(null);
  const remove = useDeleteComment(scope);
  const restore = useRestoreComment(scope);
  const dateFormat = useDateFormat();
  const authorName = comment.author?.name ?? "A former member";
  const own = !!comment.author && comment.author.id === permissions.meId;
  const canEdit = !comment.deleted && own && permissions.canWrite;
  const canDelete = !comment.deleted && ((own && permissions.canWrite) || permissions.canModerate);

  if (comment.deleted) {
    return (
      <p className="rounded-md bg-subtle px-3 py-2 text-[13px] text-muted italic">
        This comment was deleted.
      </p>
    );
  }

  async function deleteComment() {
    try {
      const deleted = await remove.mutateAsync(comment);
      onRemoved();
      showToast({
        tone: "info",
        message: own ? "Your comment was deleted." : `${authorName}’s comment was deleted.`,
        actions: [
          {
            label: "Undo",
            primary: true,
            onClick: () =>
              restore
                .mutateAsync(deleted.id)
                .catch((e) => showToast({ tone: "error", message: errorMessage(e) })),
          },
        ],
      });
    } catch (e) {
      showToast({ tone: "error", title: "The comment was not deleted", message: errorMessage(e) });
    }
  }

  return (
    <div ref={cardRef} tabIndex={-1} className="flex gap-2.5 rounded-md outline-offset-4">
      <UserAvatar name={authorName} className="mt-0.5 size-7 text-[11px]" />
      <div className="min-w-0 flex-1">
        <div className="flex items-start gap-2">
          <p className="flex min-w-0 flex-1 flex-wrap items-baseline gap-x-1.5 text-[13px] leading-5">
            <span className="font-semibold text-ink">{authorName}</span>
            <RelativeTime value={comment.createdAt} className="text-muted" />
            {comment.editedAt && (
              <span
                className="text-muted"
                title={`Edited ${formatDate(comment.editedAt, "dateTime", dateFormat)}`}
              >
                (edited)
              </span>
            )}
          </p>
          {comment.feasibility && <VerdictBadge verdict={comment.feasibility} />}
          {(canEdit || canDelete) && !editing && (
            <CommentActions
              who={own ? "your comment" : `${authorName}’s comment`}
              onEdit={canEdit ? () => setEditing(true) : undefined}
              onDelete={canDelete ? () => void deleteComment() : undefined}
            />
          )}
        </div>
        {editing ? (
          <div className="mt-1.5">
            <CommentEditor
              comment={comment}
              scope={scope}
              people={people}
              selfId={permissions.meId}
              onDone={() => {
                setEditing(false);
                requestAnimationFrame(() => cardRef.current?.focus());
              }}
            />
          </div>
        ) : (
          <CommentBody body={comment.body} mentions={comment.mentions} className={cx("mt-0.5")} />
        )}
      </div>
    </div>
  );
}

function CommentActions({
  who,
  onEdit,
  onDelete,
}: {
  who: string;
  onEdit?: () => void;
  onDelete?: () => void;
}) {
  return (
    <Menu
      label={`Actions for ${who}`}
      align="end"
      triggerClassName="-mt-1 -mr-1 flex size-7 items-center justify-center rounded-md text-muted hover:bg-subtle hover:text-ink"
      trigger={
        <>
          <svg
            viewBox="0 0 16 16"
            aria-hidden="true"
            focusable="false"
            className="size-4"
            fill="currentColor"
          >
            <circle cx="3.5" cy="8" r="1.3" />
            <circle cx="8" cy="8" r="1.3" />
            <circle cx="12.5" cy="8" r="1.3" />
          </svg>
          <span className="sr-only">Actions for {who}</span>
        </>
      }
    >
      {onEdit && <MenuButtonItem onClick={onEdit}>Edit</MenuButtonItem>}
      {onDelete && (
        <MenuButtonItem onClick={onDelete} className="text-danger-700">
          Delete
        </MenuButtonItem>
      )}
    </Menu>
  );
}
