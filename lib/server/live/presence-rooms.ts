import type { DatabaseHandle } from "@/db/client";
import { presentUsers, touchConnections } from "@/lib/services/presence/presence";
import { eventFrame } from "./change-events";
import { validStreamIds, type StreamIdentity } from "./stream-validity";

/** Read at every beat, so that tests can shorten it. */
const heartbeatMs = () => Number(process.env.CAIRN_SSE_HEARTBEAT_MS) || 15_000;
const PRESENCE_DEBOUNCE_MS = 50;
/** A presence event lists this many open pages at most: a room of hundreds sends a bounded list. */
const MAX_LISTED = 50;

/** What a room needs of an open stream (roadmap-stream.ts's RoadmapStream is one). */
export interface RoomMember extends StreamIdentity {
  readonly database: DatabaseHandle;
  ping(): void;
  write(bytes: Uint8Array): void;
  close(options?: { revoked?: boolean }): Promise<void>;
}

interface Room {
  handle: DatabaseHandle;
  roadmapId: string;
  streams: Set<RoomMember>;
  /** What was last sent, so that an unchanged list is not sent again. */
  last: string;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * This instance's open streams grouped by roadmap. Presence changes arrive as a bare "presence
 * changed" message from any instance; the room then reads who is present once and tells its pages.
 * A heartbeat pings every stream, keeps this instance's presence rows fresh (rows of an instance
 * that died expire), checks in one query that every stream's identity still holds, closing those
 * that do not, and refreshes presence. Beats never overlap: the next is timed from the end of the
 * last, so a slow database delays the heartbeat rather than piling up checks.
 */
class PresenceRooms {
  private readonly rooms = new Map<string, Room>();
  private timer: ReturnType<typeof setTimeout> | null = null;
  private beating: Promise<void> | null = null;

  private key(handle: DatabaseHandle, roadmapId: string) {
    return `${databaseIdentity(handle)}:${roadmapId}`;
  }

  join(stream: RoomMember) {
    const key = this.key(stream.database, stream.roadmap.id);
    let room = this.rooms.get(key);
    if (!room)
      this.rooms.set(
        key,
        (room = {
          handle: stream.database,
          roadmapId: stream.roadmap.id,
          streams: new Set(),
          last: "",
          timer: null,
        }),
      );
    room.streams.add(stream);
    room.last = ""; // the newcomer needs the list even if nobody else's changed
    this.refreshSoon(stream.database, stream.roadmap.id);
    this.scheduleBeat();
  }

  leave(stream: RoomMember) {
    const key = this.key(stream.database, stream.roadmap.id);
    const room = this.rooms.get(key);
    if (!room) return;
    room.streams.delete(stream);
    if (room.streams.size === 0) {
      if (room.timer) clearTimeout(room.timer);
      this.rooms.delete(key);
    }
    if (this.rooms.size === 0 && this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
  }

  private scheduleBeat() {
    if (this.timer || this.beating || this.rooms.size === 0) return;
    this.timer = setTimeout(() => {
      this.timer = null;
      void this.heartbeat().finally(() => this.scheduleBeat());
    }, heartbeatMs());
    this.timer.unref?.();
  }

  /** Runs a beat now, or joins the one under way: never two at once. */
  heartbeat(): Promise<void> {
    this.beating ??= this.beat().finally(() => {
      this.beating = null;
    });
    return this.beating;
  }

  refreshSoon(handle: DatabaseHandle, roadmapId: string) {
    const room = this.rooms.get(this.key(handle, roadmapId));
    if (!room || room.timer) return;
    room.timer = setTimeout(() => {
      room.timer = null;
      void this.refresh(room);
    }, PRESENCE_DEBOUNCE_MS);
  }

  /** Every open stream of this instance. */
  get streams(): RoomMember[] {
    return [...this.rooms.values()].flatMap((room) => [...room.streams]);
  }

  private async refresh(room: Room) {
    const users = await presentUsers(room.handle.db, room.roadmapId).catch(() => null);
    if (!users) return;
    const editingFirst = [...users.filter((u) => u.itemId), ...users.filter((u) => !u.itemId)];
    const list = editingFirst
      .slice(0, MAX_LISTED)
      .map(({ userId, name, connectionId, itemId }) => ({ userId, name, connectionId, itemId }));
    const people = new Set(users.map((u) => u.userId)).size;
    const text = JSON.stringify([list, people]);
    if (text === room.last) return;
    room.last = text;
    // Encoded once for the whole room.
    const frame = eventFrame({ type: "presence", users: list, people, at: new Date().toISOString() });
    for (const stream of room.streams) stream.write(frame);
  }

  private async beat() {
    const byDatabase = new Map<DatabaseHandle, RoomMember[]>();
    for (const room of this.rooms.values()) {
      let streams = byDatabase.get(room.handle);
      if (!streams) byDatabase.set(room.handle, (streams = []));
      streams.push(...room.streams);
    }
    for (const [handle, streams] of byDatabase) {
      for (const stream of streams) stream.ping();
      await touchConnections(
        handle.db,
        streams.map((s) => s.connectionId),
      ).catch(() => {});
      const valid = await validStreamIds(handle.db, streams).catch((error: unknown) => {
        // Unknown is not invalid: a database hiccup must not cut every page off. The next beat retries.
        console.error("The heartbeat could not check the open streams:", error);
        return null;
      });
      if (valid)
        for (const stream of streams)
          if (!valid.has(stream.connectionId)) void stream.close({ revoked: true });
    }
    for (const room of [...this.rooms.values()]) await this.refresh(room);
  }

  /** Closes every stream (server shutting down): their presence rows go with them. */
  async closeAll() {
    await Promise.all(this.streams.map((s) => s.close()));
  }
}

const identities = new WeakMap<DatabaseHandle, number>();
let nextIdentity = 1;
/** Tests open several databases in one process; rooms of different databases stay apart. */
function databaseIdentity(handle: DatabaseHandle): number {
  let id = identities.get(handle);
  if (id === undefined) identities.set(handle, (id = nextIdentity++));
  return id;
}

const state = globalThis as unknown as { __cairnPresenceRooms?: PresenceRooms };
/** One registry per process, even if Next loads this module more than once. */
export const presenceRooms = (state.__cairnPresenceRooms ??= new PresenceRooms());
