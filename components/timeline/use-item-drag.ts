"use client";

import {
  useCallback,
  useLayoutEffect,
  useRef,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from "react";
import { dragGeometry, type DragMode } from "@/lib/planning/timeline-drag";
import { ROW_HEIGHT, type PlacedItem, type TimelineLayout } from "@/lib/planning/timeline-layout";

export interface DragCallbacks {
  layout: () => TimelineLayout;
  pxPerDay: () => number;
  canEdit: () => boolean;
  /** Limits a day delta so the item stays inside the horizon and keeps at least one day. */
  clamp: (placed: PlacedItem, mode: DragMode, delta: number) => number;
  /** The dates the item would get, for the badge that follows the drag. */
  preview: (placed: PlacedItem, mode: DragMode, delta: number) => string;
  commit: (placed: PlacedItem, mode: Exclude<DragMode, "link">, delta: number) => void;
  link: (fromId: string, toId: string) => void;
}

const THRESHOLD_PX = 3;

/**
 * Pointer drags on timeline items, by event delegation on the lanes' body: move a bar or milestone,
 * resize a bar by an edge, or draw a link from a bar's connector onto another item. While dragging
 * only the dragged element changes (a CSS transform or width) and the badge text; the change is
 * committed once, on pointer up. Escape cancels.
 */
export function useItemDrag(
  refs: {
    body: RefObject<HTMLDivElement | null>;
    badge: RefObject<HTMLDivElement | null>;
    linkLine: RefObject<SVGLineElement | null>;
  },
  callbacks: DragCallbacks,
) {
  const cb = useRef(callbacks);
  useLayoutEffect(() => {
    cb.current = callbacks;
  });
  const suppressClick = useRef(false);
  const active = useRef(false);

  const onPointerDown = useCallback(
    (event: ReactPointerEvent<HTMLDivElement>) => {
      if (event.button !== 0 || !cb.current.canEdit()) return;
      const target = event.target as HTMLElement;
      const el = target.closest<HTMLElement>("[data-item-id]");
      const body = refs.body.current;
      if (!el || !body) return;
      const placed = cb.current.layout().placed.get(el.dataset.itemId!);
      if (!placed) return;
      const handle = target.closest<HTMLElement>("[data-handle]")?.dataset.handle;
      const mode: DragMode =
        placed.item.kind === "milestone"
          ? "move"
          : handle === "start" || handle === "end" || handle === "link"
            ? handle
            : "move";
      const pointerId = event.pointerId;
      const startX = event.clientX;
      const startY = event.clientY;
      const ppd = cb.current.pxPerDay();
      let moved = false;
      let delta = 0;
      let lastTarget: HTMLElement | null = null;
      el.setPointerCapture(pointerId);
      active.current = true;

      const badge = refs.badge.current;
      const line = refs.linkLine.current;
      const bodyRect = () => body.getBoundingClientRect();

      function setLinkTarget(next: HTMLElement | null) {
        if (lastTarget === next) return;
        lastTarget?.removeAttribute("data-link-hover");
        next?.setAttribute("data-link-hover", "");
        lastTarget = next;
      }

      function reset() {
        el!.style.transform = "";
        el!.style.width = `${placed!.width}px`;
        if (badge) badge.hidden = true;
        if (line) line.style.display = "none";
        setLinkTarget(null);
      }

      function onMove(ev: PointerEvent) {
        const dx = ev.clientX - startX;
        const dy = ev.clientY - startY;
        if (!moved && Math.abs(dx) < THRESHOLD_PX && Math.abs(dy) < THRESHOLD_PX) return;
        if (!moved) {
          moved = true;
          body!.dataset.dragging = mode;
        }
        if (mode === "link") {
          const rect = bodyRect();
          if (line) {
            line.style.display = "";
            line.setAttribute("x1", String(placed!.x + placed!.width));
            line.setAttribute("y1", String(placed!.row * ROW_HEIGHT + ROW_HEIGHT / 2));
            line.setAttribute("x2", String(ev.clientX - rect.left));
            line.setAttribute("y2", String(ev.clientY - rect.top));
          }
          const over =
            document.elementFromPoint(ev.clientX, ev.clientY)?.closest<HTMLElement>("[data-item-id]") ?? null;
          setLinkTarget(over && over !== el ? over : null);
          return;
        }
        delta = cb.current.clamp(placed!, mode, Math.round(dx / ppd));
        const { shift, width, badgeX } = dragGeometry(placed!, mode, delta * ppd);
        if (mode !== "end") el!.style.transform = `translateX(${shift}px)`;
        if (mode !== "move") el!.style.width = `${width}px`;
        if (badge) {
          badge.hidden = false;
          badge.textContent = cb.current.preview(placed!, mode, delta);
          badge.style.transform = `translate(${badgeX}px, ${placed!.row * ROW_HEIGHT - 24}px)`;
        }
      }

      function finish(commit: boolean, ev?: PointerEvent) {
        el!.removeEventListener("pointermove", onMove);
        el!.removeEventListener("pointerup", onUp);
        el!.removeEventListener("pointercancel", onCancel);
        window.removeEventListener("keydown", onKey, true);
        if (el!.hasPointerCapture(pointerId)) el!.releasePointerCapture(pointerId);
        delete body!.dataset.dragging;
        active.current = false;
        if (!moved) return;
        suppressClick.current = true;
        setTimeout(() => (suppressClick.current = false), 0);
        if (!commit) return reset();
        if (mode === "link") {
          const toId = lastTarget?.dataset.itemId;
          reset();
          if (toId && ev) cb.current.link(placed!.item.id, toId);
          return;
        }
        if (badge) badge.hidden = true;
        if (delta === 0) return reset();
        cb.current.commit(placed!, mode, delta);
      }

      const onUp = (ev: PointerEvent) => finish(true, ev);
      const onCancel = () => finish(false);
      const onKey = (ev: KeyboardEvent) => {
        if (ev.key !== "Escape") return;
        ev.preventDefault();
        ev.stopPropagation();
        finish(false);
      };

      el.addEventListener("pointermove", onMove);
      el.addEventListener("pointerup", onUp);
      el.addEventListener("pointercancel", onCancel);
      window.addEventListener("keydown", onKey, true);
    },
    [refs.body, refs.badge, refs.linkLine],
  );

  return { onPointerDown, suppressClick, dragging: active };
}
