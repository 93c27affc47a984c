import type { ComponentProps } from "react";
import { cx } from "./cx";

export const controlClasses = cx(
  "block w-full rounded-md border border-line-strong bg-surface text-sm text-ink shadow-xs transition-colors",
  "placeholder:text-muted hover:border-[#b9b8b1]",
  "focus-visible:border-accent-600 focus-visible:outline-2 focus-visible:outline-offset-0 focus-visible:outline-accent-600/35",
  "aria-invalid:border-danger-600 aria-invalid:focus-visible:outline-danger-600/30",
  "disabled:cursor-not-allowed disabled:bg-subtle disabled:text-muted",
);

export function Input({ className, ...rest }: ComponentProps<"input">) {
  return <input className={cx(controlClasses, "h-9 px-3", className)} {...rest} />;
}

/** A multi-line text control in the same style as Input. */
export function Textarea({ className, ...rest }: ComponentProps<"textarea">) {
  return <textarea className={cx(controlClasses, "px-3 py-2 leading-5", className)} {...rest} />;
}
