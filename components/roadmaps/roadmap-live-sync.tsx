"use client";

import { useRoadmapLive } from "@/lib/client/live-events";

/**
 * Keeps a roadmap sub-page live: the roadmap's event stream refreshes what the page shows (capacity,
 * risks, the board) as other people change it, and counts the reader among those present.
 */
export function RoadmapLiveSync({ roadmapId, since }: { roadmapId: string; since: number | undefined }) {
  useRoadmapLive(roadmapId, since);
  return null;
}
