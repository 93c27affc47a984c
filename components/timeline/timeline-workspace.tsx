"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { Alert } from "@/components/ui/alert";
import { RiskFlagLegend } from "@/components/risks/risk-flag";
import { useRoadmapLive } from "@/lib/client/live-events";
import { usePhases, type Phase } from "@/lib/client/phases";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { findItem as findCachedItem, type Board, type Schedule } from "@/lib/client/timeline";
import { clampDragDelta } from "@/lib/planning/timeline-drag";
import type { Member } from "@/lib/validation/teams";
import { useDateText, useToday } from "@/lib/client/dates";
import { ComparisonBanner, useTimelineComparison } from "./ghost-banner";
import { handleItemKey } from "./item-keys";
import { ItemPanel } from "./lazy-item-panel";
import { EmptyRoadmap } from "./empty-roadmap";
import { PresenceBar } from "./presence-bar";
import { ZOOMS, makeScale, type Zoom } from "@/lib/planning/timeline-layout";
import { RoadmapHeader } from "./roadmap-header";
import { TimelineCanvas, type CanvasController } from "./timeline-canvas";
import { TimelineLegend } from "./timeline-legend";
import { TimelineToolbar } from "./timeline-toolbar";
import { ensureToastHost } from "@/components/ui/toasts";
import { useBoardMarks } from "./use-board-marks";
import { useLaneActions } from "./use-lane-actions";
import { useItemPanel } from "./use-item-panel";
import { useHeightBelow, useWideScreen } from "./use-page-layout";
import { usePageShortcuts } from "./use-page-shortcuts";
import { useLinkedItem } from "./use-linked-item";
import { dragHandlers, useTimelineActions } from "./use-timeline-actions";
import { useTimelineLayout } from "./use-timeline-layout";
import { useBaseline } from "./use-baseline";
import { BaselineControls } from "./baseline-controls";
import { useWorkspaceDialogs, WorkspaceDialogs } from "./workspace-dialogs";
import { Announcer, LinkingHint } from "./workspace-status";

/** A stable empty list while the phases load, so the canvas's memoised parts keep their inputs. */
const NO_PHASES: Phase[] = [];

/**
 * The timeline page: header, toolbar, canvas, legend and item panel, wired to the board's cache,
 * the live stream and the dialogs. Its parts are hooks of their own; this file connects them.
 */
export function TimelineWorkspace({
  board,
  schedule,
  scheduling,
  scheduleProblem,
  members,
  team,
}: {
  board: Board;
  schedule: Schedule | null;
  scheduling: boolean;
  scheduleProblem: string | null;
  members: Member[];
  team: { id: string; name: string; slug: string };
}) {
  const queryClient = useQueryClient();
  const { roadmap } = board;
  const canEdit = canEditRoadmaps(board.role);
  const dt = useDateText();
  const today = useToday();
  const wide = useWideScreen();
  const laneWidth = wide ? 208 : 128;
  const instructionsId = useId();
  const canvas = useRef<CanvasController>(null);

  const [zoom, setZoom] = useState<Zoom>("quarter");
  const [showCritical, setShowCritical] = useState(true);
  const [activeId, setActiveId] = useState<string | null>(null);
  const [linkingFrom, setLinkingFrom] = useState<string | null>(null);
  const dialogs = useWorkspaceDialogs();
  const [announcement, setAnnouncement] = useState({ text: "", n: 0 });
  const rowRef = useRef<HTMLDivElement>(null);
  const empty = board.workstreams.length === 0 && board.items.length === 0;

  const announce = useCallback((text: string) => setAnnouncement((old) => ({ text, n: old.n + 1 })), []);
  const live = useRoadmapLive(roadmap.id, board.seq);
  const phases = usePhases(roadmap.id).data ?? NO_PHASES;
  const { setEditing } = live;
  const actions = useTimelineActions(roadmap.id, dt, announce);
  useEffect(ensureToastHost, []);

  const scale = useMemo(
    () => makeScale(roadmap.startDate, roadmap.horizonMonths, ZOOMS[zoom].pxPerDay),
    [roadmap.startDate, roadmap.horizonMonths, zoom],
  );
  const baseline = useBaseline(roadmap.id, board.items);
  const layout = useTimelineLayout(board.workstreams, baseline.shownItems, scale);
  const comparison = useTimelineComparison(roadmap.id, layout, scale);
  const { scheduleMap, ownerNames, risksByItem, issues, colours, editorsByItem } = useBoardMarks({
    board,
    schedule,
    members,
    present: live.present,
    connectionId: live.connectionId,
  });

  // The canvas and the panel fill the window below the header, whatever the header measures.
  const available = useHeightBelow(rowRef, empty);

  const findItem = useCallback((id: string) => board.items.find((i) => i.id === id), [board.items]);

  usePageShortcuts({
    canEdit,
    onShortcuts: dialogs.openShortcuts,
    onUndo: () => actions.undoLastDelete(),
  });

  const { panel, setPanel, defaultDate, createAt, openItem, closePanel, removeItem, selectItem } =
    useItemPanel({
      canvas,
      layout,
      scale,
      today,
      canEdit,
      activeId,
      setLinkingFrom,
      deleteItem: (itemId) => void actions.removeItem(itemId),
    });
  const laneActions = useLaneActions(board, announce, (laneId) => createAt(laneId, defaultDate()));
  useLinkedItem(
    board.items,
    (itemId) => setPanel({ mode: "edit", itemId }),
    (itemId) => canvas.current?.revealItem(itemId, false),
  );

  const { previewDrag, commitDrag } = dragHandlers(dt, actions.changeItem);

  function onItemKeyDown(event: KeyboardEvent<HTMLElement>, itemId: string) {
    handleItemKey(event, itemId, {
      // From the cache, not this render: quick repeated presses each build on the last one.
      item: (id) => findCachedItem(queryClient, roadmap.id, id),
      canEdit,
      scale,
      dt,
      linkingFrom,
      setLinkingFrom,
      announce,
      change: (id, patch, summary) => void actions.changeItem(id, patch, summary),
      link: (from, to) => void actions.link(from, to),
      remove: removeItem,
      newItemAt: (item) => createAt(item.workstreamId, item.startDate),
      toggleCritical: () => setShowCritical((v) => !v),
      today: () => canvas.current?.scrollToToday(),
      closePanel,
    });
  }

  const orderedLanes = useMemo(
    () => [...board.workstreams].sort((a, b) => a.position - b.position),
    [board.workstreams],
  );
  const panelItem = panel?.mode === "edit" ? panel.itemId : null;
  useEffect(() => setEditing(canEdit ? panelItem : null), [setEditing, canEdit, panelItem]);
  return (
    <div className="mx-auto flex w-full max-w-[1800px] flex-col gap-4 px-3 py-4 sm:px-6">
      <RoadmapHeader
        roadmap={roadmap}
        team={team}
        role={board.role}
        issues={issues}
        dt={dt}
        onSelectIssue={selectItem}
        onOpenSettings={canEdit ? dialogs.openSettings : null}
        live={
          <PresenceBar
            present={live.present}
            people={live.people}
            me={live.userId}
            colours={colours}
            status={live.status}
            titleOf={(id) => findItem(id)?.title}
            onReconnect={live.reconnect}
          />
        }
      />
      {scheduleProblem && (
        <Alert tone="warning" title="The schedule could not be worked out">
          {scheduleProblem}
        </Alert>
      )}
      {empty ? (
        <EmptyRoadmap canEdit={canEdit} onAddLane={() => dialogs.openLane(null)} />
      ) : (
        <>
          <TimelineToolbar
            zoom={zoom}
            onZoom={setZoom}
            showCritical={showCritical}
            onToggleCritical={() => setShowCritical((v) => !v)}
            onToday={() => canvas.current?.scrollToToday()}
            canEdit={canEdit}
            onAddItem={() => createAt(orderedLanes[0]?.id ?? null, defaultDate())}
            onAddLane={() => dialogs.openLane(null)}
            onShortcuts={dialogs.openShortcuts}
            finishText={schedule ? `Finishes ${dt.date(schedule.projectFinish)}` : null}
            scheduling={scheduling}
            filters={<BaselineControls state={baseline} dt={dt} />}
          />
          <p id={instructionsId} className="sr-only">
            Items are grouped by lane. Arrow keys move between items, Enter opens one
            {canEdit ? ", Alt with the arrow keys moves it, L links it to another" : ""}. Press question mark
            for all keyboard shortcuts.
          </p>
          <ComparisonBanner roadmapId={roadmap.id} state={comparison} />
          <div ref={rowRef} className="flex items-start gap-4">
            <div className="flex min-w-0 flex-1 flex-col gap-2">
              <TimelineCanvas
                board={board}
                scheduleMap={scheduleMap}
                scale={scale}
                layout={layout}
                laneWidth={laneWidth}
                maxHeight={available}
                canEdit={canEdit}
                showCritical={showCritical}
                activeId={activeId}
                linkingFrom={linkingFrom}
                dt={dt}
                today={today}
                ownerNames={ownerNames}
                editorsByItem={editorsByItem}
                risksByItem={risksByItem}
                comparison={comparison.comparison}
                baseline={baseline.baseline}
                phases={phases}
                label={`Timeline of ${roadmap.title}`}
                describedBy={instructionsId}
                controllerRef={canvas}
                onActiveChange={setActiveId}
                onOpenItem={openItem}
                onCreateAt={createAt}
                onItemKeyDown={onItemKeyDown}
                onCommitDrag={commitDrag}
                onLink={(from, to) => void actions.link(from, to)}
                onAddItemToLane={(lane) => createAt(lane.id, defaultDate())}
                onLaneSettings={(lane) => dialogs.openLane(lane.id)}
                clampDrag={(placed, mode, delta) => clampDragDelta(scale, placed.item, mode, delta)}
                previewDrag={previewDrag}
              />
              <TimelineLegend showCritical={showCritical} withBaseline={!!baseline.baseline} />
              {risksByItem.size > 0 && <RiskFlagLegend roadmapId={roadmap.id} count={risksByItem.size} />}
            </div>
            {panel && (
              <ItemPanel
                key={panel.mode === "edit" ? panel.itemId : `new-${panel.key}`}
                roadmapId={roadmap.id}
                height={available}
                target={panel}
                board={board}
                entry={panelItem ? scheduleMap.get(panelItem) : undefined}
                canEdit={canEdit}
                members={members}
                dt={dt}
                horizon={{ start: scale.start, end: scale.end }}
                onClose={closePanel}
                onCreated={(item, from) => {
                  announce(`Added “${item.title}”.`);
                  setPanel((current) => (current === from ? { mode: "edit", itemId: item.id } : current));
                  setActiveId(item.id);
                  requestAnimationFrame(() => canvas.current?.revealItem(item.id, false));
                }}
                onDelete={removeItem}
                onSelectItem={selectItem}
                onLink={actions.link}
                onUnlink={(id) => actions.unlink(id, board)}
              />
            )}
          </div>
        </>
      )}
      <Announcer announcement={announcement} />
      {linkingFrom && <LinkingHint fromTitle={findItem(linkingFrom)?.title} />}
      <WorkspaceDialogs
        dialogs={dialogs}
        board={board}
        orderedLanes={orderedLanes}
        canEdit={canEdit}
        teamSlug={team.slug}
        laneActions={laneActions}
      />
    </div>
  );
}
