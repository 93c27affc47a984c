import { randomUUID } from "node:crypto";
import { and, asc, eq, gt } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { activity, roadmaps } from "@/db/schema";
import type { Actor } from "@/lib/services/kernel/actor";
import { announceArrival, leaveRoadmap } from "@/lib/services/presence/presence";
import type { RoadmapEvent } from "@/lib/validation/collaboration";
import { changeFrame, eventFrame, PING_FRAME, RETRY_FRAME, type ChangeMessage } from "./change-events";
import { liveHub } from "./hub";
import { presenceRooms, type RoomMember } from "./presence-rooms";
import { roadmapTopic, userTopic, type LiveMessage } from "@/lib/services/kernel/live-events";
import { isRevokedBy, validStreamIds } from "./stream-validity";

/** Most changes a reconnecting page is sent one by one; past that it is told to refetch. */
const MAX_REPLAY = 500;
/** A client this far behind (bytes queued) is dropped; it reconnects and catches up from the log. */
const MAX_QUEUED_BYTES = 1 << 20;

/**
 * One open event stream of one page: catches up from the activity log after Last-Event-ID, then
 * relays the hub's messages in sequence order with no duplicates, and keeps the page's presence.
 * It ends, sending nothing more, as soon as its identity is known to be revoked (a message from any
 * instance, or the heartbeat's check), and once its roadmap is deleted.
 */
export class RoadmapStream implements RoomMember {
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
    // A revocation committed after the request was authenticated but before the subscription is
    // heard by no one: check once more, now that any later one will be heard.
    if (!(await validStreamIds(db, [this])).has(this.connectionId)) {
      void this.close({ revoked: true }); // not awaited: closing waits for this opening to end
      return;
    }
    // Subscribed first, then read the position: a change committed in between is both buffered and
    // after the position, so it is sent exactly once.
    const [row] = await db
      .select({ seq: roadmaps.seq })
      .from(roadmaps)
      .where(eq(roadmaps.id, this.roadmap.id));
    const current = row?.seq ?? 0;
    this.write(RETRY_FRAME);
    this.send({ type: "hello", connectionId: this.connectionId, userId: this.actor.userId, seq: current });
    this.lastSeq = this.lastEventId ?? current;
    if (this.lastSeq > current) {
      // The page saw a history this database does not have (restored from a backup): start over.
      this.lastSeq = current;
      this.send({ type: "reset", seq: current }, current);
    }
    await this.catchUp();
    if (this.closed) return;
    // The presence row was written when the stream was admitted (it is the stream's slot).
    await announceArrival(db, this.roadmap.id);
    if (!this.closed) presenceRooms.join(this);
  }

  private onMessage(message: LiveMessage) {
    switch (message.kind) {
      case "change":
        if (this.catchingUp) this.pending.push(message);
        else this.sendChange(message);
        break;
      case "presence":
        presenceRooms.refreshSoon(this.handle, this.roadmap.id);
        break;
      case "notification":
        this.send({ type: "notification", at: new Date().toISOString() });
        break;
      case "revoked":
        // The user topic carries every identity of the user: only this stream's own ends it.
        if (isRevokedBy(message, this)) void this.close({ revoked: true });
        break;
      case "deleted":
        this.endAfterQueued();
        break;
    }
  }

  /**
   * The roadmap was deleted: what was already on its way (the deletion itself among it) still goes
   * out, since the viewer was allowed to see it, then the stream ends. Nothing new is taken in.
   */
  private endAfterQueued() {
    this.unsubscribe?.();
    void this.queue.then(() => this.outbox).then(() => this.close());
  }

  /** Replays what the log holds after the last sequence sent; runs one at a time. */
  private catchUp(): Promise<void> {
    // Not awaiting the close: it waits for the opening, which may be waiting for this very replay.
    this.queue = this.queue.then(() => this.replay()).catch(() => void this.close());
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
    const frame = changeFrame(this.handle, message, this.roadmap.id);
    // write() drops it if the stream was revoked while the item was being read.
    this.outbox = this.outbox.then(async () => this.write(await frame));
  }

  send(event: RoadmapEvent, id?: number) {
    this.write(eventFrame(event, id));
  }

  /** A comment line: keeps proxies from closing an idle stream. */
  ping() {
    this.write(PING_FRAME);
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

  /**
   * Ends the stream. `revoked`: its identity no longer holds, so even what is queued for a slow
   * client is not sent: erroring the body discards the queue (an AbortError, which Next treats as
   * the connection going away rather than a failure).
   */
  async close({ revoked = false } = {}) {
    if (this.closed) return;
    this.closed = true;
    this.unsubscribe?.();
    presenceRooms.leave(this);
    try {
      if (revoked)
        this.controller.error(new DOMException("The stream's identity was revoked.", "AbortError"));
      else this.controller.close();
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
