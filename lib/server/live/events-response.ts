import "server-only";
import type { DatabaseHandle } from "@/db/client";
import type { Actor } from "@/lib/services/kernel/actor";
import { claimStreamSlot } from "@/lib/services/presence/presence";
import { RoadmapStream } from "./roadmap-stream";

const LAST_EVENT_ID = /^\d{1,15}$/;

/**
 * The SSE answer for GET /api/roadmaps/:id/events, once access is checked. The stream takes one of
 * the user's slots first (429 beyond the limit, before anything is streamed). A reconnecting
 * EventSource sends Last-Event-ID; scripts may pass ?lastEventId= instead.
 */
export async function roadmapEventsResponse(
  req: Request,
  handle: DatabaseHandle,
  actor: Actor,
  roadmap: { id: string; teamId: string },
  lastEventId: number | undefined,
): Promise<Response> {
  const header = req.headers.get("last-event-id")?.trim();
  const resumeAfter = header && LAST_EVENT_ID.test(header) ? Number(header) : lastEventId;
  const stream = new RoadmapStream(handle, actor, roadmap, resumeAfter);
  await claimStreamSlot(handle.db, actor, roadmap.id, stream.connectionId);
  const body = stream.body();
  // The stream holds the signal: a Request's signal follows its source through a weak reference,
  // so once nothing else refers to it, it can be collected and its abort never arrives.
  stream.requestSignal = req.signal;
  // A client gone while its slot was being claimed never fires "abort": free the slot now.
  if (req.signal.aborted) void stream.close();
  else req.signal.addEventListener("abort", () => void stream.close(), { once: true });
  return new Response(body, {
    headers: {
      "content-type": "text/event-stream; charset=utf-8",
      // no-transform: otherwise Next compresses the stream and nothing arrives until it ends.
      "cache-control": "no-cache, no-transform",
      "x-accel-buffering": "no",
      connection: "keep-alive",
    },
  });
}
