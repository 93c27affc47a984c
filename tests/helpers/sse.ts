import { count } from "drizzle-orm";
import { expect } from "vitest";
import * as eventsRoute from "@/app/api/roadmaps/[roadmapId]/events/route";
import type { DatabaseHandle } from "@/db/client";
import { presence } from "@/db/schema";
import { roadmapEventsResponse } from "@/lib/server/live/events-response";
import { liveHub } from "@/lib/server/live/hub";
import type { Actor } from "@/lib/services/actor";
import { buildRequest, type LooseJson } from "./api";

export interface SseEvent {
  id?: string;
  data: LooseJson;
}

/**
 * Reads a text/event-stream answer as it arrives: every event is kept in `events`, and `waitFor`
 * resolves with the first one (from `from` on) that matches, or fails after a timeout.
 */
export class SseReader {
  readonly events: SseEvent[] = [];
  pings = 0;
  ended = false;
  private wake: (() => void) | null = null;
  private reader: ReadableStreamDefaultReader<string> | null = null;

  constructor(
    readonly response: Response,
    private readonly abort?: AbortController,
  ) {
    void this.pump();
  }

  private async pump() {
    const reader = (this.reader = this.response.body!.pipeThrough(new TextDecoderStream()).getReader());
    let buffer = "";
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        buffer += value;
        let end: number;
        while ((end = buffer.indexOf("\n\n")) !== -1) {
          this.parse(buffer.slice(0, end));
          buffer = buffer.slice(end + 2);
        }
        this.notify();
      }
    } catch {
      // aborted
    }
    this.ended = true;
    this.notify();
  }

  private parse(frame: string) {
    let id: string | undefined;
    const data: string[] = [];
    for (const line of frame.split("\n")) {
      if (line.startsWith(":")) this.pings++;
      else if (line.startsWith("id: ")) id = line.slice(4);
      else if (line.startsWith("data: ")) data.push(line.slice(6));
    }
    if (data.length) this.events.push({ id, data: JSON.parse(data.join("\n")) });
  }

  private notify() {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async waitFor(predicate: (data: LooseJson) => boolean, timeoutMs = 5_000, from = 0): Promise<SseEvent> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = this.events.slice(from).find((e) => predicate(e.data));
      if (found) return found;
      if (this.ended)
        throw new Error(`The stream ended without a matching event: ${JSON.stringify(this.events)}`);
      const left = deadline - Date.now();
      if (left <= 0)
        throw new Error(`No matching event within ${timeoutMs} ms: ${JSON.stringify(this.events)}`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  }

  /** Resolves once the stream has ended (the server closed it); fails after `timeoutMs`. */
  async waitForEnd(timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.ended) {
      if (Date.now() > deadline) throw new Error(`The stream was still open after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 10));
    }
  }

  /** Events of a type received so far. */
  ofType(type: string): LooseJson[] {
    return this.events.filter((e) => e.data.type === type).map((e) => e.data);
  }

  /** Goes away as a browser does: the request is aborted and the body cancelled. */
  close() {
    this.abort?.abort();
    void this.reader?.cancel().catch(() => {});
  }
}

/** Asks for a roadmap's event stream as a browser's EventSource or a script would (Bearer `token`). */
export async function requestEventStream(
  roadmapId: string,
  token: string,
  headers: Record<string, string> = {},
): Promise<{ res: Response; abort: AbortController }> {
  const abort = new AbortController();
  const base = buildRequest("GET", `/api/roadmaps/${roadmapId}/events`, { token, headers });
  const req = new Request(base, { signal: abort.signal });
  const res = await eventsRoute.GET(req, { params: Promise.resolve({ roadmapId }) });
  return { res, abort };
}

/**
 * Opens a roadmap's event stream for an actor as the route does once it has identified the caller
 * and checked access: for identities a test cannot sign in as directly (a session at some version).
 */
export async function openStreamAs(
  handle: DatabaseHandle,
  actor: Actor,
  roadmap: { id: string; teamId: string },
): Promise<SseReader> {
  const abort = new AbortController();
  const req = new Request(`http://localhost/api/roadmaps/${roadmap.id}/events`, { signal: abort.signal });
  const reader = new SseReader(await roadmapEventsResponse(req, handle, actor, roadmap, undefined), abort);
  await reader.waitFor((d) => d.type === "hello");
  return reader;
}

/** Opens a roadmap's event stream and waits for its hello. */
export async function openEventStream(
  roadmapId: string,
  token: string,
  headers: Record<string, string> = {},
) {
  const { res, abort } = await requestEventStream(roadmapId, token, headers);
  expect(res.status).toBe(200);
  const reader = new SseReader(res, abort);
  const hello = await reader.waitFor((d) => d.type === "hello");
  return { reader, hello: hello.data as { connectionId: string; seq: number } };
}

/**
 * Waits until the server has let go of every stream: nothing subscribed and no presence row (each is
 * a stream's slot) left; then a moment for the "left" announcements, so that no query outlives a test.
 */
export async function waitUntilStreamsReleased(handle: DatabaseHandle): Promise<void> {
  for (let i = 0; ; i++) {
    const [{ rows }] = await handle.db.select({ rows: count() }).from(presence);
    if (rows === 0 && liveHub(handle).size === 0) break;
    if (i > 400)
      throw new Error(`Streams still open: ${rows} presence rows, ${liveHub(handle).size} subscriptions`);
    await new Promise((r) => setTimeout(r, 25));
  }
  await new Promise((r) => setTimeout(r, 100));
}
