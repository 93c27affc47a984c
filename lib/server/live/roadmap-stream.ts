import { randomUUID } from "node:crypto";
import { and, asc, eq, gt } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { activity, roadmaps } from "@/db/schema";
import type { Actor } from "@/lib/services/actor";
import { requireRole } from "@/lib/services/authorization";
import { loadItem } from "@/lib/services/items";
import { joinRoadmap, leaveRoadmap } from "@/lib/services/presence";
import type { ChangeEvent, RoadmapEvent } from "@/lib/validation/collaboration";
import type { Item } from "@/lib/validation/timeline";
import { liveHub } from "./hub";
import { presenceRooms } from "./presence-rooms";
import { roadmapTopic, userTopic, type LiveMessage } from "./publish";

/** Most changes a reconnecting page is sent one by one; past that it is told to refetch. */
const MAX_REPLAY = 500;
/** A client this far behind (bytes queued) is dropped; it reconnects and catches up from the log. */
const MAX_QUEUED_BYTES = 1 << 20;

const encoder = new TextEncoder();
const PING = encoder.encode(": ping\n\n");

/** One SSE frame: `id:` (for changes, so that a reconnect resumes after it) and the JSON data. */
export function eventFrame(event: RoadmapEvent, id?: number): Uint8Array {
  return encoder.encode(`${id !== undefined ? `id: ${id}\n` : ""}data: ${JSON.stringify(event)}\n\n`);
}

type ChangeMessage = Extract<LiveMessage, { kind: "change" }>;

/**
 * Item changes travel with the item, read once per instance however many pages watch, so that
 * pages need no GET of their own (fifty watchers would otherwise send fifty). Keyed by version.
 */
const itemReads = new Map<string, Promise<Item | null>>();
const ITEM_READS_KEPT = 200;

function itemAfter(handle: DatabaseHandle, message: ChangeMessage): Promise<Item | null> {
  if (message.entity !== "item" || message.type === "deleted") return Promise.resolve(null);
  const key = `${message.id}@${message.version}`;
  let read = itemReads.get(key);
  if (!read) {
    read = loadItem(handle.db, message.id).then(
      // Only the version the event names: a later one would skip its own event's changes.
      (item) => (item.version === message.version ? item : null),
      () => null,
    );
    itemReads.set(key, read);
    if (itemReads.size > ITEM_READS_KEPT) itemReads.delete(itemReads.keys().next().value!);
  }
  return read;
}

function toEvent(message: ChangeMessage, roadmapId: string): ChangeEvent {
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

/**
 * One open event stream of one page: catches up from the activity log after Last-Event-ID, then
 * relays the hub's messages in sequence order with no duplicates, and keeps the page's presence.
 */
export class RoadmapStream {
  readonly connectionId = randomUUID();
  /** The last change sent or on its way: replays and live messages start after it. */
  private lastSeq = 0;
  private outbox: Promise<void> = Promise.resolve();
  private catchingUp = true;
  private pending: ChangeMessage[] = [];
  private queue: Promise<void> = Promise.resolve();
  private unsubscribe: (() => void) | null = null;
  private closed = false;
  /** Kept only so that the request's abort signal lives as long as the stream. */
  requestSignal: AbortSignal | null = null;
  private opening: Promise<void> = Promise.resolve();
  private controller!: ReadableStreamDefaultController<Uint8Array>;

  constructor(
    private readonly handle: DatabaseHandle,
    readonly actor: Actor,
    readonly roadmap: { id: string; teamId: string },
    private readonly lastEventId: number | undefined,
  ) {}

  /** The SSE body. Cancelled when the browser goes away. */
  body(): ReadableStream<Uint8Array> {
    return new ReadableStream<Uint8Array>(
      {
        start: (controller) => {
          this.controller = controller;
          this.opening = this.open().catch(() => void this.close());
        },
        cancel: () => this.close(),
      },
      new ByteLengthQueuingStrategy({ highWaterMark: 64 * 1024 }),
    );
  }

  private async open() {
    const { db } = this.handle;
    this.unsubscribe = await liveHub(this.handle).subscribe(
      [roadmapTopic(this.roadmap.id), userTopic(this.actor.userId)],
      { onMessage: (m) => this.onMessage(m), onResync: () => this.catchUp() },
    );
    if (this.closed) return this.unsubscribe();
    // Subscribed first, then read the position: a change committed in between is both buffered and
    // after the position, so it is sent exactly once.
    const [row] = await db
      .select({ seq: roadmaps.seq })
      .from(roadmaps)
      .where(eq(roadmaps.id, this.roadmap.id));
    const current = row?.seq ?? 0;
    this.write(encoder.encode(`retry: 2000\n\n`));
    this.send({ type: "hello", connectionId: this.connectionId, userId: this.actor.userId, seq: current });
    this.lastSeq = this.lastEventId ?? current;
    if (this.lastSeq > current) {
      // The page saw a history this database does not have (restored from a backup): start over.
      this.lastSeq = current;
      this.send({ type: "reset", seq: current }, current);
    }
    await this.catchUp();
    if (this.closed) return;
    await joinRoadmap(db, this.actor, this.roadmap.id, this.connectionId);
    if (!this.closed) presenceRooms.join(this);
  }

  private onMessage(message: LiveMessage) {
    if (message.kind === "change") {
      if (this.catchingUp) this.pending.push(message);
      else this.sendChange(message);
    } else if (message.kind === "presence") {
      presenceRooms.refreshSoon(this.handle, this.roadmap.id);
    } else {
      this.send({ type: "notification", at: new Date().toISOString() });
    }
  }

  /** Replays what the log holds after the last sequence sent; runs one at a time. */
  private catchUp(): Promise<void> {
    this.queue = this.queue.then(() => this.replay()).catch(() => this.close());
    return this.queue;
  }

  private async replay() {
    if (this.closed) return;
    this.catchingUp = true;
    const rows = await this.handle.db
      .select()
      .from(activity)
      .where(and(eq(activity.roadmapId, this.roadmap.id), gt(activity.seq, this.lastSeq)))
      .orderBy(asc(activity.seq))
      .limit(MAX_REPLAY + 1);
    if (rows.length > MAX_REPLAY) {
      const [row] = await this.handle.db
        .select({ seq: roadmaps.seq })
        .from(roadmaps)
        .where(eq(roadmaps.id, this.roadmap.id));
      this.lastSeq = row?.seq ?? this.lastSeq;
      this.send({ type: "reset", seq: this.lastSeq }, this.lastSeq);
    } else {
      for (const row of rows) {
        this.sendChange({
          topic: roadmapTopic(this.roadmap.id),
          kind: "change",
          seq: row.seq ?? 0,
          type: row.action,
          entity: row.entity,
          id: row.entityId,
          version: typeof row.changes?.version === "number" ? row.changes.version : null,
          actorId: row.actorId,
          itemId: row.itemId,
          at: row.createdAt.toISOString(),
        });
      }
    }
    const buffered = this.pending.sort((a, b) => a.seq - b.seq);
    this.pending = [];
    for (const message of buffered) this.sendChange(message);
    this.catchingUp = false;
  }

  /** Changes go out one after another, in sequence order, each with its item when it has one. */
  private sendChange(message: ChangeMessage) {
    if (message.seq <= this.lastSeq) return;
    this.lastSeq = message.seq;
    const item = itemAfter(this.handle, message);
    this.outbox = this.outbox.then(async () => {
      const event = toEvent(message, this.roadmap.id);
      const after = await item;
      this.send(after ? { ...event, item: after } : event, message.seq);
    });
  }

  send(event: RoadmapEvent, id?: number) {
    this.write(eventFrame(event, id));
  }

  /** A comment line: keeps proxies from closing an idle stream. */
  ping() {
    this.write(PING);
  }

  write(bytes: Uint8Array) {
    if (this.closed) return;
    try {
      if ((this.controller.desiredSize ?? 0) < -MAX_QUEUED_BYTES) throw new Error("client too slow");
      this.controller.enqueue(bytes);
    } catch {
      void this.close();
    }
  }

  /** Still allowed to watch this roadmap (a member removed meanwhile is cut off). */
  async stillAllowed(): Promise<boolean> {
    try {
      await requireRole(this.handle.db, this.actor, this.roadmap.teamId, "viewer");
      return true;
    } catch {
      return false;
    }
  }

  async close() {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    presenceRooms.leave(this);
    try {
      this.controller.close();
    } catch {
      // already closed by the client going away
    }
    // Opening may still be under way: once it is done, nothing it wrote outlives the stream.
    await this.opening;
    await leaveRoadmap(this.handle.db, this.roadmap.id, this.connectionId).catch(() => {});
  }

  get database(): DatabaseHandle {
    return this.handle;
  }
}

const LAST_EVENT_ID = /^\d{1,15}$/;

/**
 * The SSE answer for GET /api/roadmaps/:id/events, once access is checked. A reconnecting
 * EventSource sends Last-Event-ID; scripts may pass ?lastEventId= instead.
 */
export function roadmapEventsResponse(
  req: Request,
  handle: DatabaseHandle,
  actor: Actor,
  roadmap: { id: string; teamId: string },
  lastEventId: number | undefined,
): Response {
  const header = req.headers.get("last-event-id")?.trim();
  const resumeAfter = header && LAST_EVENT_ID.test(header) ? Number(header) : lastEventId;
  const stream = new RoadmapStream(handle, actor, roadmap, resumeAfter);
  // The stream holds the signal: a Request's signal follows its source through a weak reference,
  // so once nothing else refers to it, it can be collected and its abort never arrives.
  stream.requestSignal = req.signal;
  req.signal.addEventListener("abort", () => void stream.close(), { once: true });
  return new Response(stream.body(), {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: otherwise Next compresses the stream and nothing arrives until it ends.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
}
