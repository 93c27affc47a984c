import type { DatabaseHandle } from "@/db/client";
import { presentUsers, touchConnections } from "@/lib/services/presence";
import { eventFrame, type RoadmapStream } from "./roadmap-stream";

const HEARTBEAT_MS = Number(process.env.CAIRN_SSE_HEARTBEAT_MS ?? 15_000);
const PRESENCE_DEBOUNCE_MS = 50;
/** A presence event lists this many open pages at most: a room of hundreds sends a bounded list. */
const MAX_LISTED = 50;

interface Room {
  handle: DatabaseHandle;
  roadmapId: string;
  streams: Set<RoadmapStream>;
  /** What was last sent, so that an unchanged list is not sent again. */
  last: string;
  timer: ReturnType<typeof setTimeout> | null;
}

/**
 * This instance's open streams grouped by roadmap. Presence changes arrive as a bare "presence
 * changed" message from any instance; the room then reads who is present once and tells its pages.
 * A heartbeat pings every stream, keeps this instance's presence rows fresh (rows of an instance
 * that died expire), re-checks that each viewer is still a member, and refreshes presence.
 */
class PresenceRooms {
  private readonly rooms = new Map<string, Room>();
  private heartbeat: ReturnType<typeof setInterval> | null = null;

  private key(handle: DatabaseHandle, roadmapId: string) {
    return `${databaseIdentity(handle)}:${roadmapId}`;
  }

  join(stream: RoadmapStream) {
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
    this.heartbeat ??= setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref?.();
  }

  leave(stream: RoadmapStream) {
    const key = this.key(stream.database, stream.roadmap.id);
    const room = this.rooms.get(key);
    if (!room) return;
    room.streams.delete(stream);
    if (room.streams.size === 0) {
      if (room.timer) clearTimeout(room.timer);
      this.rooms.delete(key);
    }
    if (this.rooms.size === 0 && this.heartbeat) {
      clearInterval(this.heartbeat);
      this.heartbeat = null;
    }
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
  get streams(): RoadmapStream[] {
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
    for (const room of this.rooms.values()) {
      const streams = [...room.streams];
      for (const stream of streams) stream.ping();
      await touchConnections(
        room.handle.db,
        streams.map((s) => s.connectionId),
      ).catch(() => {});
      for (const stream of streams) if (!(await stream.stillAllowed())) await stream.close();
      await this.refresh(room);
    }
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
