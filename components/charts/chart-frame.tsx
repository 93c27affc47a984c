"use client";

import { useSyncExternalStore, type ReactNode } from "react";
import { cx } from "@/components/ui/cx";
import { Skeleton } from "@/components/ui/skeleton";

const subscribeNothing = () => () => {};

/** False during the server render and hydration; charts measure the page, so they draw after it. */
export function useHydrated(): boolean {
  return useSyncExternalStore(
    subscribeNothing,
    () => true,
    () => false,
  );
}

/**
 * A chart as one image for assistive technology, named by `summary` (what it shows, in words);
 * the numbers themselves are in a table next to it. Drawn once the page is hydrated, with a
 * placeholder of the same height before.
 */
export function ChartFrame({
  summary,
  height,
  className,
  children,
}: {
  summary: string;
  height: number;
  className?: string;
  children: ReactNode;
}) {
  const hydrated = useHydrated();
  return (
    <div role="img" aria-label={summary} className={cx("w-full", className)} style={{ height }}>
      {hydrated ? children : <Skeleton className="size-full" />}
    </div>
  );
}
