"use client";

import { useEffect, useRef, useState } from "react";
import type { MentionCandidate } from "@/lib/collaboration/mention-autocomplete";
import { errorMessage } from "@/lib/client/api";
import { useCreateComment, type CommentScope } from "@/lib/client/comments";
import type { Comment } from "@/lib/validation/collaboration";
import { bodyProblem, CommentForm } from "./comment-form";
import { draftKey, useDraft } from "./drafts";

/**
 * Writes a new thread, or a reply when `parentId` is set. The text is kept as a draft until the
 * server has it; a refusal (an unknown @address, a lost connection) leaves it in the box.
 */
export function CommentComposer({
  scope,
  parentId = null,
  label,
  people,
  selfId,
  onSent,
  onCancel,
  autoFocus = false,
  placement,
  className,
  compactWhenIdle = false,
}: {
  scope: CommentScope;
  parentId?: string | null;
  label: string;
  people: readonly MentionCandidate[];
  selfId?: string;
  onSent?: (comment: Comment) => void;
  onCancel?: () => void;
  autoFocus?: boolean;
  placement?: "above" | "below";
  className?: string;
  compactWhenIdle?: boolean;
}) {
  const [draft, setDraft, clearDraft] = useDraft(draftKey(scope.itemId, parentId));
  const [error, setError] = useState<string | null>(null);
  const create = useCreateComment(scope);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    if (autoFocus) textareaRef.current?.focus();
  }, [autoFocus]);

  async function send() {
    const problem = bodyProblem(draft.text);
    if (problem) {
      setError(problem);
      textareaRef.current?.focus();
      return;
    }
    setError(null);
    try {
      const comment = await create.mutateAsync({
        body: draft.text,
        ...(parentId && { parentId }),
        ...(draft.verdict && { feasibility: draft.verdict }),
      });
      clearDraft();
      onSent?.(comment);
    } catch (e) {
      setError(errorMessage(e));
      textareaRef.current?.focus();
    }
  }

  return (
    <CommentForm
      className={className}
      label={label}
      text={draft.text}
      onText={(text) => {
        setDraft({ text });
        if (error) setError(null);
      }}
      verdict={draft.verdict}
      onVerdict={(verdict) => setDraft({ verdict })}
      people={people}
      selfId={selfId}
      submitLabel={parentId ? "Reply" : "Comment"}
      pending={create.isPending}
      error={error}
      onSubmit={() => void send()}
      onCancel={onCancel}
      placement={placement}
      rows={2}
      placeholder={parentId ? "Write a reply…" : "Ask a question, flag a risk or give your verdict…"}
      textareaRef={textareaRef}
      compactWhenIdle={compactWhenIdle}
    />
  );
}
