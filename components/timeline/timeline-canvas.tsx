"use client";

import { useId, useMemo, useRef, type KeyboardEvent, type Ref } from "react";
import type { DateText } from "@/lib/client/dates";
import type { Board } from "@/lib/client/timeline";
import {
  AXIS_HEIGHT,
  PHASE_ROW_HEIGHT,
  ROW_HEIGHT,
  type LaneBlock,
  type PlacedItem,
  type TimeScale,
  type TimelineLayout,
} from "@/lib/planning/timeline-layout";
import type { Phase } from "@/lib/validation/phases";
import { CanvasAxis, CanvasCorner, DragOverlays, HoverAddButton, LaneStripes } from "./canvas-parts";
import { CanvasItems } from "./canvas-items";
import { BaselineLayer, type DrawnBaseline } from "./baseline-layer";
import { arrowsInView, itemsByLane } from "./canvas-view";
import { DependencyArrows } from "./dependency-arrows";
import { GhostLayer, NewBadges } from "./ghost-layer";
import type { Comparison } from "./ghost-layout";
import { actualsMarks } from "./actuals-text";
import { ItemTooltip } from "./item-tooltip";
import { LaneLabels, lanesInView } from "./lane-labels";
import { firstItemId, laneAtRow, visibleWindow } from "./layout";
import { TimeGrid, TodayLine } from "./time-axis";
import type { Editor, ScheduleEntry } from "./timeline-item";
import { useCanvasKeys } from "./use-canvas-keys";
import { itemFrom, useCanvasPointer } from "./use-canvas-pointer";
import { useCanvasViewport, type CanvasController } from "./use-canvas-viewport";
import type { DragMode } from "@/lib/planning/timeline-drag";
import { useItemDrag } from "./use-item-drag";
import { useItemTooltip } from "./use-item-tooltip";

export type { CanvasController };

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
  /** The chosen baseline (a snapshot's dates per item, its label), or null. */
  baseline: DrawnBaseline | null;
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
 * visible time window are rendered, and only the arrows touching those rows. Scrolling, the tooltip,
 * keys and drags are hooks of their own (use-canvas-viewport, use-item-tooltip, use-canvas-keys,
 * use-item-drag).
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
  const bodyRef = useRef<HTMLDivElement>(null);
  const badgeRef = useRef<HTMLDivElement>(null);
  const linkLineRef = useRef<SVGLineElement>(null);
  const tooltipId = useId();

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
  const { dragging } = drag;
  const tips = useItemTooltip(dragging);
  const { scrollRef, span, onScroll, revealItem } = useCanvasViewport({
    layout,
    scale,
    laneWidth,
    headerHeight,
    today,
    bodyRef,
    controllerRef: props.controllerRef,
    onActiveChange: props.onActiveChange,
    onScrolled: tips.hide,
  });
  const onKeyDown = useCanvasKeys({
    layout,
    revealItem,
    closeTooltip: tips.hide,
    onItemKeyDown: props.onItemKeyDown,
  });

  // --- what to draw -------------------------------------------------------------------------
  const contentHeight = headerHeight + Math.max(layout.height, ROW_HEIGHT) + ROW_HEIGHT;
  const height = Math.min(props.maxHeight, Math.max(240, contentHeight));
  const win = useMemo(() => visibleWindow(layout, span), [layout, span]);
  const tabStop = activeId && layout.placed.has(activeId) ? activeId : firstItemId(layout);
  const groups = itemsByLane(layout, win, [tabStop, linkingFrom]);
  const arrows = useMemo(
    () =>
      arrowsInView(
        board.dependencies,
        layout,
        win,
        (d) => showCritical && !!scheduleMap.get(d.fromId)?.critical && !!scheduleMap.get(d.toId)?.critical,
      ),
    [board.dependencies, layout, scheduleMap, showCritical, win],
  );
  const lanes = lanesInView(layout, win);

  const pointer = useCanvasPointer({
    bodyRef,
    layout,
    scale,
    canEdit,
    isDragging: () => dragging.current,
    clickSuppressed: () => drag.suppressClick.current,
    onActiveChange: props.onActiveChange,
    onOpenItem: props.onOpenItem,
    onCreateAt: props.onCreateAt,
  });
  const { hoverCell } = pointer;

  const tooltip = tips.tooltip;
  const tooltipItem = tooltip ? board.items.find((i) => i.id === tooltip.id) : undefined;

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
        <CanvasCorner withPhases={phases.length > 0} />
        <CanvasAxis
          roadmapId={board.roadmap.id}
          scale={scale}
          phases={phases}
          dt={dt}
          today={today}
          laneWidth={laneWidth}
        />
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
            tips.hide();
            drag.onPointerDown(e);
          }}
          onClick={pointer.onClick}
          onDoubleClick={pointer.onDoubleClick}
          onPointerMove={pointer.onPointerMove}
          onPointerLeave={pointer.onPointerLeave}
          onPointerOver={(e) => {
            const el = itemFrom(e.target);
            if (el) tips.showFor(el, 350);
          }}
          onPointerOut={(e) => {
            if (itemFrom(e.target)) tips.hideSoon();
          }}
          onFocus={(e) => {
            const el = itemFrom(e.target);
            if (!el) return;
            props.onActiveChange(el.dataset.itemId!);
            if (el.matches(":focus-visible")) tips.showFor(el, 0);
          }}
          onBlur={(e) => {
            if (itemFrom(e.target)) tips.hideSoon();
          }}
          onKeyDown={onKeyDown}
        >
          <TimeGrid scale={scale} height={Math.max(layout.height, ROW_HEIGHT)} />
          <LaneStripes lanes={lanes} laneWidth={laneWidth} canEdit={canEdit} />
          <TodayLine scale={scale} today={today} />
          {props.comparison && <GhostLayer comparison={props.comparison} win={win} />}
          {props.baseline && <BaselineLayer groups={groups} baseline={props.baseline.dates} scale={scale} />}
          <DependencyArrows
            arrows={arrows}
            layout={layout}
            win={win}
            bodyWidth={scale.width}
            preview={linkingFrom && activeId ? { fromId: linkingFrom, toId: activeId } : null}
          />
          <CanvasItems
            groups={groups}
            layout={layout}
            scheduleMap={scheduleMap}
            feedback={board.feedback}
            risksByItem={props.risksByItem}
            editorsByItem={props.editorsByItem}
            comparison={props.comparison}
            showCritical={showCritical}
            canEdit={canEdit}
            dt={dt}
            tabStop={tabStop}
            activeId={activeId}
            linkingFrom={linkingFrom}
            baseline={props.baseline}
            today={today}
          />
          {props.comparison && <NewBadges comparison={props.comparison} layout={layout} win={win} />}
          {canEdit && hoverCell && (
            <HoverAddButton
              cell={hoverCell}
              lane={laneAtRow(layout, hoverCell.row)}
              scale={scale}
              dt={dt}
              onAdd={props.onCreateAt}
            />
          )}
          <DragOverlays linkLineRef={linkLineRef} badgeRef={badgeRef} />
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
          marks={actualsMarks(tooltipItem, props.baseline?.dates ?? null, today)}
          baseline={props.baseline}
          onPointerEnter={tips.keep}
          onPointerLeave={tips.hideSoon}
        />
      )}
    </div>
  );
}
