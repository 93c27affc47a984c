"use client";

import { useLayoutEffect, useState, useSyncExternalStore, type RefObject } from "react";

/** Whether the window is at least 640px wide (the lane column shrinks below that). */
export function useWideScreen(): boolean {
  return useSyncExternalStore(
    (notify) => {
      const query = window.matchMedia("(min-width: 640px)");
      query.addEventListener("change", notify);
      return () => query.removeEventListener("change", notify);
    },
    () => window.matchMedia("(min-width: 640px)").matches,
    () => true,
  );
}

/**
 * The height from the top of `rowRef` to the bottom of the window (less a margin), so that the
 * canvas and the panel fill the window below the header, whatever the header measures.
 */
export function useHeightBelow(rowRef: RefObject<HTMLElement | null>, remeasureWhen: unknown): number {
  const [available, setAvailable] = useState(560);
  useLayoutEffect(() => {
    function fit() {
      const el = rowRef.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setAvailable(Math.max(320, Math.round(window.innerHeight - top - 56)));
    }
    fit();
    window.addEventListener("resize", fit);
    const observer = new ResizeObserver(fit);
    if (rowRef.current?.parentElement) observer.observe(rowRef.current.parentElement);
    return () => {
      window.removeEventListener("resize", fit);
      observer.disconnect();
    };
  }, [rowRef, remeasureWhen]);
  return available;
}
