import type { DatabaseHandle } from "@/db/client";
import { loadItem } from "@/lib/services/items/rows";
import type { ChangeEvent, RoadmapEvent } from "@/lib/validation/collaboration";
import type { Item } from "@/lib/validation/timeline";
import type { LiveMessage } from "@/lib/services/kernel/live-events";
import { promiseCache } from "@/lib/services/kernel/promise-cache";

export type ChangeMessage = Extract<LiveMessage, { kind: "change" }>;

const encoder = new TextEncoder();

/** One SSE frame: `id:` (for changes, so that a reconnect resumes after it) and the JSON data. */
export function eventFrame(event: RoadmapEvent, id?: number): Uint8Array {
  return encoder.encode(`${id !== undefined ? `id: ${id}\n` : ""}data: ${JSON.stringify(event)}\n\n`);
}

/** A comment line: keeps proxies from closing an idle stream. */
export const PING_FRAME = encoder.encode(": ping\n\n");
/** Tells the browser how soon to reconnect after the stream ends. */
export const RETRY_FRAME = encoder.encode("retry: 2000\n\n");

/**
 * Item changes travel with the item, read once per instance however many pages watch, so that
 * pages need no GET of their own (fifty watchers would otherwise send fifty). Keyed by version.
 */
const itemReads = promiseCache<Item | null>(200);

export function itemAfter(handle: DatabaseHandle, message: ChangeMessage): Promise<Item | null> {
  if (message.entity !== "item" || message.type === "deleted") return Promise.resolve(null);
  return itemReads.get(`${message.id}@${message.version}`, () =>
    loadItem(handle.db, message.id).then(
      // Only the version the event names: a later one would skip its own event's changes.
      (item) => (item.version === message.version ? item : null),
      () => null,
    ),
  );
}

/**
 * A change's SSE frame, built once per instance for every stream that relays it: the hub hands the
 * same message object to each subscriber, so a thousand streams share one item read, one
 * JSON.stringify and one encoding (a replayed change is a message of its own, built for its stream).
 */
const frames = new WeakMap<ChangeMessage, Promise<Uint8Array>>();

export function changeFrame(handle: DatabaseHandle, message: ChangeMessage, roadmapId: string): Promise<Uint8Array> {
  let frame = frames.get(message);
  if (!frame) {
    frame = itemAfter(handle, message).then((after) => {
      const event = toChangeEvent(message, roadmapId);
      return eventFrame(after ? { ...event, item: after } : event, message.seq);
    });
    frames.set(message, frame);
  }
  return frame;
}

export function toChangeEvent(message: ChangeMessage, roadmapId: string): ChangeEvent {
  return {
    type: message.type as ChangeEvent["type"],
    entity: message.entity,
    id: message.id,
    version: message.version,
    actorId: message.actorId,
    at: message.at,
    seq: message.seq,
    roadmapId,
    itemId: message.itemId,
  };
}
