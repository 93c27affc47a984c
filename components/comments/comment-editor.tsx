"use client";

import { useEffect, useRef, useState } from "react";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import type { MentionCandidate } from "@/lib/collaboration/mention-autocomplete";
import { errorMessage } from "@/lib/client/api";
import { currentCommentOf, useEditComment, type CommentScope } from "@/lib/client/comments";
import type { Comment, FeasibilityVerdict, UpdateCommentInput } from "@/lib/validation/collaboration";
import { CommentBody } from "./comment-body";
import { bodyProblem, CommentForm } from "./comment-form";
import { VerdictBadge } from "./verdict";

/**
 * Edits one's own comment in place, sent with If-Match on the version it started from. If the
 * comment changed meanwhile (412), the text typed stays in the box and the comment as it is now is
 * shown above it, to save over or take instead.
 */
export function CommentEditor({
  comment,
  scope,
  people,
  selfId,
  onDone,
}: {
  comment: Comment;
  scope: CommentScope;
  people: readonly MentionCandidate[];
  selfId?: string;
  onDone: () => void;
}) {
  const [base, setBase] = useState(comment);
  const [text, setText] = useState(comment.body);
  const [verdict, setVerdict] = useState<FeasibilityVerdict | null>(comment.feasibility);
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<Comment | null>(null);
  const edit = useEditComment(scope);
  const textareaRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    const el = textareaRef.current;
    if (!el) return;
    el.focus();
    el.setSelectionRange(el.value.length, el.value.length);
  }, []);

  async function save() {
    const problem = bodyProblem(text);
    if (problem) {
      setError(problem);
      return;
    }
    const against = conflict ?? base;
    const patch: UpdateCommentInput = {};
    if (text !== against.body) patch.body = text;
    if (verdict !== against.feasibility) patch.feasibility = verdict;
    if (patch.body === undefined && patch.feasibility === undefined) {
      onDone();
      return;
    }
    setError(null);
    try {
      await edit.mutateAsync({ comment: against, patch });
      onDone();
    } catch (e) {
      const current = currentCommentOf(e);
      if (current) {
        setConflict(current);
        return;
      }
      setError(errorMessage(e));
    }
  }

  function takeTheirs() {
    if (!conflict) return;
    setBase(conflict);
    setText(conflict.body);
    setVerdict(conflict.feasibility);
    setConflict(null);
    textareaRef.current?.focus();
  }

  const notice = conflict && (
    <Alert
      tone="warning"
      title={
        conflict.deleted
          ? "This comment was deleted meanwhile"
          : "This comment changed while you were editing it"
      }
      actions={
        conflict.deleted ? (
          <Button size="sm" variant="secondary" onClick={onDone}>
            Close the editor
          </Button>
        ) : (
          <>
            <Button size="sm" variant="primary" loading={edit.isPending} onClick={() => void save()}>
              Save mine over it
            </Button>
            <Button size="sm" variant="secondary" onClick={takeTheirs}>
              Use the current text
            </Button>
          </>
        )
      }
    >
      {!conflict.deleted && (
        <div className="mt-1 flex flex-col gap-1.5">
          <p>It now reads:</p>
          <div className="rounded-md border border-warning-200 bg-surface px-2.5 py-1.5 text-ink">
            {conflict.feasibility && <VerdictBadge verdict={conflict.feasibility} className="mb-1" />}
            <CommentBody body={conflict.body} mentions={conflict.mentions} />
          </div>
          <p>Your text is still in the box below.</p>
        </div>
      )}
    </Alert>
  );

  return (
    <CommentForm
      label="Edit your comment"
      hideLabel
      text={text}
      onText={(next) => {
        setText(next);
        if (error) setError(null);
      }}
      verdict={verdict}
      onVerdict={setVerdict}
      people={people}
      selfId={selfId}
      submitLabel="Save"
      pending={edit.isPending}
      error={error}
      onSubmit={() => void save()}
      onCancel={onDone}
      notice={notice}
      textareaRef={textareaRef}
      rows={3}
    />
  );
}
