import type { DatabaseHandle } from "@/db/client";
import { LIVE_CHANNEL, type LiveMessage } from "@/lib/services/kernel/live-events";

export interface Subscriber {
  /** A message for one of the subscriber's topics, as published (after its transaction committed). */
  onMessage(message: LiveMessage): void;
  /** The database connection that listens was lost and is back: messages may have been missed. */
  onResync(): void;
}

/**
 * One LISTEN per process for every open stream: PostgreSQL (or PGlite) delivers each NOTIFY once
 * to this instance, and the hub fans it out to the subscribers of its topic. Several instances
 * on one database each run their own hub, so every instance hears every change.
 */
export class LiveHub {
  private readonly topics = new Map<string, Set<Subscriber>>();
  private listening: Promise<void> | null = null;
  private unlisten: (() => Promise<void>) | null = null;
  private connectedOnce = false;

  constructor(private readonly handle: DatabaseHandle) {}

  /** Subscribes to topics; resolves once the database is listening, so nothing after it is missed. */
  async subscribe(topics: readonly string[], subscriber: Subscriber): Promise<() => void> {
    for (const topic of topics) {
      let set = this.topics.get(topic);
      if (!set) this.topics.set(topic, (set = new Set()));
      set.add(subscriber);
    }
    try {
      await this.listen();
    } catch (error) {
      this.remove(topics, subscriber);
      throw error;
    }
    return () => this.remove(topics, subscriber);
  }

  /** How many subscriptions are open (for tests and benchmarks). */
  get size(): number {
    let n = 0;
    for (const set of this.topics.values()) n += set.size;
    return n;
  }

  async close(): Promise<void> {
    this.topics.clear();
    const unlisten = this.unlisten;
    this.unlisten = null;
    this.listening = null;
    await unlisten?.().catch(() => {});
  }

  private remove(topics: readonly string[], subscriber: Subscriber) {
    for (const topic of topics) {
      const set = this.topics.get(topic);
      set?.delete(subscriber);
      if (set?.size === 0) this.topics.delete(topic);
    }
  }

  private listen(): Promise<void> {
    this.listening ??= this.startListening().catch((error) => {
      this.listening = null;
      throw error;
    });
    return this.listening;
  }

  private async startListening(): Promise<void> {
    const deliver = (payload: string) => this.deliver(payload);
    if (this.handle.sql) {
      // postgres.js keeps a dedicated LISTEN connection and re-listens after a reconnect; the
      // onlisten callback runs on every (re)connect, and after the first one, events may be lost.
      const { unlisten } = await this.handle.sql.listen(LIVE_CHANNEL, deliver, () => {
        if (this.connectedOnce) this.resyncAll();
        this.connectedOnce = true;
      });
      this.unlisten = unlisten;
    } else if (this.handle.pglite) {
      this.unlisten = await this.handle.pglite.listen(LIVE_CHANNEL, deliver);
    } else {
      throw new Error("The database handle has no client to LISTEN with.");
    }
  }

  private deliver(payload: string) {
    let message: LiveMessage;
    try {
      message = JSON.parse(payload) as LiveMessage;
    } catch {
      return;
    }
    const subscribers = this.topics.get(message.topic);
    if (!subscribers) return;
    for (const subscriber of [...subscribers]) {
      try {
        subscriber.onMessage(message);
      } catch (error) {
        console.error("A live-event subscriber failed:", error);
      }
    }
  }

  private resyncAll() {
    const all = new Set<Subscriber>();
    for (const set of this.topics.values()) for (const s of set) all.add(s);
    for (const subscriber of all) subscriber.onResync();
  }
}

// One hub per database per process, even if Next loads this module more than once.
const state = globalThis as unknown as { __cairnLiveHubs?: WeakMap<DatabaseHandle, LiveHub> };
const hubs = (state.__cairnLiveHubs ??= new WeakMap());

/** The process's hub for a database (tests open several databases in one process). */
export function liveHub(handle: DatabaseHandle): LiveHub {
  let hub = hubs.get(handle);
  if (!hub) hubs.set(handle, (hub = new LiveHub(handle)));
  return hub;
}
