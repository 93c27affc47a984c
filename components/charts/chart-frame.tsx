"use client";

import { useEffect, useState, useSyncExternalStore, type ReactNode } from "react";
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

type Recharts = typeof import("recharts");

let recharts: Recharts | null = null;
let loading: Promise<Recharts> | null = null;

/**
 * The charting library, fetched once on the first page that draws a chart: Recharts is the largest
 * package of the app (~110 kB gzipped), so it stays out of every page's first-load JavaScript.
 */
function loadRecharts(): Promise<Recharts> {
  loading ??= import("recharts").then((module) => (recharts = module));
  return loading;
}

/** Recharts once loaded (null before, or after a failed load: then the placeholder stays). */
function useRecharts(): { library: Recharts | null; failed: boolean } {
  const [library, setLibrary] = useState(recharts);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    if (library) return;
    let live = true;
    loadRecharts().then(
      (module) => live && setLibrary(module),
      () => {
        loading = null; // the next chart tries again
        if (live) setFailed(true);
      },
    );
    return () => {
      live = false;
    };
  }, [library]);
  return { library, failed };
}

/**
 * A chart as one image for assistive technology, named by `summary` (what it shows, in words);
 * the numbers themselves are in a table next to it. Drawn once the page is hydrated, with a
 * placeholder of the same height before, and the chart itself drawn by `children` with the
 * charting library once it has loaded (after the first paint), so the page never shifts.
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
  children: (library: Recharts) => ReactNode;
}) {
  const hydrated = useHydrated();
  const { library, failed } = useRecharts();
  return (
    <div role="img" aria-label={summary} className={cx("w-full", className)} style={{ height }}>
      {hydrated && library ? (
        children(library)
      ) : failed ? (
        <p className="flex size-full items-center justify-center rounded-md bg-subtle text-sm text-ink-soft">
          The chart could not load. Reload the page to try again.
        </p>
      ) : (
        <Skeleton className="size-full" />
      )}
    </div>
  );
}
