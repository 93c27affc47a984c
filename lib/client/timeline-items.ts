import { useMutation, useQueryClient } from "@tanstack/react-query";
import { timeline as endpoints } from "@/lib/validation/routes";
import type { CreateItemInput, Dependency, Item } from "@/lib/validation/timeline";
import type { UpdateItemWithActualsInput as UpdateItemInput } from "@/lib/validation/learning";
import { ApiError, callEndpoint } from "./api";
import { queryKeys } from "./query-keys";
import { findItem, patchBoard, readBoard, refreshSchedule, withItem, withoutItem } from "./timeline";
import {
  beginDeletion,
  beginItemPatch,
  deletionVersion,
  endDeletion,
  settleItemPatch,
} from "./timeline-optimistic";

export interface ItemChange {
  itemId: string;
  patch: UpdateItemInput;
  /**
   * The version the user's change is based on (a panel sends the version it opened). Without it
   * the version on screen is used, which is what a drag or a key press was based on.
   */
  baseVersion?: number;
}

/** An update as it will look in the cache; a milestone moved by its date moves as a whole. */
function optimisticPatch(patch: UpdateItemInput, before: Item | undefined): Partial<Item> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(patch)) if (value !== undefined) out[key] = value;
  const kind = patch.kind ?? before?.kind;
  if (kind === "milestone" && patch.startDate && !patch.endDate) out.endDate = patch.startDate;
  return out as Partial<Item>;
}

const goneItem = () =>
  new ApiError(
    404,
    "not_found",
    "This item no longer exists; someone may have deleted it. Reload to see the board.",
  );

/**
 * Changes an item with If-Match. Item edits of one roadmap run one after another (a mutation
 * scope), so a second drag is sent with the version the first one produced; the cache shows every
 * pending change at once and a refusal rolls back only its own (lib/client/timeline-optimistic).
 * A 412 puts the item as it is now into the cache.
 */
export function useUpdateItem(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ item: Item }, ApiError, ItemChange, { token: number | null }>({
    scope: { id: `roadmap-items:${roadmapId}` },
    mutationFn: ({ itemId, patch, baseVersion }) => {
      const version = baseVersion ?? findItem(queryClient, roadmapId, itemId)?.version;
      if (version === undefined) return Promise.reject(goneItem());
      return callEndpoint(endpoints.updateItem, { params: { itemId }, body: patch, ifMatch: version });
    },
    onMutate: async ({ itemId, patch }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.board(roadmapId) });
      const before = findItem(queryClient, roadmapId, itemId);
      return { token: beginItemPatch(queryClient, roadmapId, itemId, optimisticPatch(patch, before)) };
    },
    onSuccess: ({ item }, { itemId }, context) => {
      settleItemPatch(queryClient, roadmapId, itemId, context.token, item);
    },
    onError: (error, { itemId }, context) => {
      const current = error.status === 412 ? (error.current as Item | undefined) : undefined;
      settleItemPatch(queryClient, roadmapId, itemId, context?.token ?? null, current);
      if (error.status === 404) patchBoard(queryClient, roadmapId, (board) => withoutItem(board, itemId));
    },
    onSettled: () => refreshSchedule(queryClient, roadmapId),
  });
}

export function useCreateItem(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ item: Item }, ApiError, CreateItemInput>({
    mutationFn: (body) => callEndpoint(endpoints.createItem, { params: { roadmapId }, body }),
    onSuccess: ({ item }) => patchBoard(queryClient, roadmapId, (board) => withItem(board, item)),
    onSettled: () => refreshSchedule(queryClient, roadmapId),
  });
}

interface DeletedItem {
  item: Item;
  dependencies: Dependency[];
}

/** Deletes at once on screen (with the item's links); a refusal puts both back. */
export function useDeleteItem(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ item: Item }, ApiError, { itemId: string }, DeletedItem | null>({
    scope: { id: `roadmap-items:${roadmapId}` },
    mutationFn: ({ itemId }) => {
      const version =
        deletionVersion(queryClient, itemId) ?? findItem(queryClient, roadmapId, itemId)?.version;
      if (version === undefined) return Promise.reject(goneItem());
      return callEndpoint(endpoints.deleteItem, { params: { itemId }, ifMatch: version });
    },
    onMutate: async ({ itemId }) => {
      await queryClient.cancelQueries({ queryKey: queryKeys.board(roadmapId) });
      const board = readBoard(queryClient, roadmapId);
      const item = board?.items.find((i) => i.id === itemId);
      if (!board || !item) return null;
      const dependencies = board.dependencies.filter((d) => d.fromId === itemId || d.toId === itemId);
      beginDeletion(queryClient, item);
      patchBoard(queryClient, roadmapId, (b) => withoutItem(b, itemId));
      return { item, dependencies };
    },
    onError: (error, { itemId }, context) => {
      const confirmed = deletionVersion(queryClient, itemId);
      endDeletion(queryClient, itemId);
      if (!context || error.status === 404) return;
      const current =
        error.status === 412
          ? (error.current as Item | undefined)
          : confirmed !== undefined
            ? { ...context.item, version: confirmed }
            : undefined;
      patchBoard(queryClient, roadmapId, (board) => ({
        ...withItem(board, current ?? context.item),
        dependencies: [...board.dependencies, ...context.dependencies],
      }));
    },
    onSuccess: (_data, { itemId }) => endDeletion(queryClient, itemId),
    onSettled: () => refreshSchedule(queryClient, roadmapId),
  });
}

/** Brings a deleted item back (undo); its links come back with it, so the board is read again. */
export function useRestoreItem(roadmapId: string) {
  const queryClient = useQueryClient();
  return useMutation<{ item: Item }, ApiError, { itemId: string }>({
    mutationFn: ({ itemId }) => callEndpoint(endpoints.restoreItem, { params: { itemId } }),
    onSuccess: ({ item }) => {
      patchBoard(queryClient, roadmapId, (board) => withItem(board, item));
      return queryClient.invalidateQueries({ queryKey: queryKeys.board(roadmapId) });
    },
    onSettled: () => refreshSchedule(queryClient, roadmapId),
  });
}
