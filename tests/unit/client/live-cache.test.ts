import { QueryClient } from "@tanstack/react-query";
import { afterEach, describe, expect, it, vi } from "vitest";
import { alreadyShown, LiveCache } from "@/lib/client/live-cache";
import { queryKeys } from "@/lib/client/query-keys";
import type { Board } from "@/lib/client/timeline";
import type { ChangeEvent } from "@/lib/validation/collaboration";

const ROADMAP = "r1";

function board(): Board {
  return {
    roadmap: { id: ROADMAP, version: 3 } as Board["roadmap"],
    role: "editor",
    seq: 10,
    workstreams: [{ id: "w1", roadmapId: ROADMAP, name: "Core", position: 0, version: 2 }],
    items: [{ id: "i1", version: 4 } as Board["items"][number]],
    dependencies: [{ id: "d1", roadmapId: ROADMAP, fromId: "i1", toId: "i2", lagDays: 0 }],
    feedback: {},
  };
}

const event = (
  entity: string,
  id: string,
  type: ChangeEvent["type"],
  version: number | null,
): ChangeEvent => ({
  type,
  entity,
  id,
  version,
  actorId: "u1",
  at: "2027-01-04T10:00:00.000Z",
  seq: 11,
  roadmapId: ROADMAP,
  itemId: entity === "item" ? id : null,
});

describe("alreadyShown", () => {
  it("an item, lane or roadmap at the event's version or later is shown; an older one is not", () => {
    expect(alreadyShown(board(), event("item", "i1", "updated", 4))).toBe(true);
    expect(alreadyShown(board(), event("item", "i1", "updated", 5))).toBe(false);
    expect(alreadyShown(board(), event("item", "i9", "created", 1))).toBe(false);
    expect(alreadyShown(board(), event("workstream", "w1", "updated", 2))).toBe(true);
    expect(alreadyShown(board(), event("workstream", "w1", "updated", 3))).toBe(false);
    expect(alreadyShown(board(), event("roadmap", ROADMAP, "updated", 4))).toBe(false);
  });

  it("deletes are shown once the thing is gone; links by presence", () => {
    expect(alreadyShown(board(), event("item", "i1", "deleted", 5))).toBe(false);
    expect(alreadyShown(board(), event("item", "i9", "deleted", 2))).toBe(true);
    expect(alreadyShown(board(), event("dependency", "d1", "created", null))).toBe(true);
    expect(alreadyShown(board(), event("dependency", "d2", "created", null))).toBe(false);
    expect(alreadyShown(board(), event("dependency", "d1", "deleted", null))).toBe(false);
  });

  it("with nothing cached there is nothing to patch", () => {
    expect(alreadyShown(undefined, event("item", "i1", "updated", 9))).toBe(true);
  });
});

describe("LiveCache", () => {
  afterEach(() => vi.useRealTimers());

  it("an item deleted elsewhere leaves the board with its links; other changes refetch it", async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    client.setQueryData(queryKeys.board(ROADMAP), board());
    const cache = new LiveCache(client, ROADMAP);

    cache.apply(event("item", "i1", "deleted", 5));
    const after = client.getQueryData<Board>(queryKeys.board(ROADMAP))!;
    expect(after.items).toEqual([]);
    expect(after.dependencies).toEqual([]);

    client.setQueryData(queryKeys.schedule(ROADMAP), { projectFinish: "2027-02-01" });
    client.setQueryData(["roadmap", ROADMAP, "forecast", 5000, 1], { runs: 5000 });
    cache.apply(event("workstream", "w1", "updated", 3));
    await vi.advanceTimersByTimeAsync(100);
    expect(client.getQueryState(queryKeys.board(ROADMAP))?.isInvalidated).toBe(true);
    expect(client.getQueryState(queryKeys.schedule(ROADMAP))?.isInvalidated).toBe(true);
    // A forecast is marked stale, not rerun.
    expect(client.getQueryState(["roadmap", ROADMAP, "forecast", 5000, 1])?.isInvalidated).toBe(true);
    expect(client.getQueryState(["roadmap", ROADMAP, "forecast", 5000, 1])?.fetchStatus).toBe("idle");
    cache.dispose();
  });

  it("an item that travels with its event is put on the board at once, without a GET", () => {
    const client = new QueryClient();
    client.setQueryData(queryKeys.board(ROADMAP), board());
    const cache = new LiveCache(client, ROADMAP);
    const fresh = { id: "i2", roadmapId: ROADMAP, title: "New", version: 1 } as Board["items"][number];
    cache.apply({ ...event("item", "i2", "created", 1), item: fresh });
    expect(client.getQueryData<Board>(queryKeys.board(ROADMAP))!.items.map((i) => i.id)).toEqual([
      "i1",
      "i2",
    ]);
    cache.dispose();
  });

  it("a change already on the board (our own edit) refetches nothing of the board", async () => {
    vi.useFakeTimers();
    const client = new QueryClient();
    client.setQueryData(queryKeys.board(ROADMAP), board());
    const cache = new LiveCache(client, ROADMAP);
    cache.apply(event("item", "i1", "updated", 4));
    await vi.advanceTimersByTimeAsync(100);
    expect(client.getQueryState(queryKeys.board(ROADMAP))?.isInvalidated).toBe(false);
    cache.dispose();
  });
});
