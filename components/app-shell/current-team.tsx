"use client";

import { useParams } from "next/navigation";
import { useEffect, useSyncExternalStore } from "react";

/*
 * Which team the page belongs to, for the header's switcher and team navigation. Pages under
 * /teams/[teamSlug] are known from the URL; other pages of a team (a roadmap at /roadmaps/[id])
 * render <CurrentTeamMarker slug=... /> to say so.
 */
let markedSlug: string | null = null;
const listeners = new Set<() => void>();

function setMarkedSlug(slug: string | null) {
  markedSlug = slug;
  listeners.forEach((notify) => notify());
}

function subscribe(notify: () => void) {
  listeners.add(notify);
  return () => listeners.delete(notify);
}

export function CurrentTeamMarker({ slug }: { slug: string }) {
  useEffect(() => {
    setMarkedSlug(slug);
    return () => setMarkedSlug(null);
  }, [slug]);
  return null;
}

export function useCurrentTeamSlug(): string | null {
  const params = useParams<{ teamSlug?: string }>();
  const marked = useSyncExternalStore(
    subscribe,
    () => markedSlug,
    () => null,
  );
  return (typeof params?.teamSlug === "string" ? params.teamSlug : null) ?? marked;
}
