"use client";

import {
  useCallback,
  useEffect,
  useImperativeHandle,
  useLayoutEffect,
  useRef,
  useState,
  type Ref,
  type RefObject,
} from "react";
import { fromDayNumber, toDayNumber } from "@/lib/planning/calendar";
import {
  ROW_HEIGHT,
  dayAtX,
  xOfDay,
  type TimeScale,
  type TimelineLayout,
} from "@/lib/planning/timeline-layout";
import { sameSpan, viewSpan, type ViewSpan } from "./layout";

export interface CanvasController {
  scrollToToday: () => void;
  /** Scrolls an item into view and (optionally) moves keyboard focus to it. */
  revealItem: (itemId: string, focus: boolean) => void;
  /** The date in the middle of what is visible: where new items go by default. */
  centreDate: () => string;
}

/**
 * The canvas's scroll position and what it spans: read on scroll (once a frame) and resize, kept on
 * the date in the middle when zooming, started at today once the browser knows the date. Revealing
 * an item scrolls it into view and can move focus to it once it is drawn.
 */
export function useCanvasViewport({
  layout,
  scale,
  laneWidth,
  headerHeight,
  today,
  bodyRef,
  controllerRef,
  onActiveChange,
  onScrolled,
}: {
  layout: TimelineLayout;
  scale: TimeScale;
  laneWidth: number;
  headerHeight: number;
  today: string | null;
  bodyRef: RefObject<HTMLDivElement | null>;
  controllerRef: Ref<CanvasController>;
  onActiveChange: (itemId: string) => void;
  /** After a scroll was read (the tooltip closes: its anchor moved). */
  onScrolled: () => void;
}) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const [span, setSpan] = useState<ViewSpan>(() =>
    viewSpan({ scrollLeft: 0, scrollTop: 0, width: 1200, height: 600 }, laneWidth),
  );
  const pendingFocus = useRef<string | null>(null);
  const frame = useRef(0);

  const readView = useCallback(() => {
    const el = scrollRef.current;
    if (!el) return;
    const next = viewSpan(
      { scrollLeft: el.scrollLeft, scrollTop: el.scrollTop, width: el.clientWidth, height: el.clientHeight },
      laneWidth,
    );
    setSpan((old) => (sameSpan(old, next) ? old : next));
  }, [laneWidth]);

  useLayoutEffect(() => {
    readView();
    const observer = new ResizeObserver(() => readView());
    if (scrollRef.current) observer.observe(scrollRef.current);
    return () => observer.disconnect();
  }, [readView]);

  const onScroll = useCallback(() => {
    if (frame.current) return;
    frame.current = requestAnimationFrame(() => {
      frame.current = 0;
      readView();
      onScrolled();
    });
  }, [readView, onScrolled]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const bodyWidth = () => Math.max(0, (scrollRef.current?.clientWidth ?? 0) - laneWidth);

  function scrollTo(left: number | null, top: number | null) {
    const el = scrollRef.current;
    if (!el) return;
    if (left !== null) el.scrollLeft = Math.max(0, left);
    if (top !== null) el.scrollTop = Math.max(0, top);
    readView();
  }

  function revealItem(itemId: string, focus: boolean) {
    const el = scrollRef.current;
    const placed = layout.placed.get(itemId);
    if (!el || !placed) return;
    const bw = bodyWidth();
    const bodyHeight = el.clientHeight - headerHeight;
    const top = placed.row * ROW_HEIGHT;
    let left: number | null = null;
    let scrollTop: number | null = null;
    if (placed.x < el.scrollLeft + 16 || placed.x + Math.min(placed.width, bw / 2) > el.scrollLeft + bw - 16)
      left = placed.x - bw / 3;
    if (top < el.scrollTop || top + ROW_HEIGHT > el.scrollTop + bodyHeight) scrollTop = top - bodyHeight / 3;
    scrollTo(left, scrollTop);
    if (focus) {
      pendingFocus.current = itemId;
      onActiveChange(itemId);
      focusPending();
    }
  }

  function focusPending() {
    const id = pendingFocus.current;
    if (!id) return;
    const el = bodyRef.current?.querySelector<HTMLElement>(`[data-item-id="${CSS.escape(id)}"]`);
    if (el) {
      pendingFocus.current = null;
      el.focus({ preventScroll: true });
    }
  }
  useLayoutEffect(focusPending);

  // Once the browser knows today's date, start the view there (a little left of centre).
  const startedAtToday = useRef(false);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !today || startedAtToday.current) return;
    startedAtToday.current = true;
    const day = toDayNumber(today);
    if (day >= scale.startDay && day <= scale.endDay && el.scrollLeft === 0) {
      el.scrollLeft = Math.max(0, xOfDay(scale, day) - bodyWidth() / 4);
      readView();
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- once, when today becomes known
  }, [today]);

  // Zooming keeps the date in the middle of the view where it was.
  const shownPxPerDay = useRef(scale.pxPerDay);
  useLayoutEffect(() => {
    const el = scrollRef.current;
    const before = shownPxPerDay.current;
    shownPxPerDay.current = scale.pxPerDay;
    if (!el || before === scale.pxPerDay) return;
    const half = bodyWidth() / 2;
    const centreDays = (el.scrollLeft + half) / before;
    el.scrollLeft = Math.max(0, centreDays * scale.pxPerDay - half);
    readView();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the zoom changes
  }, [scale.pxPerDay]);

  useImperativeHandle(controllerRef, () => ({
    scrollToToday() {
      if (!today) return;
      const day = Math.min(scale.endDay, Math.max(scale.startDay, toDayNumber(today)));
      scrollTo(xOfDay(scale, day) - bodyWidth() / 3, null);
    },
    revealItem,
    centreDate() {
      const el = scrollRef.current;
      return fromDayNumber(dayAtX(scale, (el?.scrollLeft ?? 0) + bodyWidth() / 2));
    },
  }));

  return { scrollRef, span, onScroll, revealItem };
}
