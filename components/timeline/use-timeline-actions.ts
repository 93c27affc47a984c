"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRef } from "react";
import { ApiError } from "@/lib/client/api";
import { readBoard, type Board } from "@/lib/client/timeline";
import { useDeleteItem, useRestoreItem, useUpdateItem, type ItemChange } from "@/lib/client/timeline-items";
import { useCreateDependency, useDeleteDependency } from "@/lib/client/timeline-links";
import type { Item, UpdateItemInput } from "@/lib/validation/timeline";
import { STATUS_INFO } from "./item-status";
import type { DateText } from "@/lib/client/dates";
import { failureMessage, itemDates, titleOf } from "./describe";
import { showToast } from "@/components/ui/toasts";
import { dragPatch, draggedDates, type BarDrag, type DragMode } from "@/lib/planning/timeline-drag";
import type { PlacedItem } from "@/lib/planning/timeline-layout";

/** A drag's dates in words while it runs, and its change (with what is announced) when dropped. */
export function dragHandlers(
  dt: DateText,
  changeItem: (itemId: string, patch: UpdateItemInput, summary: string) => unknown,
) {
  function previewDrag(placed: PlacedItem, mode: DragMode, delta: number) {
    const { startDate, endDate } = draggedDates(placed.item, mode, delta);
    return placed.item.kind === "milestone" ? dt.date(startDate) : dt.range(startDate, endDate);
  }
  function commitDrag(placed: PlacedItem, mode: BarDrag, delta: number) {
    const text = previewDrag(placed, mode, delta);
    const patch = dragPatch(mode, draggedDates(placed.item, mode, delta));
    void changeItem(placed.item.id, patch, mode === "move" ? `moved to ${text}` : `now runs ${text}`);
  }
  return { previewDrag, commitDrag };
}

/**
 * The timeline's quick edits (drags, key presses, links, deletes) with what the user is told:
 * an announcement on success, a toast on failure. A 412 shows the item as it is now and offers to
 * apply the change again or drop it; a delete offers undo.
 */
export function useTimelineActions(roadmapId: string, dt: DateText, announce: (text: string) => void) {
  const queryClient = useQueryClient();
  const updateItem = useUpdateItem(roadmapId);
  const deleteItem = useDeleteItem(roadmapId);
  const restoreItem = useRestoreItem(roadmapId);
  const createDependency = useCreateDependency(roadmapId);
  const deleteDependency = useDeleteDependency(roadmapId);
  const lastDeleted = useRef<{ id: string; title: string } | null>(null);
  const board = () => readBoard(queryClient, roadmapId);

  function conflictToast(change: ItemChange, current: Item, summary: string) {
    showToast({
      tone: "warning",
      title: `Someone else changed “${current.title}”`,
      message: `It now reads ${itemDates(current, dt)}, ${STATUS_INFO[current.status].label.toLowerCase()}. Your change (${summary}) was not saved.`,
      timeoutMs: null,
      actions: [
        {
          label: "Apply my change again",
          primary: true,
          onClick: () => changeItem(change.itemId, change.patch, summary),
        },
        {
          label: "Discard",
          onClick: () => announce("Your change was discarded; the timeline shows the current version."),
        },
      ],
    });
  }

  /** An optimistic change; `summary` says what it does ("moved to 3–14 Mar 2027"). */
  function changeItem(itemId: string, patch: UpdateItemInput, summary: string): Promise<Item | null> {
    const change: ItemChange = { itemId, patch };
    const title = titleOf(board(), itemId);
    return updateItem.mutateAsync(change).then(
      ({ item }) => {
        announce(`“${item.title}” ${summary}.`);
        return item;
      },
      (error: unknown) => {
        if (error instanceof ApiError && error.status === 412 && error.current) {
          conflictToast(change, error.current as Item, summary);
        } else {
          showToast({
            tone: "error",
            title: `“${title}” was not changed`,
            message: failureMessage(error, board()),
          });
        }
        return null;
      },
    );
  }

  function undoDelete(itemId: string, title: string) {
    return restoreItem.mutateAsync({ itemId }).then(
      () => {
        if (lastDeleted.current?.id === itemId) lastDeleted.current = null;
        announce(`“${title}” is back.`);
      },
      (error: unknown) =>
        showToast({
          tone: "error",
          title: `“${title}” could not be restored`,
          message: failureMessage(error, board()),
        }),
    );
  }

  function removeItem(itemId: string): Promise<boolean> {
    const title = titleOf(board(), itemId);
    return deleteItem.mutateAsync({ itemId }).then(
      () => {
        lastDeleted.current = { id: itemId, title };
        announce(`Deleted “${title}”. Press Control+Z to undo.`);
        showToast({
          tone: "info",
          message: `Deleted “${title}”.`,
          actions: [{ label: "Undo", primary: true, onClick: () => undoDelete(itemId, title) }],
          timeoutMs: 10_000,
        });
        return true;
      },
      (error: unknown) => {
        showToast({
          tone: "error",
          title: `“${title}” was not deleted`,
          message: failureMessage(error, board()),
        });
        return false;
      },
    );
  }

  function undoLastDelete() {
    const last = lastDeleted.current;
    if (!last) {
      announce("Nothing to undo.");
      return;
    }
    void undoDelete(last.id, last.title);
  }

  function link(fromId: string, toId: string, lagDays = 0): Promise<boolean> {
    const b = board();
    if (fromId === toId) {
      announce("An item cannot depend on itself.");
      return Promise.resolve(false);
    }
    if (b?.dependencies.some((d) => d.fromId === fromId && d.toId === toId)) {
      showToast({
        tone: "info",
        message: `“${titleOf(b, toId)}” already waits for “${titleOf(b, fromId)}”.`,
      });
      return Promise.resolve(false);
    }
    return createDependency.mutateAsync({ fromId, toId, lagDays }).then(
      () => {
        announce(
          `Linked: “${titleOf(board(), toId)}” now starts after “${titleOf(board(), fromId)}” finishes.`,
        );
        return true;
      },
      (error: unknown) => {
        showToast({ tone: "error", title: "Link not made", message: failureMessage(error, board()) });
        return false;
      },
    );
  }

  function unlink(dependencyId: string, b: Board | undefined): Promise<boolean> {
    const dep = b?.dependencies.find((d) => d.id === dependencyId);
    return deleteDependency.mutateAsync({ dependencyId }).then(
      () => {
        if (dep) announce(`Removed the link from “${titleOf(b, dep.fromId)}” to “${titleOf(b, dep.toId)}”.`);
        return true;
      },
      (error: unknown) => {
        showToast({ tone: "error", title: "Link not removed", message: failureMessage(error, board()) });
        return false;
      },
    );
  }

  return { changeItem, removeItem, undoLastDelete, link, unlink };
}
