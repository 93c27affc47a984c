"use client";

import {
  useId,
  useRef,
  useState,
  useSyncExternalStore,
  type FormEvent,
  type KeyboardEvent,
  type ReactNode,
} from "react";
import { Button } from "@/components/ui/button";
import { cx } from "@/components/ui/cx";
import { FieldError } from "@/components/ui/field";
import type { MentionCandidate } from "@/lib/collaboration/mention-autocomplete";
import { COMMENT_MAX_CHARS, type FeasibilityVerdict } from "@/lib/validation/collaboration-kinds";
import { MentionTextarea } from "./mention-textarea";
import { VerdictSelect } from "./verdict-select";

/** The counter shows once this few characters are left. */
const COUNTER_FROM = 1_000;

const subscribeNothing = () => () => {};
const isApple = () => /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** "Ctrl+Enter", or "⌘+Enter" on Apple devices. */
function useSendShortcut(): string {
  const apple = useSyncExternalStore(subscribeNothing, isApple, () => false);
  return apple ? "⌘+Enter" : "Ctrl+Enter";
}

/** What is wrong with a body before it is sent, or null. */
export function bodyProblem(text: string): string | null {
  if (!text.trim()) return "Write something first.";
  if (text.length > COMMENT_MAX_CHARS)
    return `A comment can be at most ${COMMENT_MAX_CHARS.toLocaleString()} characters; this one is ${(text.length - COMMENT_MAX_CHARS).toLocaleString()} over.`;
  return null;
}

export interface CommentFormProps {
  label: string;
  text: string;
  onText: (text: string) => void;
  verdict: FeasibilityVerdict | null;
  onVerdict: (verdict: FeasibilityVerdict | null) => void;
  people: readonly MentionCandidate[];
  selfId?: string;
  submitLabel: string;
  pending: boolean;
  error: string | null;
  onSubmit: () => void;
  /** Cancel button and Escape (for replies and edits). */
  onCancel?: () => void;
  placement?: "above" | "below";
  rows?: number;
  placeholder?: string;
  /** Shown above the text area, e.g. a conflict. */
  notice?: ReactNode;
  textareaRef?: React.RefObject<HTMLTextAreaElement | null>;
  className?: string;
  /** Hides the label (it stays the text area's name), where the context already says it. */
  hideLabel?: boolean;
  /**
   * One line, without the verdict and send row, until first focused (or given content): the
   * composer below the threads then leaves them the room.
   */
  compactWhenIdle?: boolean;
}

/**
 * A comment's text, verdict and send button: the same form for a new thread, a reply and an edit.
 * Ctrl/Cmd+Enter sends; the counter appears near the limit; problems show under the text area.
 */
export function CommentForm(props: CommentFormProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const textareaRef = props.textareaRef ?? ownRef;
  const shortcut = useSendShortcut();
  const left = COMMENT_MAX_CHARS - props.text.length;
  // Once used, it stays open: folding it again on blur would move the threads above under the
  // pointer between mousedown and click.
  const [engaged, setEngaged] = useState(false);
  const expanded = !props.compactWhenIdle || engaged || props.text !== "" || props.verdict !== null;

  function submit(event?: FormEvent) {
    event?.preventDefault();
    if (!props.pending) props.onSubmit();
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      submit();
    } else if (event.key === "Escape" && props.onCancel) {
      event.preventDefault();
      props.onCancel();
    }
  }

  return (
    <form
      noValidate
      onSubmit={submit}
      onFocus={() => setEngaged(true)}
      className={cx("flex flex-col gap-1.5", props.className)}
    >
      <label htmlFor={id} className={cx("text-[13px] font-medium text-ink", props.hideLabel && "sr-only")}>
        {props.label}
      </label>
      {props.notice}
      <MentionTextarea
        id={id}
        value={props.text}
        onChange={props.onText}
        people={props.people}
        selfId={props.selfId}
        onKeyDown={onKeyDown}
        textareaRef={textareaRef}
        rows={expanded ? props.rows : 1}
        compact={!expanded}
        placeholder={props.placeholder}
        placement={props.placement}
        aria-describedby={[props.error ? errorId : null, hintId].filter(Boolean).join(" ")}
        aria-invalid={props.error ? true : undefined}
      />
      {props.error && <FieldError id={errorId}>{props.error}</FieldError>}
      <div
        id={hintId}
        className={cx(
          "flex flex-wrap items-baseline justify-between gap-x-3 text-xs leading-5 text-muted",
          !expanded && "sr-only",
        )}
      >
        <span>@ to mention · **bold** · *italic* · {shortcut} to send</span>
        {left <= COUNTER_FROM && (
          <span className={cx("tabular-nums", left < 0 ? "font-semibold text-danger-700" : "text-ink-soft")}>
            {left >= 0
              ? `${left.toLocaleString()} ${left === 1 ? "character" : "characters"} left`
              : `${(-left).toLocaleString()} over the limit`}
          </span>
        )}
      </div>
      <div hidden={!expanded} className="mt-0.5 flex flex-wrap items-center gap-2">
        <VerdictSelect id={`${id}-verdict`} value={props.verdict} onChange={props.onVerdict} />
        <div className="ml-auto flex items-center gap-2">
          {props.onCancel && (
            <Button size="sm" variant="ghost" onClick={props.onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" size="sm" variant="primary" loading={props.pending}>
            {props.submitLabel}
          </Button>
        </div>
      </div>
    </form>
  );
}
