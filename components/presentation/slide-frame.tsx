import type { ReactNode } from "react";

/** One slide: an eyebrow, the title (large enough for a projector) and its body. */
export function SlideFrame({
  eyebrow,
  title,
  children,
}: {
  eyebrow?: string;
  title: string;
  children?: ReactNode;
}) {
  return (
    <div className="flex h-full min-h-0 flex-col gap-6 px-10 py-8 sm:px-16 sm:py-10">
      <header>
        {eyebrow && (
          <p className="text-base font-semibold tracking-wide text-accent-700 uppercase">{eyebrow}</p>
        )}
        <h2 className="text-3xl font-semibold tracking-tight text-balance text-ink sm:text-4xl">{title}</h2>
      </header>
      <div className="min-h-0 flex-1 overflow-y-auto">{children}</div>
    </div>
  );
}
