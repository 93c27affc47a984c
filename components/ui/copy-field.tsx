"use client";

import { useEffect, useRef, useState } from "react";
import { Button } from "./button";
import { cx } from "./cx";
import { CheckIcon, CopyIcon } from "./icons";

/** A value to copy (a secret, a link, a command), shown in full in a read-only box with a copy button. */
export function CopyField({
  value,
  label,
  rows,
  className,
}: {
  value: string;
  /** Names the value for screen readers, e.g. "Invitation link". */
  label: string;
  /** Several lines (a command): a read-only text area of this many rows. */
  rows?: number;
  className?: string;
}) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  const boxRef = useRef<HTMLInputElement & HTMLTextAreaElement>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  async function copy() {
    try {
      await navigator.clipboard.writeText(value);
      setState("copied");
    } catch {
      boxRef.current?.focus();
      boxRef.current?.select();
      setState("failed");
    }
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setState("idle"), 2500);
  }

  const boxClasses =
    "min-w-0 flex-1 rounded-md border border-line bg-canvas px-3 py-2 font-mono text-[13px] leading-5 text-ink focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-600/40";
  return (
    <div
      className={cx("flex items-start gap-2", !!rows && "max-sm:flex-col max-sm:items-stretch", className)}
    >
      {rows ? (
        <textarea
          ref={boxRef}
          readOnly
          rows={rows}
          value={value}
          aria-label={label}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className={cx(boxClasses, "resize-none break-all max-sm:w-full")}
        />
      ) : (
        <input
          ref={boxRef}
          readOnly
          value={value}
          aria-label={label}
          spellCheck={false}
          onFocus={(e) => e.currentTarget.select()}
          className={cx(boxClasses, "h-9")}
        />
      )}
      <Button
        variant="secondary"
        onClick={copy}
        icon={
          state === "copied" ? (
            <CheckIcon className="size-4 text-accent-700" />
          ) : (
            <CopyIcon className="size-4" />
          )
        }
      >
        {state === "copied" ? "Copied" : "Copy"}
        <span className="sr-only"> {label.toLowerCase()}</span>
      </Button>
      <span role="status" className="sr-only">
        {state === "copied"
          ? `${label} copied to the clipboard.`
          : state === "failed"
            ? "Could not copy automatically: the text is selected, press Control+C or Command+C."
            : ""}
      </span>
    </div>
  );
}
