"use client";

import { lazy, Suspense, useState, type ComponentType } from "react";

/** A dialog whose code is fetched the first time it opens (or when `preload` is called). */
export type LazyDialog<P> = ComponentType<P> & { preload: () => void };

/**
 * Wraps a dialog component (props with `open`) so that its module stays out of the page's
 * first-load JavaScript: nothing renders and nothing is fetched until it is first opened; from
 * then on it stays mounted, so it closes and reopens as the real dialog does.
 */
export function lazyDialog<P extends { open: boolean }>(
  load: () => Promise<ComponentType<P>>,
): LazyDialog<P> {
  let fetching: Promise<{ default: ComponentType<P> }> | null = null;
  const fetchOnce = () =>
    (fetching ??= load().then(
      (component) => ({ default: component }),
      (error: unknown) => {
        fetching = null; // the next opening tries again
        throw error;
      },
    ));
  const Loaded = lazy(fetchOnce) as unknown as ComponentType<P>;

  function Dialog(props: P) {
    const [wanted, setWanted] = useState(props.open);
    if (props.open && !wanted) setWanted(true);
    if (!wanted) return null;
    return (
      <Suspense fallback={null}>
        <Loaded {...props} />
      </Suspense>
    );
  }
  return Object.assign(Dialog, { preload: () => void fetchOnce().catch(() => {}) });
}

/** Runs `task` once the browser is idle (after the page has loaded and painted); answers a cancel. */
export function whenIdle(task: () => void): () => void {
  if (typeof window.requestIdleCallback === "function") {
    const id = window.requestIdleCallback(task, { timeout: 4000 });
    return () => window.cancelIdleCallback(id);
  }
  const id = window.setTimeout(task, 1500);
  return () => window.clearTimeout(id);
}
