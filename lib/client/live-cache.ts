import type { QueryClient } from "@tanstack/react-query";
import type { ChangeEvent } from "@/lib/validation/collaboration";
import { timeline as endpoints } from "@/lib/validation/routes";
import { ApiError, callEndpoint } from "./api";
import { queryKeys } from "./query-keys";
import { readBoard, type Board } from "./timeline";
import { applyServerItem, removeServerItem } from "./timeline-optimistic";

/** Past this many items changed at once (an import, a bulk move), refetching the board is cheaper. */
const BULK = 25;
const FLUSH_MS = 40;

function isRoadmapQuery(queryKey: readonly unknown[], roadmapId: string): boolean {
  return queryKey[0] === "roadmap" && queryKey[1] === roadmapId;
}

/** Whether the cached board already shows this change (our own edit, or one fetched meanwhile). */
export function alreadyShown(board: Board | undefined, event: ChangeEvent): boolean {
  if (!board) return true; // nothing cached: the next read fetches it fresh
  const version = event.version ?? Number.POSITIVE_INFINITY;
  switch (event.entity) {
    case "item": {
      const item = board.items.find((i) => i.id === event.id);
      if (event.type === "deleted") return !item;
      return !!item && item.version >= version;
    }
    case "workstream": {
      const lane = board.workstreams.find((w) => w.id === event.id);
      if (event.type === "deleted") return !lane;
      return !!lane && lane.version >= version;
    }
    case "dependency": {
      const link = board.dependencies.some((d) => d.id === event.id);
      return event.type === "deleted" ? !link : link;
    }
    case "roadmap":
      return board.roadmap.version >= version;
    default:
      return false;
  }
}

/**
 * Applies the roadmap's change events to the TanStack Query cache. Item changes are fetched one by
 * one (a small GET) and merged under any edit of ours still in flight; other changes refetch the
 * board. Events come in bursts, so work is batched over a few milliseconds.
 */
export class LiveCache {
  private items = new Set<string>();
  private refetchBoard = false;
  private comments = new Set<string>();
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly queryClient: QueryClient,
    private readonly roadmapId: string,
  ) {}

  apply(event: ChangeEvent) {
    if (event.entity === "comment") {
      if (event.itemId) this.comments.add(event.itemId);
      this.refetchBoard = true; // verdict summaries live on the board
    } else if (event.entity === "risk" || event.entity === "staffing") {
      // Not on the board: the roadmap-wide invalidation in flush() covers them.
    } else if (!alreadyShown(readBoard(this.queryClient, this.roadmapId), event)) {
      if (event.entity === "item" && event.type === "deleted") {
        removeServerItem(this.queryClient, this.roadmapId, event.id);
      } else if (event.entity === "item" && event.item) {
        applyServerItem(this.queryClient, this.roadmapId, event.item);
      } else if (event.entity === "item") this.items.add(event.id);
      else this.refetchBoard = true;
    }
    this.schedule();
  }

  /** Everything may be stale (the stream said reset, or it was down): refetch the roadmap's queries. */
  refetchAll() {
    void this.queryClient.invalidateQueries({ queryKey: queryKeys.roadmap(this.roadmapId) });
    void this.queryClient.invalidateQueries({ queryKey: queryKeys.items });
  }

  dispose() {
    if (this.timer) clearTimeout(this.timer);
  }

  private schedule() {
    this.timer ??= setTimeout(() => {
      this.timer = null;
      void this.flush();
    }, FLUSH_MS);
  }

  private async flush() {
    const { queryClient, roadmapId } = this;
    const items = [...this.items];
    const comments = [...this.comments];
    const wholeBoard = this.refetchBoard || items.length > BULK;
    this.items.clear();
    this.comments.clear();
    this.refetchBoard = false;

    for (const itemId of comments)
      void queryClient.invalidateQueries({ queryKey: queryKeys.comments(itemId) });
    // Everything else read about the roadmap (schedule, activity, capacity, risks...) may have
    // changed too. A forecast is only marked stale: rerunning thousands of simulations on every
    // edit is for the person who asks for it.
    void queryClient.invalidateQueries({
      predicate: ({ queryKey }) =>
        isRoadmapQuery(queryKey, roadmapId) && !["board", "forecast"].includes(String(queryKey[2])),
    });
    void queryClient.invalidateQueries({
      predicate: ({ queryKey }) => isRoadmapQuery(queryKey, roadmapId) && queryKey[2] === "forecast",
      refetchType: "none",
    });
    if (wholeBoard) {
      await queryClient.invalidateQueries({ queryKey: queryKeys.board(roadmapId) });
      return;
    }
    await Promise.all(items.map((itemId) => this.fetchItem(itemId)));
  }

  private async fetchItem(itemId: string) {
    try {
      const { item } = await callEndpoint(endpoints.getItem, { params: { itemId } });
      if (item.roadmapId === this.roadmapId) applyServerItem(this.queryClient, this.roadmapId, item);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404)
        removeServerItem(this.queryClient, this.roadmapId, itemId);
      else void this.queryClient.invalidateQueries({ queryKey: queryKeys.board(this.roadmapId) });
    }
  }
}
