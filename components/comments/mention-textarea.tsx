"use client";

import { useId, useLayoutEffect, useRef, useState, type KeyboardEvent, type RefObject } from "react";
import { UserAvatar } from "@/components/ui/avatar";
import { cx } from "@/components/ui/cx";
import { controlClasses } from "@/components/ui/input";
import {
  filterMentionCandidates,
  insertMention,
  mentionQueryAt,
  type MentionCandidate,
  type MentionQuery,
} from "@/lib/collaboration/mention-autocomplete";

export interface MentionTextareaProps {
  id: string;
  value: string;
  onChange: (value: string) => void;
  /** Who can be mentioned (the team's members). */
  people: readonly MentionCandidate[];
  /** The writer, left out of the suggestions. */
  selfId?: string;
  /** Runs for keys the suggestions do not take (e.g. Ctrl+Enter to send, Escape to cancel). */
  onKeyDown?: (event: KeyboardEvent<HTMLTextAreaElement>) => void;
  textareaRef?: RefObject<HTMLTextAreaElement | null>;
  rows?: number;
  placeholder?: string;
  /** Where the suggestions open: above suits a composer at the bottom of the panel. */
  placement?: "above" | "below";
  /** One line high (an idle composer). */
  compact?: boolean;
  "aria-describedby"?: string;
  "aria-invalid"?: true;
}

/**
 * A text area with @mention suggestions, as an ARIA combobox: typing @ opens a listbox of members
 * filtered by what follows; ArrowUp/ArrowDown move, Enter or Tab picks (inserting `@<email> `),
 * Escape closes. Focus stays in the text area throughout (aria-activedescendant).
 */
export function MentionTextarea({
  id,
  value,
  onChange,
  people,
  selfId,
  onKeyDown,
  textareaRef,
  rows = 3,
  placeholder,
  placement = "below",
  compact = false,
  ...aria
}: MentionTextareaProps) {
  const ownRef = useRef<HTMLTextAreaElement>(null);
  const ref = textareaRef ?? ownRef;
  const listId = useId();
  const [caret, setCaret] = useState<number | null>(null);
  const [active, setActive] = useState(0);
  /** The @ whose suggestions were dismissed with Escape: stay closed until another @ is typed. */
  const [dismissed, setDismissed] = useState<number | null>(null);
  const pendingCaret = useRef<number | null>(null);

  const query: MentionQuery | null = caret === null ? null : mentionQueryAt(value, caret);
  const options = query ? filterMentionCandidates(people, query.query, { excludeId: selfId }) : [];
  const open = query !== null && query.start !== dismissed && options.length > 0;
  const activeIndex = Math.min(active, Math.max(0, options.length - 1));
  const optionId = (index: number) => `${listId}-option-${index}`;

  useLayoutEffect(() => {
    if (pendingCaret.current === null || !ref.current) return;
    ref.current.setSelectionRange(pendingCaret.current, pendingCaret.current);
    setCaret(pendingCaret.current);
    pendingCaret.current = null;
  }, [value, ref]);

  function readCaret() {
    const el = ref.current;
    if (!el) return;
    const next = el.selectionStart === el.selectionEnd ? el.selectionStart : null;
    if (next !== caret) {
      setCaret(next);
      setActive(0);
    }
  }

  function pick(person: MentionCandidate) {
    if (!query || caret === null) return;
    const result = insertMention(value, query, caret, person.email);
    pendingCaret.current = result.caret;
    onChange(result.text);
    setActive(0);
  }

  function handleKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    if (open && !event.nativeEvent.isComposing) {
      switch (event.key) {
        case "ArrowDown":
          event.preventDefault();
          setActive((activeIndex + 1) % options.length);
          return;
        case "ArrowUp":
          event.preventDefault();
          setActive((activeIndex - 1 + options.length) % options.length);
          return;
        case "Enter":
        case "Tab":
          if (event.shiftKey || event.ctrlKey || event.metaKey || event.altKey) break;
          event.preventDefault();
          pick(options[activeIndex]);
          return;
        case "Escape":
          event.preventDefault();
          setDismissed(query!.start);
          return;
      }
    }
    onKeyDown?.(event);
  }

  return (
    <div className="relative">
      <textarea
        ref={ref}
        id={id}
        rows={rows}
        value={value}
        placeholder={placeholder}
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? optionId(activeIndex) : undefined}
        {...aria}
        onChange={(e) => {
          onChange(e.target.value);
          const next = e.target.selectionStart;
          setCaret(next);
          setActive(0);
          if (dismissed !== null && mentionQueryAt(e.target.value, next)?.start !== dismissed)
            setDismissed(null);
        }}
        onSelect={readCaret}
        onClick={readCaret}
        onBlur={() => setCaret(null)}
        onKeyDown={handleKeyDown}
        className={cx(
          controlClasses,
          "max-h-48 resize-y px-3 py-1.5 leading-6 [field-sizing:content]",
          compact ? "min-h-9" : "min-h-16",
        )}
      />
      <ul
        id={listId}
        role="listbox"
        aria-label="Team members to mention"
        hidden={!open}
        className={cx(
          "absolute inset-x-0 z-30 max-h-64 overflow-y-auto rounded-lg border border-line bg-surface p-1 shadow-popover",
          placement === "above" ? "bottom-full mb-1" : "top-full mt-1",
        )}
      >
        {open &&
          options.map((person, index) => (
            <li
              key={person.id}
              id={optionId(index)}
              role="option"
              aria-selected={index === activeIndex}
              onMouseDown={(e) => e.preventDefault()}
              onClick={() => pick(person)}
              onMouseMove={() => index !== activeIndex && setActive(index)}
              className={cx(
                "flex cursor-pointer items-center gap-2.5 rounded-md px-2 py-1.5 text-sm",
                index === activeIndex
                  ? "bg-accent-50 text-ink ring-1 ring-accent-200 ring-inset"
                  : "text-ink",
              )}
            >
              <UserAvatar name={person.name} className="size-6 text-[10px]" />
              <span className="min-w-0 flex-1">
                <span className="block truncate font-medium">{person.name}</span>
                <span className="block truncate text-xs text-muted">{person.email}</span>
              </span>
            </li>
          ))}
      </ul>
      <p role="status" className="sr-only">
        {open
          ? `${options.length} ${options.length === 1 ? "member" : "members"} found: arrow keys to choose, Enter to mention.`
          : ""}
      </p>
    </div>
  );
}
