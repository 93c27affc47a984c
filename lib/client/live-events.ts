import { useQueryClient } from "@tanstack/react-query";
import { useCallback, useEffect, useRef, useState } from "react";
import type { PresenceEvent, RoadmapEvent } from "@/lib/validation/collaboration";
import { collaboration } from "@/lib/validation/routes";
import { callEndpoint } from "./api";
import { LiveCache } from "./live-cache";
import { queryKeys } from "./query-keys";

/** connecting: first contact; live: events flowing; reconnecting: the browser retries by itself; stopped: given up. */
export type LiveStatus = "connecting" | "live" | "reconnecting" | "stopped";
export type PresentUser = PresenceEvent["users"][number];

export interface RoadmapLive {
  status: LiveStatus;
  /** Everyone with the roadmap open, this page included. */
  present: PresentUser[];
  /** This page's connection, to tell it apart from the same person's other tabs. */
  connectionId: string | null;
  /** How many different people have the roadmap open (the list may be cut short). */
  people: number;
  /** Who this page is signed in as. */
  userId: string | null;
  /** Says which item this page is editing (null: none), for the others' presence. */
  setEditing: (itemId: string | null) => void;
  /** Try again after the stream stopped. */
  reconnect: () => void;
}

/**
 * Keeps a roadmap page live: opens the roadmap's Server-Sent Events stream, applies every change
 * to the query cache, and tracks who else is here. `since` is the change-log position the cached
 * board reflects, so that nothing committed between the page's first read and the stream is lost.
 * The browser reconnects by itself and sends Last-Event-ID; the server replays what was missed.
 */
export function useRoadmapLive(roadmapId: string, since: number | undefined): RoadmapLive {
  const queryClient = useQueryClient();
  const [status, setStatus] = useState<LiveStatus>("connecting");
  const [present, setPresent] = useState<PresentUser[]>([]);
  const [connectionId, setConnectionId] = useState<string | null>(null);
  const [userId, setUserId] = useState<string | null>(null);
  const [people, setPeople] = useState(0);
  const [attempt, setAttempt] = useState(0);
  const editing = useRef<string | null>(null);
  const sinceRef = useRef(since);

  useEffect(() => {
    const cache = new LiveCache(queryClient, roadmapId);
    const query = sinceRef.current !== undefined ? `?lastEventId=${sinceRef.current}` : "";
    const source = new EventSource(`/api/roadmaps/${roadmapId}/events${query}`);
    let seenHello = false;

    source.onmessage = (message) => {
      let event: RoadmapEvent;
      try {
        event = JSON.parse(message.data) as RoadmapEvent;
      } catch {
        return;
      }
      switch (event.type) {
        case "hello":
          setStatus("live");
          setConnectionId(event.connectionId);
          setUserId(event.userId);
          // A reconnect without a known position may have missed changes: read everything again.
          if (seenHello && !message.lastEventId) cache.refetchAll();
          seenHello = true;
          if (editing.current) void sendPresence(roadmapId, event.connectionId, editing.current);
          break;
        case "presence":
          setPresent(event.users);
          setPeople(event.people);
          break;
        case "notification":
          void queryClient.invalidateQueries({ queryKey: queryKeys.notifications });
          break;
        case "reset":
          cache.refetchAll();
          break;
        default:
          if ("entity" in event) cache.apply(event);
      }
    };
    source.onerror = () => {
      // CLOSED: the server refused (signed out, removed from the team, roadmap deleted).
      setStatus(source.readyState === EventSource.CLOSED ? "stopped" : "reconnecting");
    };
    return () => {
      source.close();
      cache.dispose();
      setConnectionId(null);
    };
  }, [queryClient, roadmapId, attempt]);

  const setEditing = useCallback(
    (itemId: string | null) => {
      if (editing.current === itemId) return;
      editing.current = itemId;
      if (connectionId) void sendPresence(roadmapId, connectionId, itemId);
    },
    [roadmapId, connectionId],
  );

  const reconnect = useCallback(() => {
    setStatus("connecting");
    setAttempt((n) => n + 1);
  }, []);

  return { status, present, people, connectionId, userId, setEditing, reconnect };
}

function sendPresence(roadmapId: string, connectionId: string, itemId: string | null) {
  // Presence is a courtesy: a failure (stream just closed) is not worth telling anyone about.
  return callEndpoint(collaboration.updatePresence, {
    params: { roadmapId },
    body: { connectionId, itemId },
  }).catch(() => {});
}
