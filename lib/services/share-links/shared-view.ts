import { eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { roadmaps, shareLinks } from "@/db/schema";
import type { Audience, SharedView } from "@/lib/validation/communication";
import { roadmapCalendar } from "@/lib/services/roadmaps/calendar";
import { buildDashboard } from "@/lib/services/dashboards/build";
import { AppError, notFound } from "@/lib/services/kernel/errors";
import { loadItems } from "@/lib/services/items/rows";
import type { RoadmapRow } from "@/lib/services/kernel/roadmap-access";
import type { ShareLinkRow } from "./share-links";
import { hashSecret } from "@/lib/services/kernel/secrets";
import { listWorkstreams } from "@/lib/services/workstreams/workstreams";
import { promiseCache } from "@/lib/services/kernel/promise-cache";

/** lastUsedAt is a hint for editors, not a log: written at most this often. */
const LAST_USED_RESOLUTION_MS = 60_000;
/** Views kept: a few per roadmap shared, each a few hundred kB at most. */
const VIEW_ENTRIES = 50;
/** Tokens are base64url (with a prefix); anything else, or far longer, names no link. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{1,200}$/;

/** A 410 with why, for pages that explain it: details.reason is "expired", "revoked" or "roadmap_deleted". */
const gone = (message: string, details: { reason: string; expiresAt?: string }) =>
  new AppError("share_link_gone", message, { details });

/**
 * The link a token opens and its roadmap, for a visitor without sign-in: unknown tokens 404;
 * revoked or expired links, or a deleted roadmap, 410. Notes the visit in lastUsedAt.
 */
export async function openShareLink(
  db: Database,
  token: string,
  now: Date,
): Promise<{ link: ShareLinkRow; roadmap: RoadmapRow }> {
  if (!TOKEN_SHAPE.test(token)) throw notFound("share link");
  const [found] = await db
    .select({ link: shareLinks, roadmap: roadmaps })
    .from(shareLinks)
    .innerJoin(roadmaps, eq(roadmaps.id, shareLinks.roadmapId))
    .where(eq(shareLinks.tokenHash, hashSecret(token)))
    .limit(1);
  if (!found) throw notFound("share link");
  const { link, roadmap } = found;
  const askOwner = "Ask the roadmap's owner for a new one.";
  if (link.revokedAt) throw gone(`This share link was revoked. ${askOwner}`, { reason: "revoked" });
  if (link.expiresAt.getTime() <= now.getTime()) {
    throw gone(`This share link expired on ${link.expiresAt.toISOString().slice(0, 10)}. ${askOwner}`, {
      reason: "expired",
      expiresAt: link.expiresAt.toISOString(),
    });
  }
  if (roadmap.deletedAt) {
    throw gone("The roadmap this link shared was deleted. Ask the roadmap's owner for a new link.", {
      reason: "roadmap_deleted",
    });
  }
  if (!link.lastUsedAt || now.getTime() - link.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await db.update(shareLinks).set({ lastUsedAt: now }).where(eq(shareLinks.id, link.id));
  }
  return { link, roadmap };
}

type RoadmapView = Omit<SharedView, "audience" | "expiresAt">;

/**
 * The roadmap part of a share link's view, by (roadmap, its change sequence number, audience, UTC
 * day): a leaked link hit in a loop reads one cached answer instead of rebuilding the dashboard and
 * its forecast per hit. Every change to the roadmap moves its sequence number, so an entry is never
 * stale; the day is in the key because the dashboard's "upcoming" and "since the last review" are
 * counted from today. Links of the same audience share an entry; the link's own fields are not in it.
 */
const views = promiseCache<RoadmapView>(VIEW_ENTRIES);
const viewCounters = { computations: 0 };

/** How many share views were built (not answered from the cache): for tests and operators. */
export function sharedViewLoad() {
  return { computations: viewCounters.computations };
}

/** For tests: forget every cached view. */
export function clearSharedViewCache(): void {
  views.clear();
}

async function buildRoadmapView(
  db: Database,
  roadmap: RoadmapRow,
  audience: Audience,
  now: Date,
): Promise<RoadmapView> {
  viewCounters.computations++;
  const [dashboard, lanes, items] = await Promise.all([
    buildDashboard(db, roadmap, audience, { forShare: true, now }),
    listWorkstreams(db, roadmap.id),
    loadItems(db, roadmap.id),
  ]);
  const laneName = new Map(lanes.map((w) => [w.id, w.name]));
  return {
    roadmap: { title: roadmap.title, startDate: roadmap.startDate, horizonMonths: roadmap.horizonMonths },
    dashboard,
    timeline: {
      workstreams: lanes.map((w) => ({ id: w.id, name: w.name })),
      items: items
        .filter((i) => i.status !== "cut")
        .map((i) => {
          const workstream = i.workstreamId ? (laneName.get(i.workstreamId) ?? null) : null;
          return {
            id: i.id,
            title: i.title,
            kind: i.kind,
            isKey: i.isKey,
            startDate: i.startDate,
            endDate: i.endDate,
            status: i.status,
            // Only lanes the view lists are named.
            workstreamId: workstream === null ? null : i.workstreamId,
            workstream,
          };
        }),
    },
  };
}

/**
 * What a share link shows: the audience's dashboard (built for sharing) and the timeline's lanes and
 * live, not-cut items, with no owners, estimates, descriptions, comments or anyone's name. The link
 * is checked on every hit (hash lookup, revocation, expiry); the view itself comes from the cache.
 */
export async function loadSharedView(
  db: Database,
  token: string,
  now: Date = new Date(),
): Promise<SharedView> {
  const { link, roadmap } = await openShareLink(db, token, now);
  const day = now.toISOString().slice(0, 10);
  const view = await views.get(`${roadmap.id}:${roadmap.seq}:${link.audience}:${day}`, () =>
    buildRoadmapView(db, roadmap, link.audience, now),
  );
  return { audience: link.audience, expiresAt: link.expiresAt.toISOString(), ...view };
}

/** The shared roadmap's reviews and key milestones as iCalendar text, under the same rules as the view. */
export async function loadSharedCalendar(
  db: Database,
  token: string,
  now: Date = new Date(),
): Promise<string> {
  const { roadmap } = await openShareLink(db, token, now);
  return roadmapCalendar(db, roadmap, now);
}

/** Headers for anything a share link answers: never cached, indexed or leaked through Referer. */
export const SHARED_HEADERS = {
  "cache-control": "no-store",
  "x-robots-tag": "noindex",
  "referrer-policy": "no-referrer",
} as const;
