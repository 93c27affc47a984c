import type { QueryClient } from "@tanstack/react-query";
import type { Item } from "@/lib/validation/timeline";
import { patchBoard, readBoard, withItem, withoutItem } from "./timeline";

/*
 * Optimistic item edits that may overlap (drag, drag again before the first answer arrives). For
 * each item we keep the last state the server confirmed and the patches still in flight; the cache
 * always shows confirmed + pending patches, so an answer to the first edit never undoes the second
 * on screen, and a refused edit rolls back only itself.
 */
interface PendingItem {
  confirmed: Item;
  patches: Array<{ token: number; patch: Partial<Item> }>;
}

const registries = new WeakMap<QueryClient, Map<string, PendingItem>>();
/** Items removed from the cache by a delete still on its way, with the version to send it with. */
const deletions = new WeakMap<QueryClient, Map<string, number>>();
let nextToken = 1;

function registry(queryClient: QueryClient): Map<string, PendingItem> {
  let map = registries.get(queryClient);
  if (!map) registries.set(queryClient, (map = new Map()));
  return map;
}

function deleting(queryClient: QueryClient): Map<string, number> {
  let map = deletions.get(queryClient);
  if (!map) deletions.set(queryClient, (map = new Map()));
  return map;
}

/** A delete took the item off the board; earlier edits still settling must not bring it back. */
export function beginDeletion(queryClient: QueryClient, item: Item) {
  deleting(queryClient).set(item.id, registry(queryClient).get(item.id)?.confirmed.version ?? item.version);
}

/** The version a pending delete should send: the newest the server confirmed. */
export function deletionVersion(queryClient: QueryClient, itemId: string): number | undefined {
  return deleting(queryClient).get(itemId);
}

export function endDeletion(queryClient: QueryClient, itemId: string) {
  deleting(queryClient).delete(itemId);
}

function show(queryClient: QueryClient, roadmapId: string, pending: PendingItem) {
  const gone = deleting(queryClient);
  if (gone.has(pending.confirmed.id)) {
    gone.set(pending.confirmed.id, pending.confirmed.version);
    return;
  }
  const item = pending.patches.reduce<Item>((acc, p) => ({ ...acc, ...p.patch }), pending.confirmed);
  patchBoard(queryClient, roadmapId, (board) => withItem(board, item));
}

/** Applies a patch to the cached item at once; returns a token to settle it with, or null if the item is gone. */
export function beginItemPatch(
  queryClient: QueryClient,
  roadmapId: string,
  itemId: string,
  patch: Partial<Item>,
): number | null {
  const map = registry(queryClient);
  let pending = map.get(itemId);
  if (!pending) {
    const item = readBoard(queryClient, roadmapId)?.items.find((i) => i.id === itemId);
    if (!item) return null;
    pending = { confirmed: item, patches: [] };
    map.set(itemId, pending);
  }
  const token = nextToken++;
  pending.patches.push({ token, patch });
  show(queryClient, roadmapId, pending);
  return token;
}

/**
 * Ends one patch: `confirmed` is the item as the server now holds it (the answer, or the current
 * state sent with a 412); without it the patch is simply dropped (rolled back).
 */
export function settleItemPatch(
  queryClient: QueryClient,
  roadmapId: string,
  itemId: string,
  token: number | null,
  confirmed?: Item,
) {
  const map = registry(queryClient);
  const pending = map.get(itemId);
  if (!pending) {
    if (!confirmed) return;
    if (deleting(queryClient).has(itemId)) deleting(queryClient).set(itemId, confirmed.version);
    else patchBoard(queryClient, roadmapId, (board) => withItem(board, confirmed));
    return;
  }
  pending.patches = pending.patches.filter((p) => p.token !== token);
  if (confirmed) pending.confirmed = confirmed;
  show(queryClient, roadmapId, pending);
  if (pending.patches.length === 0) map.delete(itemId);
}

/**
 * A newer state of an item from elsewhere (another person's change, heard over the event stream).
 * Edits of ours still in flight stay on top of it; an older or equal version changes nothing.
 */
export function applyServerItem(queryClient: QueryClient, roadmapId: string, item: Item) {
  const pending = registry(queryClient).get(item.id);
  if (pending) {
    if (item.version > pending.confirmed.version) {
      pending.confirmed = item;
      show(queryClient, roadmapId, pending);
    }
    return;
  }
  const gone = deleting(queryClient);
  if (gone.has(item.id)) {
    gone.set(item.id, Math.max(gone.get(item.id)!, item.version));
    return;
  }
  patchBoard(queryClient, roadmapId, (board) => {
    const cached = board.items.find((i) => i.id === item.id);
    return cached && cached.version >= item.version ? board : withItem(board, item);
  });
}

/** An item deleted elsewhere leaves the board, with its links, unless our own edits still hold it. */
export function removeServerItem(queryClient: QueryClient, roadmapId: string, itemId: string) {
  registry(queryClient).delete(itemId);
  patchBoard(queryClient, roadmapId, (board) => withoutItem(board, itemId));
}
