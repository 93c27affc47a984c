"use client";

import { useQueryClient } from "@tanstack/react-query";
import { createContext, useContext, useEffect, useState, type MouseEvent } from "react";
import { cx } from "@/components/ui/cx";
import { CheckIcon, ChevronDownIcon } from "@/components/ui/icons";
import { Menu, MenuButtonItem, MenuGroup, MenuSeparator } from "@/components/ui/menu";
import { Spinner } from "@/components/ui/spinner";
import { ApiError, errorMessage } from "@/lib/client/api";
import { useAutoSchedule, useUndoAutoSchedule, type AutoScheduleResult } from "@/lib/client/auto-schedule";
import { queryKeys } from "@/lib/client/query-keys";
import type { Board } from "@/lib/client/timeline";
import { useDateText, type DateText } from "@/lib/client/dates";
import { showToast } from "@/components/ui/toasts";
import { autoScheduleSummary, undoSummary } from "./auto-schedule-text";

/** The board the timeline shows, for toolbar controls that act on the whole roadmap. */
export const TimelineBoardContext = createContext<Board | null>(null);

/**
 * The timeline's current item: the last one focused (a click or the arrow keys focus it, and it
 * stays current while its details panel is open), as the canvas itself tracks it.
 */
function useCurrentTimelineItem(): string | null {
  const [current, setCurrent] = useState<string | null>(null);
  useEffect(() => {
    function onFocus(event: FocusEvent) {
      const el = (event.target as HTMLElement | null)?.closest?.<HTMLElement>("[data-item-id]");
      if (el?.dataset.itemId) setCurrent(el.dataset.itemId);
    }
    document.addEventListener("focusin", onFocus);
    return () => document.removeEventListener("focusin", onFocus);
  }, []);
  return current;
}

function useAutoScheduleRun(board: Board, dt: DateText) {
  const queryClient = useQueryClient();
  const run = useAutoSchedule(board.roadmap.id);
  const undo = useUndoAutoSchedule(board.roadmap.id);
  const titleOf = (id: string) => board.items.find((i) => i.id === id)?.title ?? "A feature";

  function offerUndo(result: AutoScheduleResult) {
    const snapshotId = result.snapshotId;
    if (!snapshotId) return [];
    return [
      {
        label: "Undo",
        primary: true,
        onClick: () =>
          undo.mutateAsync({ snapshotId }).then(
            (answer) => showToast({ tone: "info", message: undoSummary(answer, titleOf) }),
            (error: unknown) =>
              showToast({
                tone: "error",
                title: "The dates were not put back",
                message: errorMessage(error),
              }),
          ),
      },
    ];
  }

  return {
    pending: run.isPending,
    start(itemIds: string[] | undefined, followSuccessors: boolean) {
      run.mutate(
        { itemIds, followSuccessors, version: board.roadmap.version },
        {
          onSuccess: (result) => {
            const summary = autoScheduleSummary(result, titleOf, dt);
            showToast({
              tone: summary.tone,
              title: summary.title,
              message: summary.message,
              timeoutMs: result.moved.length > 0 ? 20_000 : 8_000,
              actions: offerUndo(result),
            });
          },
          onError: (error) => {
            const stale = error instanceof ApiError && error.status === 412;
            showToast({
              tone: "error",
              title: "Nothing was moved",
              message: stale ? "The roadmap changed; reload and try again." : errorMessage(error),
              actions: stale
                ? [
                    {
                      label: "Reload",
                      primary: true,
                      onClick: () =>
                        queryClient.invalidateQueries({ queryKey: queryKeys.roadmap(board.roadmap.id) }),
                    },
                  ]
                : [],
            });
          },
        },
      );
    },
  };
}

/**
 * "Auto-schedule" in the timeline's toolbar (editors): moves the current feature, or every feature,
 * to the earliest start its dependencies allow; optionally pushes successors later too. The result
 * comes as a toast with Undo (the server took a snapshot first).
 */
export function AutoScheduleMenu() {
  const board = useContext(TimelineBoardContext);
  if (!board) return null;
  return <AutoScheduleMenuFor board={board} />;
}

function AutoScheduleMenuFor({ board }: { board: Board }) {
  const dt = useDateText();
  const currentId = useCurrentTimelineItem();
  const [followSuccessors, setFollowSuccessors] = useState(false);
  const { pending, start } = useAutoScheduleRun(board, dt);
  const current = currentId ? board.items.find((i) => i.id === currentId) : undefined;
  const feature = current?.kind === "feature" ? current : undefined;

  function toggleFollow(event: MouseEvent) {
    event.stopPropagation(); // keep the menu open: it is an option for the commands above
    setFollowSuccessors((v) => !v);
  }

  return (
    <Menu
      label="Auto-schedule"
      triggerClassName="flex h-9 items-center gap-1.5 rounded-md border border-line-strong bg-surface px-3 text-[13px] font-medium text-ink-soft shadow-xs hover:bg-subtle hover:text-ink"
      trigger={
        <>
          {pending ? <Spinner className="size-3.5" /> : null}
          Auto-schedule
          <ChevronDownIcon className="size-4" />
        </>
      }
    >
      <MenuGroup label="Move to the earliest date dependencies allow">
        <MenuButtonItem
          aria-disabled={!feature || pending || undefined}
          onClick={() => feature && !pending && start([feature.id], followSuccessors)}
          className={cx(!feature && "cursor-not-allowed text-muted")}
        >
          <span className="min-w-0 flex-1">
            <span className="block font-medium">Selected feature to earliest</span>
            <span className="block truncate text-xs text-muted">
              {feature
                ? `“${feature.title}”`
                : current
                  ? "A milestone keeps its date: select a feature"
                  : "Select a feature on the timeline first"}
            </span>
          </span>
        </MenuButtonItem>
        <MenuButtonItem
          aria-disabled={pending || undefined}
          onClick={() => !pending && start(undefined, followSuccessors)}
        >
          <span className="min-w-0 flex-1">
            <span className="block font-medium">Whole roadmap to earliest</span>
            <span className="block text-xs text-muted">Every feature that can start earlier</span>
          </span>
        </MenuButtonItem>
      </MenuGroup>
      <MenuSeparator />
      <button
        type="button"
        role="menuitemcheckbox"
        aria-checked={followSuccessors}
        tabIndex={-1}
        onClick={toggleFollow}
        className="flex w-full cursor-pointer items-start gap-2.5 rounded-md px-2.5 py-2 text-left text-sm text-ink outline-none hover:bg-subtle focus:bg-subtle focus-visible:outline-2 focus-visible:-outline-offset-2 focus-visible:outline-accent-600"
      >
        <span
          aria-hidden="true"
          className={cx(
            "mt-0.5 flex size-4 shrink-0 items-center justify-center rounded border",
            followSuccessors ? "border-accent-700 bg-accent-700 text-white" : "border-line-strong bg-surface",
          )}
        >
          {followSuccessors && <CheckIcon className="size-3" />}
        </span>
        <span className="min-w-0 flex-1">
          <span className="block font-medium">Push successors later too</span>
          <span className="block text-xs text-muted">
            When a move would make a dependent feature start too early
          </span>
        </span>
      </button>
    </Menu>
  );
}
