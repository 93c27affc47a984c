"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import { lazyDialog } from "@/components/ui/lazy-dialog";
import type { Board } from "@/lib/client/timeline";
import type { Roadmap } from "@/lib/validation/roadmaps";
import type { Workstream } from "@/lib/validation/timeline";
import type { LaneDialogActions } from "./lane-dialog";
import { showRoadmapDeletedToast } from "./roadmap-deleted-toast";

// Fetched when first opened (or preloaded once the page is idle): not first-load JavaScript.
const ShortcutsDialog = lazyDialog(() => import("./shortcuts-dialog").then((m) => m.ShortcutsDialog));
const LaneDialog = lazyDialog(() => import("./lane-dialog").then((m) => m.LaneDialog));
const RoadmapSettingsDialog = lazyDialog(() =>
  import("@/components/roadmaps/roadmap-settings-dialog").then((m) => m.RoadmapSettingsDialog),
);

/** Fetches the dialogs' code ahead of use. */
export function preloadWorkspaceDialogs(canEdit: boolean): void {
  ShortcutsDialog.preload();
  if (!canEdit) return;
  LaneDialog.preload();
  RoadmapSettingsDialog.preload();
}

/**
 * Which of the timeline page's dialogs is open. Each opening bumps a counter used as the dialog's
 * key, so that it starts from its current values rather than from what was typed last time.
 */
export function useWorkspaceDialogs() {
  const [lane, setLane] = useState<{ laneId: string | null; open: boolean; n: number }>({
    laneId: null,
    open: false,
    n: 0,
  });
  const [settings, setSettings] = useState({ open: false, n: 0 });
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  return {
    lane,
    settings,
    shortcutsOpen,
    openLane: (laneId: string | null) => setLane((old) => ({ laneId, open: true, n: old.n + 1 })),
    closeLane: () => setLane((old) => ({ ...old, open: false })),
    openSettings: () => setSettings((old) => ({ open: true, n: old.n + 1 })),
    closeSettings: () => setSettings((old) => ({ ...old, open: false })),
    openShortcuts: () => setShortcutsOpen(true),
    closeShortcuts: () => setShortcutsOpen(false),
  };
}

export type WorkspaceDialogState = ReturnType<typeof useWorkspaceDialogs>;

/** The keyboard shortcuts; for editors, a lane's settings and the roadmap's settings. */
export function WorkspaceDialogs({
  dialogs,
  board,
  orderedLanes,
  canEdit,
  teamSlug,
  laneActions,
}: {
  dialogs: WorkspaceDialogState;
  board: Board;
  orderedLanes: Workstream[];
  canEdit: boolean;
  teamSlug: string;
  laneActions: LaneDialogActions;
}) {
  const router = useRouter();
  const lane = dialogs.lane.laneId
    ? (board.workstreams.find((w) => w.id === dialogs.lane.laneId) ?? null)
    : null;

  function onRoadmapDeleted(deleted: Roadmap) {
    dialogs.closeSettings();
    router.push(`/teams/${teamSlug}`);
    showRoadmapDeletedToast(deleted, (href) => router.push(href));
  }

  return (
    <>
      <ShortcutsDialog open={dialogs.shortcutsOpen} onClose={dialogs.closeShortcuts} canEdit={canEdit} />
      {canEdit && (
        <LaneDialog
          key={dialogs.lane.n}
          open={dialogs.lane.open}
          lane={lane}
          itemCount={lane ? board.items.filter((i) => i.workstreamId === lane.id).length : 0}
          index={lane ? orderedLanes.findIndex((w) => w.id === lane.id) : -1}
          laneCount={orderedLanes.length}
          onClose={dialogs.closeLane}
          actions={laneActions}
        />
      )}
      {canEdit && (
        <RoadmapSettingsDialog
          key={dialogs.settings.n}
          open={dialogs.settings.open}
          roadmap={board.roadmap}
          onClose={dialogs.closeSettings}
          onDeleted={onRoadmapDeleted}
        />
      )}
    </>
  );
}
