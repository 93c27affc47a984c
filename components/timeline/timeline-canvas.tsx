"use client";

import {
  useCallback,
  useEffect,
  useId,
  useImperativeHandle,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent,
  type MouseEvent,
  type PointerEvent,
  type Ref,
} from "react";
import { cx } from "@/components/ui/cx";
import { PlusIcon } from "@/components/ui/icons";
import { fromDayNumber, toDayNumber } from "@/lib/planning/calendar";
import type { Board } from "@/lib/client/timeline";
import type { Phase } from "@/lib/validation/phases";
import type { DateText } from "@/lib/client/dates";
import { describeItem, withEditors, withRisks } from "./describe";
import { DependencyArrows, type ArrowInput } from "./dependency-arrows";
import { GhostLayer, NewBadges } from "./ghost-layer";
import { withNewMark, type Comparison } from "./ghost-layout";
import { ItemTooltip } from "./item-tooltip";
import { LaneLabels, lanesInView } from "./lane-labels";
import { PhaseBands } from "./phase-bands";
import {
  AXIS_HEIGHT,
  PHASE_ROW_HEIGHT,
  ROW_HEIGHT,
  dayAtX,
  todayX as todayXOf,
  xOfDay,
  type LaneBlock,
  type PlacedItem,
  type TimeScale,
  type TimelineLayout,
} from "@/lib/planning/timeline-layout";
import {
  firstItemId,
  laneAtRow,
  neighbour,
  sameSpan,
  viewSpan,
  visibleItems,
  visibleWindow,
  type Direction,
  type ViewSpan,
} from "./layout";
import { TimeAxis, TimeGrid } from "./time-axis";
import { TimelineItem, flagsOf, type Editor, type ScheduleEntry } from "./timeline-item";
import { useItemDrag, type DragMode } from "./use-item-drag";

export interface CanvasController {
  scrollToToday: () => void;
  /** Scrolls an item into view and (optionally) moves keyboard focus to it. */
  revealItem: (itemId: string, focus: boolean) => void;
  /** The date in the middle of what is visible: where new items go by default. */
  centreDate: () => string;
}

const KEY_DIRECTIONS: Record<string, Direction> = {
  ArrowLeft: "left",
  ArrowRight: "right",
  ArrowUp: "up",
  ArrowDown: "down",
  Home: "home",
  End: "end",
};

export interface TimelineCanvasProps {
  board: Board;
  scheduleMap: Map<string, ScheduleEntry>;
  scale: TimeScale;
  layout: TimelineLayout;
  laneWidth: number;
  /** The most the canvas may take; a small roadmap takes less. */
  maxHeight: number;
  canEdit: boolean;
  showCritical: boolean;
  activeId: string | null;
  linkingFrom: string | null;
  dt: DateText;
  today: string | null;
  ownerNames: Map<string, string>;
  /** Who else is editing which item now. */
  editorsByItem: Map<string, Editor[]>;
  /** Titles of the high risks without a contingency plan linked to each item. */
  risksByItem: Map<string, string[]>;
  /** A snapshot compared with now (?compare=): ghosts of old positions, new items marked. */
  comparison?: Comparison | null;
  /** The roadmap's phases in order, drawn as bands under the time axis. */
  phases: Phase[];
  label: string;
  describedBy: string;
  controllerRef: Ref<CanvasController>;
  onActiveChange: (itemId: string) => void;
  onOpenItem: (itemId: string) => void;
  onCreateAt: (laneId: string | null, date: string) => void;
  onItemKeyDown: (event: KeyboardEvent<HTMLElement>, itemId: string) => void;
  onCommitDrag: (placed: PlacedItem, mode: Exclude<DragMode, "link">, delta: number) => void;
  onLink: (fromId: string, toId: string) => void;
  onAddItemToLane: (lane: LaneBlock) => void;
  onLaneSettings: (lane: LaneBlock) => void;
  clampDrag: (placed: PlacedItem, mode: DragMode, delta: number) => number;
  previewDrag: (placed: PlacedItem, mode: DragMode, delta: number) => string;
}

/**
 * The timeline itself: one scroll container with a sticky time axis and a sticky lane column, so
 * both stay in step with the lanes. Only the rows in view (plus overscan) and the items meeting the
 * visible time window are rendered, and only the arrows touching those rows.
 */
export function TimelineCanvas(props: TimelineCanvasProps) {
  const {
    board,
    scheduleMap,
    scale,
    layout,
    laneWidth,
    canEdit,
    showCritical,
    activeId,
    linkingFrom,
    dt,
    today,
    phases,
  } = props;
  const headerHeight = AXIS_HEIGHT + (phases.length > 0 ? PHASE_ROW_HEIGHT : 0);
  const scrollRef = useRef<HTMLDivElement>(null);
  const bodyRef = useRef<HTMLDivElement>(null);
  const badgeRef = useRef<HTMLDivElement>(null);
  const linkLineRef = useRef<SVGLineElement>(null);
  const [span, setSpan] = useState<ViewSpan>(() =>
    viewSpan({ scrollLeft: 0, scrollTop: 0, width: 1200, height: 600 }, laneWidth),
  );
  const [hoverCell, setHoverCell] = useState<{ row: number; day: number } | null>(null);
  const [tooltip, setTooltip] = useState<{ id: string; anchor: DOMRect } | null>(null);
  const tooltipTimer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const pendingFocus = useRef<string | null>(null);
  const frame = useRef(0);
  const tooltipId = useId();

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
      setTooltip((old) => (old ? null : old));
    });
  }, [readView]);
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
      props.onActiveChange(itemId);
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

  useImperativeHandle(props.controllerRef, () => ({
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

  const drag = useItemDrag(
    { body: bodyRef, badge: badgeRef, linkLine: linkLineRef },
    {
      layout: () => layout,
      pxPerDay: () => scale.pxPerDay,
      canEdit: () => canEdit,
      clamp: props.clampDrag,
      preview: props.previewDrag,
      commit: props.onCommitDrag,
      link: props.onLink,
    },
  );

  // --- what to draw -------------------------------------------------------------------------
  const contentHeight = headerHeight + Math.max(layout.height, ROW_HEIGHT) + ROW_HEIGHT;
  const height = Math.min(props.maxHeight, Math.max(240, contentHeight));
  const win = useMemo(() => visibleWindow(layout, span), [layout, span]);
  const tabStop = activeId && layout.placed.has(activeId) ? activeId : firstItemId(layout);
  const shown = visibleItems(layout, win);
  for (const id of [tabStop, linkingFrom]) {
    const p = id ? layout.placed.get(id) : undefined;
    if (p && !shown.includes(p)) shown.push(p);
  }
  shown.sort((a, b) => a.row - b.row || a.x - b.x);

  const arrows: ArrowInput[] = useMemo(() => {
    const out: ArrowInput[] = [];
    for (const dependency of board.dependencies) {
      const from = layout.placed.get(dependency.fromId);
      const to = layout.placed.get(dependency.toId);
      if (!from || !to) continue;
      const touchesRows =
        (from.row >= win.firstRow && from.row <= win.lastRow) ||
        (to.row >= win.firstRow && to.row <= win.lastRow);
      if (!touchesRows) continue;
      const left = Math.min(from.x, to.x);
      const right = Math.max(from.x + from.width, to.x + to.width);
      if (right < win.x0 || left > win.x1) continue;
      const critical =
        showCritical &&
        !!scheduleMap.get(dependency.fromId)?.critical &&
        !!scheduleMap.get(dependency.toId)?.critical;
      out.push({ dependency, critical, pending: dependency.id.startsWith("pending-") });
    }
    return out;
  }, [board.dependencies, layout, scheduleMap, showCritical, win]);

  const todayX = todayXOf(scale, today);

  const lanes = lanesInView(layout, win);
  const groups = new Map<number, PlacedItem[]>();
  for (const p of shown) {
    const list = groups.get(p.laneIndex) ?? [];
    list.push(p);
    groups.set(p.laneIndex, list);
  }

  // --- pointer and keyboard -------------------------------------------------------------------
  function itemFrom(target: EventTarget | null): HTMLElement | null {
    return (target as HTMLElement | null)?.closest?.<HTMLElement>("[data-item-id]") ?? null;
  }

  function cellAt(event: { clientX: number; clientY: number }) {
    const rect = bodyRef.current!.getBoundingClientRect();
    const row = Math.floor((event.clientY - rect.top) / ROW_HEIGHT);
    const day = dayAtX(scale, event.clientX - rect.left);
    return row >= 0 && row < layout.rows.length ? { row, day } : null;
  }

  function onClick(event: MouseEvent<HTMLDivElement>) {
    const el = itemFrom(event.target);
    if (!el || drag.suppressClick.current) return;
    const id = el.dataset.itemId!;
    props.onActiveChange(id);
    props.onOpenItem(id);
  }

  function onDoubleClick(event: MouseEvent<HTMLDivElement>) {
    if (!canEdit || itemFrom(event.target) || (event.target as HTMLElement).closest("button")) return;
    const cell = cellAt(event);
    if (!cell) return;
    props.onCreateAt(laneAtRow(layout, cell.row)?.id ?? null, fromDayNumber(cell.day));
  }

  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (!canEdit || drag.dragging.current || event.pointerType !== "mouse") return;
    const target = event.target as HTMLElement;
    if (itemFrom(target) || target.closest("[data-hover-add]")) return;
    const cell = cellAt(event);
    setHoverCell((old) => (old?.row === cell?.row && old?.day === cell?.day ? old : cell));
  }

  function showTooltipFor(el: HTMLElement, delay: number) {
    clearTimeout(tooltipTimer.current);
    tooltipTimer.current = setTimeout(() => {
      if (drag.dragging.current) return;
      setTooltip({ id: el.dataset.itemId!, anchor: el.getBoundingClientRect() });
    }, delay);
  }

  function hideTooltipSoon() {
    clearTimeout(tooltipTimer.current);
    tooltipTimer.current = setTimeout(() => setTooltip(null), 150);
  }
  useEffect(() => () => clearTimeout(tooltipTimer.current), []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const el = itemFrom(event.target);
    if (!el) return;
    const id = el.dataset.itemId!;
    if (event.key === "Escape" && tooltip) setTooltip(null);
    const direction = KEY_DIRECTIONS[event.key];
    if (direction && !event.altKey && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
      event.preventDefault();
      const next = neighbour(layout, id, direction);
      if (next) revealItem(next, true);
      return;
    }
    props.onItemKeyDown(event, id);
  }

  const tooltipItem = tooltip ? board.items.find((i) => i.id === tooltip.id) : undefined;
  const hoverLane = hoverCell ? laneAtRow(layout, hoverCell.row) : undefined;

  return (
    <div
      ref={scrollRef}
      role="region"
      aria-label={props.label}
      aria-describedby={props.describedBy}
      tabIndex={tabStop ? undefined : 0}
      onScroll={onScroll}
      className="relative overflow-auto overscroll-contain rounded-lg border border-line bg-surface shadow-card"
      style={{ height }}
    >
      <div
        className="grid"
        style={{
          gridTemplateColumns: `${laneWidth}px ${scale.width}px`,
          gridTemplateRows: `${headerHeight}px ${Math.max(layout.height, ROW_HEIGHT)}px`,
          width: laneWidth + scale.width,
        }}
      >
        <div className="sticky top-0 left-0 z-30 flex flex-col justify-end border-r border-b border-line-strong bg-surface text-xs font-medium text-muted">
          <span className="px-3 pb-1.5">Lanes</span>
          {phases.length > 0 && (
            <span
              className="flex items-center border-t border-line px-3"
              style={{ height: PHASE_ROW_HEIGHT }}
            >
              Phases
            </span>
          )}
        </div>
        <div className="sticky top-0 z-20 border-b border-line-strong bg-surface">
          <div style={{ height: AXIS_HEIGHT }}>
            <TimeAxis scale={scale} dt={dt} today={today} stickyLeft={laneWidth} />
          </div>
          {phases.length > 0 && (
            <PhaseBands roadmapId={board.roadmap.id} phases={phases} scale={scale} dt={dt} />
          )}
        </div>
        <div className="sticky left-0 z-20 border-r border-line-strong bg-surface">
          <LaneLabels
            layout={layout}
            win={win}
            canEdit={canEdit}
            compact={laneWidth < 160}
            stickyTop={headerHeight}
            onAddItem={props.onAddItemToLane}
            onLaneSettings={props.onLaneSettings}
          />
        </div>
        <div
          ref={bodyRef}
          className="relative select-none"
          onPointerDown={(e) => {
            setTooltip(null);
            drag.onPointerDown(e);
          }}
          onClick={onClick}
          onDoubleClick={onDoubleClick}
          onPointerMove={onPointerMove}
          onPointerLeave={() => setHoverCell(null)}
          onPointerOver={(e) => {
            const el = itemFrom(e.target);
            if (el) showTooltipFor(el, 350);
          }}
          onPointerOut={(e) => {
            if (itemFrom(e.target)) hideTooltipSoon();
          }}
          onFocus={(e) => {
            const el = itemFrom(e.target);
            if (!el) return;
            props.onActiveChange(el.dataset.itemId!);
            if (el.matches(":focus-visible")) showTooltipFor(el, 0);
          }}
          onBlur={(e) => {
            if (itemFrom(e.target)) hideTooltipSoon();
          }}
          onKeyDown={onKeyDown}
        >
          <TimeGrid scale={scale} height={Math.max(layout.height, ROW_HEIGHT)} />
          {lanes.map(({ block, index }) => (
            <div
              key={block.id ?? "no-lane"}
              aria-hidden="true"
              className={cx(
                "absolute inset-x-0 border-b border-line",
                index % 2 === 1 && "bg-[#1b1b18]/[0.018]",
              )}
              style={{ top: block.firstRow * ROW_HEIGHT, height: block.rowCount * ROW_HEIGHT }}
            >
              {block.itemCount === 0 && (
                <p
                  className="sticky flex h-10 w-max items-center px-3 text-[13px] whitespace-nowrap text-muted"
                  style={{ left: laneWidth }}
                >
                  {canEdit
                    ? "No items in this lane yet: double-click a date here, or use + beside the lane name."
                    : "No items in this lane yet."}
                </p>
              )}
            </div>
          ))}
          {todayX !== null && (
            <div
              aria-hidden="true"
              className="pointer-events-none absolute top-0 bottom-0 w-0.5 bg-danger-600/80"
              style={{ left: todayX - 1 }}
            />
          )}
          {props.comparison && <GhostLayer comparison={props.comparison} win={win} />}
          <DependencyArrows
            arrows={arrows}
            layout={layout}
            win={win}
            preview={linkingFrom && activeId ? { fromId: linkingFrom, toId: activeId } : null}
          />
          {[...groups.entries()].map(([laneIndex, items]) => (
            <div key={laneIndex} role="group" aria-label={`Lane ${layout.lanes[laneIndex]?.name ?? ""}`}>
              {items.map((p) => (
                <TimelineItem
                  key={p.item.id}
                  placed={p}
                  {...flagsOf(scheduleMap.get(p.item.id), showCritical)}
                  label={withNewMark(
                    withEditors(
                      withRisks(
                        describeItem(p.item, scheduleMap.get(p.item.id), dt, board.feedback[p.item.id]),
                        props.risksByItem.get(p.item.id),
                      ),
                      props.editorsByItem.get(p.item.id),
                    ),
                    p.item.id,
                    props.comparison,
                  )}
                  editors={props.editorsByItem.get(p.item.id)}
                  risky={props.risksByItem.has(p.item.id)}
                  feedback={board.feedback[p.item.id]}
                  active={p.item.id === tabStop}
                  canEdit={canEdit}
                  linkRole={
                    linkingFrom === p.item.id
                      ? "source"
                      : linkingFrom && p.item.id === activeId
                        ? "target"
                        : null
                  }
                />
              ))}
            </div>
          ))}
          {props.comparison && <NewBadges comparison={props.comparison} layout={layout} win={win} />}
          {canEdit && hoverCell && (
            <button
              type="button"
              tabIndex={-1}
              data-hover-add=""
              onClick={() => props.onCreateAt(hoverLane?.id ?? null, fromDayNumber(hoverCell.day))}
              className="absolute flex size-6 items-center justify-center rounded-full border border-accent-600 bg-surface text-accent-700 opacity-80 shadow-xs hover:opacity-100"
              style={{
                left: xOfDay(scale, hoverCell.day) - 12 + scale.pxPerDay / 2,
                top: hoverCell.row * ROW_HEIGHT + 8,
              }}
            >
              <PlusIcon className="size-3.5" />
              <span className="sr-only">
                Add an item to {hoverLane?.name ?? "this lane"} on {dt.date(fromDayNumber(hoverCell.day))}
              </span>
            </button>
          )}
          <svg
            aria-hidden="true"
            className="pointer-events-none absolute top-0 left-0 overflow-visible"
            width="1"
            height="1"
          >
            <line
              ref={linkLineRef}
              style={{ display: "none" }}
              stroke="#0f7567"
              strokeWidth="2"
              strokeDasharray="5 4"
            />
          </svg>
          <div
            ref={badgeRef}
            hidden
            aria-hidden="true"
            className="pointer-events-none absolute top-0 left-0 z-30 rounded bg-ink px-1.5 py-0.5 text-xs font-medium whitespace-nowrap text-white shadow-popover"
          />
        </div>
      </div>
      {tooltip && tooltipItem && (
        <ItemTooltip
          id={tooltipId}
          item={tooltipItem}
          entry={scheduleMap.get(tooltipItem.id)}
          anchor={tooltip.anchor}
          dt={dt}
          ownerName={tooltipItem.ownerId ? (props.ownerNames.get(tooltipItem.ownerId) ?? null) : null}
          onPointerEnter={() => clearTimeout(tooltipTimer.current)}
          onPointerLeave={hideTooltipSoon}
        />
      )}
    </div>
  );
}
