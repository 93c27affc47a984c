"use client";

import { lazy, Suspense, type CSSProperties } from "react";
import { LoadingStatus } from "@/components/ui/query-state";
import { Skeleton } from "@/components/ui/skeleton";
import type { ItemPanelProps } from "./item-panel";

const loadItemPanel = () => import("./item-panel");
const LazyPanel = lazy(() => loadItemPanel().then((m) => ({ default: m.ItemPanel })));

/**
 * Fetches the item panel's code (its form, checks, comments, history and dependencies) ahead of
 * use, e.g. once the timeline is idle: it is not part of the page's first-load JavaScript.
 */
export function preloadItemPanel(): void {
  void loadItemPanel().catch(() => {}); // a failed fetch is retried when the panel opens
}

/**
 * The item panel, fetched when first opened. Until its code has arrived a placeholder of the
 * panel's own size holds its place, so the timeline beside it does not move twice.
 */
export function ItemPanel(props: ItemPanelProps) {
  return (
    <Suspense fallback={<ItemPanelPlaceholder height={props.height} />}>
      <LazyPanel {...props} />
    </Suspense>
  );
}

function ItemPanelPlaceholder({ height }: { height: number }) {
  return (
    <aside
      aria-label="Item details"
      style={{ "--panel-h": `${height}px` } as CSSProperties}
      className="fixed inset-0 z-50 bg-surface lg:relative lg:inset-auto lg:z-auto lg:h-[max(var(--panel-h),30rem)] lg:w-[25rem] lg:shrink-0 lg:rounded-lg lg:border lg:border-line lg:shadow-card"
    >
      <LoadingStatus label="Opening the item…">
        <div className="flex flex-col gap-3 px-4 py-3">
          <Skeleton className="h-6 w-3/4" />
          <Skeleton className="mt-2 h-9 w-full" />
          <Skeleton className="h-9 w-full" />
          <Skeleton className="h-9 w-2/3" />
        </div>
      </LoadingStatus>
    </aside>
  );
}
