import { count } from "drizzle-orm";
import { expect } from "vitest";
import * as eventsRoute from "@/app/api/roadmaps/[roadmapId]/events/route";
import type { DatabaseHandle } from "@/db/client";
import { presence } from "@/db/schema";
import { roadmapEventsResponse } from "@/lib/server/live/events-response";
import { liveHub } from "@/lib/server/live/hub";
import type { Actor } from "@/lib/services/kernel/actor";
import { buildRequest } from "./api";
import { SseReader } from "./sse";

// Opening and closing roadmap event streams in-process (integration tests). SseReader stays in
// sse.ts without these imports, since the end-to-end tests use it against a running server.

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
