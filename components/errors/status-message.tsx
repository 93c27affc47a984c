import type { ReactNode } from "react";
import { cx } from "@/components/ui/cx";

/** A whole-page message: not found, an error, a link that no longer works. */
export function StatusMessage({
  eyebrow,
  title,
  description,
  actions,
  icon,
  className,
}: {
  eyebrow?: string;
  title: ReactNode;
  description?: ReactNode;
  actions?: ReactNode;
  icon?: ReactNode;
  className?: string;
}) {
  return (
    <div
      className={cx("mx-auto flex max-w-lg flex-col items-center px-6 py-16 text-center sm:py-24", className)}
    >
      {icon && (
        <div className="mb-5 flex size-12 items-center justify-center rounded-full bg-surface text-accent-700 shadow-card ring-1 ring-line">
          {icon}
        </div>
      )}
      {eyebrow && <p className="text-sm font-semibold text-accent-700">{eyebrow}</p>}
      <h1 className="mt-2 text-2xl font-semibold tracking-tight text-balance text-ink sm:text-3xl">
        {title}
      </h1>
      {description && <div className="mt-3 text-[15px] leading-7 text-pretty text-muted">{description}</div>}
      {actions && <div className="mt-8 flex flex-wrap justify-center gap-3">{actions}</div>}
    </div>
  );
}
