import type { ReactNode } from "react";
import { cx } from "./cx";

export interface EmptyStateProps {
  icon?: ReactNode;
  title: ReactNode;
  description?: ReactNode;
  action?: ReactNode;
  className?: string;
  /** Heading level for the title; 2 by default. */
  level?: 2 | 3;
}

/** What the user sees where there is nothing yet: what this is, and what to do next. */
export function EmptyState({ icon, title, description, action, className, level = 2 }: EmptyStateProps) {
  const Heading = level === 2 ? "h2" : "h3";
  return (
    <div
      className={cx(
        "flex flex-col items-center rounded-xl border border-dashed border-line-strong bg-surface/70 px-6 py-12 text-center",
        className,
      )}
    >
      {icon && (
        <div className="mb-4 flex size-11 items-center justify-center rounded-full bg-accent-50 text-accent-700 ring-1 ring-accent-100">
          {icon}
        </div>
      )}
      <Heading className="text-base font-semibold tracking-tight text-ink">{title}</Heading>
      {description && <div className="mt-1.5 max-w-md text-sm leading-6 text-muted">{description}</div>}
      {action && <div className="mt-5 flex flex-wrap justify-center gap-2">{action}</div>}
    </div>
  );
}
