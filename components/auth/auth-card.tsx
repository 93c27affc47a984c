import type { ReactNode } from "react";

/** The centred card of the sign-in and register pages. */
export function AuthCard({
  title,
  description,
  children,
  footer,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
  footer: ReactNode;
}) {
  return (
    <>
      <div className="rounded-2xl border border-line bg-surface px-6 py-7 shadow-card sm:px-8 sm:py-8">
        <h1 className="text-xl font-semibold tracking-tight text-ink">{title}</h1>
        <p className="mt-1.5 text-sm leading-6 text-muted">{description}</p>
        <div className="mt-6">{children}</div>
      </div>
      <p className="mt-6 text-center text-sm text-muted">{footer}</p>
    </>
  );
}
