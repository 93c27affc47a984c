"use client";

import { useCallback, useEffect, useRef, useState, type RefObject } from "react";

/**
 * The item tooltip's state: shown after a short hover (at once on keyboard focus), hidden a moment
 * after the pointer or focus leaves so that it can be reached, never during a drag.
 */
export function useItemTooltip(dragging: RefObject<boolean>) {
  const [tooltip, setTooltip] = useState<{ id: string; anchor: DOMRect } | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);

  const showFor = useCallback(
    (el: HTMLElement, delay: number) => {
      clearTimeout(timer.current);
      timer.current = setTimeout(() => {
        if (dragging.current) return;
        setTooltip({ id: el.dataset.itemId!, anchor: el.getBoundingClientRect() });
      }, delay);
    },
    [dragging],
  );

  const hideSoon = useCallback(() => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setTooltip(null), 150);
  }, []);

  /** The pointer reached the tooltip: keep it. */
  const keep = useCallback(() => clearTimeout(timer.current), []);
  const hide = useCallback(() => setTooltip((old) => (old ? null : old)), []);
  useEffect(() => () => clearTimeout(timer.current), []);

  return { tooltip, showFor, hideSoon, keep, hide };
}
