"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter, useSearchParams } from "next/navigation";
import {
  useCallback,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
  type KeyboardEvent,
} from "react";
import { RoadmapSettingsDialog } from "@/components/roadmaps/roadmap-settings-dialog";
import { Alert } from "@/components/ui/alert";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { PlusIcon, RoadmapIcon } from "@/components/ui/icons";
import { RiskFlagLegend } from "@/components/risks/risk-flag";
import { useRoadmapLive } from "@/lib/client/live-events";
import { usePhases, type Phase } from "@/lib/client/phases";
import { useRisks } from "@/lib/client/resources";
import { restoreRoadmap } from "@/lib/client/roadmaps";
import { canEditRoadmaps } from "@/lib/validation/roles";
import { findItem as findCachedItem, type Board, type Schedule } from "@/lib/client/timeline";
import { addDays, fromDayNumber, toDayNumber } from "@/lib/planning/calendar";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Member } from "@/lib/validation/teams";
import type { Item } from "@/lib/validation/timeline";
import { useDateText, useToday } from "@/lib/client/dates";
import { ComparisonBanner, useTimelineComparison } from "./ghost-banner";
import { blankValues } from "./item-form-values";
import { handleItemKey } from "./item-keys";
import { ItemPanel, type PanelTarget } from "./item-panel";
import { LaneDialog } from "./lane-dialog";
import { PresenceBar } from "./presence-bar";
import { presenceColours } from "./presence-colours";
import {
  ZOOMS,
  layoutTimeline,
  makeScale,
  type PlacedItem,
  type Zoom,
} from "@/lib/planning/timeline-layout";
import { neighbour } from "./layout";
import { RoadmapHeader, type Issues } from "./roadmap-header";
import { ShortcutsDialog } from "./shortcuts-dialog";
import { TimelineCanvas, type CanvasController } from "./timeline-canvas";
import type { Editor, ScheduleEntry } from "./timeline-item";
import { TimelineLegend } from "./timeline-legend";
import { TimelineToolbar } from "./timeline-toolbar";
import { ensureToastHost, showToast } from "@/components/ui/toasts";
import { useLaneActions } from "./use-lane-actions";
import type { DragMode } from "./use-item-drag";
import { useTimelineActions } from "./use-timeline-actions";

function useWideScreen(): boolean {
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

/** A stable empty list while the phases load, so the canvas's memoised parts keep their inputs. */
const NO_PHASES: Phase[] = [];

function isTyping(target: EventTarget | null): boolean {
  const el = target as HTMLElement | null;
  return !!el?.closest?.("input, textarea, select, [contenteditable=true]");
}

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
  const router = useRouter();
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
  const [panel, setPanel] = useState<PanelTarget | null>(null);
  const [laneDialog, setLaneDialog] = useState<{ laneId: string | null; open: boolean; n: number }>({
    laneId: null,
    open: false,
    n: 0,
  });
  const [settings, setSettings] = useState({ open: false, n: 0 });
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const [announcement, setAnnouncement] = useState({ text: "", n: 0 });
  const createKey = useRef(0);
  const rowRef = useRef<HTMLDivElement>(null);
  const empty = board.workstreams.length === 0 && board.items.length === 0;
  const [available, setAvailable] = useState(560);

  const announce = useCallback((text: string) => setAnnouncement((old) => ({ text, n: old.n + 1 })), []);
  const live = useRoadmapLive(roadmap.id, board.seq);
  const phases = usePhases(roadmap.id).data ?? NO_PHASES;
  const { setEditing } = live;
  const actions = useTimelineActions(roadmap.id, dt, announce);
  const laneActions = useLaneActions(board, announce, (laneId) => createAt(laneId, defaultDate()));
  useEffect(ensureToastHost, []);

  const scale = useMemo(
    () => makeScale(roadmap.startDate, roadmap.horizonMonths, ZOOMS[zoom].pxPerDay),
    [roadmap.startDate, roadmap.horizonMonths, zoom],
  );
  const layout = useMemo(
    () => layoutTimeline(board.workstreams, board.items, scale),
    [board.workstreams, board.items, scale],
  );
  const comparison = useTimelineComparison(roadmap.id, layout, scale);
  const scheduleMap = useMemo(
    () => new Map<string, ScheduleEntry>((schedule?.items ?? []).map((i) => [i.id, i])),
    [schedule],
  );
  const ownerNames = useMemo(() => new Map(members.map((m) => [m.user.id, m.user.name])), [members]);
  // The board does not carry risks: items linked to a high risk without a contingency plan are
  // marked on the timeline from the register.
  const risks = useRisks(roadmap.id);
  const risksByItem = useMemo(() => {
    const map = new Map<string, string[]>();
    for (const risk of risks.data ?? []) {
      if (!risk.needsContingency) continue;
      for (const itemId of risk.itemIds) map.set(itemId, [...(map.get(itemId) ?? []), risk.title]);
    }
    return map;
  }, [risks.data]);
  const issues: Issues = useMemo(() => {
    const missed: Item[] = [];
    const early: Item[] = [];
    for (const item of board.items) {
      const entry = scheduleMap.get(item.id);
      if (!entry) continue;
      if (item.kind === "milestone" && (entry.targetMissed || entry.plannedTargetMissed)) missed.push(item);
      else if (item.kind === "feature" && entry.plannedStartViolation) early.push(item);
    }
    const byDate = (a: Item, b: Item) => a.startDate.localeCompare(b.startDate);
    return { missed: missed.sort(byDate), early: early.sort(byDate) };
  }, [board.items, scheduleMap]);

  // The canvas and the panel fill the window below the header, whatever the header measures.
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
  }, [empty]);

  const findItem = useCallback((id: string) => board.items.find((i) => i.id === id), [board.items]);

  // Other people's open items, drawn on the bars; this page's own connection is left out.
  const colours = useMemo(() => presenceColours(live.present.map((p) => p.userId)), [live.present]);
  const editorsByItem = useMemo(() => {
    const map = new Map<string, Editor[]>();
    for (const p of live.present) {
      if (!p.itemId || p.connectionId === live.connectionId) continue;
      const list = map.get(p.itemId) ?? [];
      if (!list.some((e) => e.userId === p.userId))
        list.push({ userId: p.userId, name: p.name, colour: colours.get(p.userId)! });
      map.set(p.itemId, list);
    }
    return map;
  }, [live.present, live.connectionId, colours]);

  // /roadmaps/:id?item=:itemId (links from notifications) opens that item.
  const searchParams = useSearchParams();
  const linkedItem = searchParams.get("item");
  const [openedLink, setOpenedLink] = useState<string | null>(null);
  if (linkedItem && linkedItem !== openedLink && board.items.some((i) => i.id === linkedItem)) {
    setOpenedLink(linkedItem);
    setPanel({ mode: "edit", itemId: linkedItem });
  }
  useEffect(() => {
    if (openedLink) requestAnimationFrame(() => canvas.current?.revealItem(openedLink, false));
  }, [openedLink]);

  // "?" opens the shortcuts from anywhere on the page but a text field.
  useEffect(() => {
    function onKey(event: globalThis.KeyboardEvent) {
      if (event.defaultPrevented || isTyping(event.target) || document.querySelector("dialog[open]")) return;
      if (event.key === "?") {
        event.preventDefault();
        setShortcutsOpen(true);
      } else if (
        (event.ctrlKey || event.metaKey) &&
        !event.shiftKey &&
        event.key.toLowerCase() === "z" &&
        canEdit
      ) {
        event.preventDefault();
        actions.undoLastDelete();
      }
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [actions, canEdit]);

  // --- item creation, panel, deletion ---------------------------------------------------------
  const defaultDate = () => {
    const centre = canvas.current?.centreDate();
    if (centre) return centre;
    if (today && today >= scale.start && today <= scale.end) return today;
    return scale.start;
  };

  function createAt(laneId: string | null, date: string) {
    if (!canEdit) return;
    const end = fromDayNumber(Math.min(toDayNumber(addDays(date, 13)), scale.endDay));
    setLinkingFrom(null);
    setPanel({ mode: "create", values: blankValues(laneId, date, end, "feature"), key: ++createKey.current });
  }

  function openItem(itemId: string) {
    setLinkingFrom(null);
    setPanel({ mode: "edit", itemId });
  }

  function closePanel(): boolean {
    if (!panel) return false;
    const returnTo = panel.mode === "edit" ? panel.itemId : activeId;
    setPanel(null);
    if (returnTo && layout.placed.has(returnTo))
      requestAnimationFrame(() => canvas.current?.revealItem(returnTo, true));
    return true;
  }

  function removeItem(itemId: string) {
    const next =
      neighbour(layout, itemId, "right") ??
      neighbour(layout, itemId, "left") ??
      neighbour(layout, itemId, "down");
    if (panel?.mode === "edit" && panel.itemId === itemId) setPanel(null);
    void actions.removeItem(itemId);
    if (next) requestAnimationFrame(() => canvas.current?.revealItem(next, true));
  }

  function selectItem(itemId: string) {
    canvas.current?.revealItem(itemId, true);
    if (panel) setPanel({ mode: "edit", itemId });
  }

  // --- drags ----------------------------------------------------------------------------------
  function dragBounds(placed: PlacedItem, mode: DragMode, delta: number): number {
    const start = toDayNumber(placed.item.startDate);
    const end = toDayNumber(placed.item.endDate);
    const [lo, hi] =
      mode === "start"
        ? [scale.startDay - start, end - start]
        : mode === "end"
          ? [start - end, scale.endDay - end]
          : [scale.startDay - start, scale.endDay - end];
    return Math.min(Math.max(delta, lo), hi);
  }

  function draggedDates(placed: PlacedItem, mode: DragMode, delta: number) {
    const start = toDayNumber(placed.item.startDate);
    const end = toDayNumber(placed.item.endDate);
    const s = mode === "end" ? start : start + delta;
    const e = mode === "start" ? end : end + delta;
    return { startDate: fromDayNumber(s), endDate: fromDayNumber(placed.item.kind === "milestone" ? s : e) };
  }

  function previewDrag(placed: PlacedItem, mode: DragMode, delta: number) {
    const { startDate, endDate } = draggedDates(placed, mode, delta);
    return placed.item.kind === "milestone" ? dt.date(startDate) : dt.range(startDate, endDate);
  }

  function commitDrag(placed: PlacedItem, mode: Exclude<DragMode, "link">, delta: number) {
    const { startDate, endDate } = draggedDates(placed, mode, delta);
    const text = placed.item.kind === "milestone" ? dt.date(startDate) : dt.range(startDate, endDate);
    const patch = mode === "start" ? { startDate } : mode === "end" ? { endDate } : { startDate, endDate };
    const summary = mode === "move" ? `moved to ${text}` : `now runs ${text}`;
    void actions.changeItem(placed.item.id, patch, summary);
  }

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

  function onRoadmapDeleted(deleted: Roadmap) {
    setSettings((old) => ({ ...old, open: false }));
    router.push(`/teams/${team.slug}`);
    showToast({
      tone: "info",
      message: `Deleted the roadmap “${deleted.title}”.`,
      timeoutMs: 15_000,
      actions: [
        {
          label: "Undo",
          primary: true,
          onClick: () =>
            restoreRoadmap(deleted.id).then(
              () => router.push(`/roadmaps/${deleted.id}`),
              () =>
                showToast({
                  tone: "error",
                  message: `“${deleted.title}” could not be restored. Try again from the team page.`,
                }),
            ),
        },
      ],
    });
  }

  function openLaneDialog(laneId: string | null) {
    setLaneDialog((old) => ({ laneId, open: true, n: old.n + 1 }));
  }

  const laneForDialog = laneDialog.laneId
    ? (board.workstreams.find((w) => w.id === laneDialog.laneId) ?? null)
    : null;
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
        onOpenSettings={canEdit ? () => setSettings((old) => ({ open: true, n: old.n + 1 })) : null}
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
        <EmptyState
          icon={<RoadmapIcon className="size-5" />}
          title={canEdit ? "Add a lane (workstream) to start" : "This roadmap is empty"}
          description={
            canEdit
              ? "Lanes are the rows of the timeline: a team or a strand of work, e.g. “Checkout” or “Mobile”. Then add features and milestones to them."
              : "Nobody has added lanes or items yet. Editors and owners of the team build the plan."
          }
          action={
            canEdit ? (
              <Button
                variant="primary"
                icon={<PlusIcon className="size-4" />}
                onClick={() => openLaneDialog(null)}
              >
                Add a lane
              </Button>
            ) : null
          }
        />
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
            onAddLane={() => openLaneDialog(null)}
            onShortcuts={() => setShortcutsOpen(true)}
            finishText={schedule ? `Finishes ${dt.date(schedule.projectFinish)}` : null}
            scheduling={scheduling}
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
                onLaneSettings={(lane) => openLaneDialog(lane.id)}
                clampDrag={dragBounds}
                previewDrag={previewDrag}
              />
              <TimelineLegend showCritical={showCritical} />
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
      <p aria-live="polite" className="sr-only">
        {announcement.text}
        {announcement.n % 2 ? "\u200b" : ""}
      </p>
      {linkingFrom && (
        <p
          role="status"
          className="fixed bottom-4 left-1/2 z-40 -translate-x-1/2 rounded-full bg-ink px-4 py-2 text-[13px] text-white shadow-popover"
        >
          Linking from “{findItem(linkingFrom)?.title}”: pick the item that waits for it, Enter to link,
          Escape to cancel.
        </p>
      )}
      <ShortcutsDialog open={shortcutsOpen} onClose={() => setShortcutsOpen(false)} canEdit={canEdit} />
      {canEdit && (
        <LaneDialog
          key={laneDialog.n}
          open={laneDialog.open}
          lane={laneForDialog}
          itemCount={
            laneForDialog ? board.items.filter((i) => i.workstreamId === laneForDialog.id).length : 0
          }
          index={laneForDialog ? orderedLanes.findIndex((w) => w.id === laneForDialog.id) : -1}
          laneCount={orderedLanes.length}
          onClose={() => setLaneDialog((old) => ({ ...old, open: false }))}
          actions={laneActions}
        />
      )}
      {canEdit && (
        <RoadmapSettingsDialog
          key={settings.n}
          open={settings.open}
          roadmap={roadmap}
          onClose={() => setSettings((old) => ({ ...old, open: false }))}
          onDeleted={onRoadmapDeleted}
        />
      )}
    </div>
  );
}
