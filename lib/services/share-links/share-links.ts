import { desc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { shareLinks } from "@/db/schema";
import type { Person } from "@/lib/validation/collaboration";
import type { CreateShareLinkInput, ShareLink } from "@/lib/validation/communication";
import type { Actor } from "@/lib/services/kernel/actor";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { loadPeople } from "@/lib/services/teams/people";
import { accessRoadmap, recordRoadmapChange } from "@/lib/services/kernel/roadmap-access";
import { hashSecret, newSecret } from "@/lib/services/kernel/secrets";

export type ShareLinkRow = typeof shareLinks.$inferSelect;

/** The longest a share link may live. */
export const MAX_SHARE_LINK_DAYS = 365;
const DAY_MS = 86_400_000;
/** How many of the token's last characters are kept to tell links apart. */
const HINT_CHARS = 4;

export function shareLinkStatus(
  link: Pick<ShareLinkRow, "revokedAt" | "expiresAt">,
  now: Date,
): ShareLink["status"] {
  if (link.revokedAt) return "revoked";
  return link.expiresAt.getTime() <= now.getTime() ? "expired" : "active";
}

function toShareLink(row: ShareLinkRow, people: Map<string, Person>, now: Date): ShareLink {
  return {
    id: row.id,
    roadmapId: row.roadmapId,
    audience: row.audience,
    tokenHint: row.tokenHint,
    expiresAt: row.expiresAt.toISOString(),
    revokedAt: row.revokedAt?.toISOString() ?? null,
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
    status: shareLinkStatus(row, now),
    createdBy: row.createdBy ? (people.get(row.createdBy) ?? null) : null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
  };
}

async function presentShareLink(db: Database, row: ShareLinkRow, now: Date): Promise<ShareLink> {
  return toShareLink(row, await loadPeople(db, [row.createdBy]), now);
}

/** expiresAt must lie ahead, and at most a year ahead: a link that never ends is a leak waiting to happen. */
function checkExpiry(expiresAt: Date, now: Date) {
  const latest = new Date(now.getTime() + MAX_SHARE_LINK_DAYS * DAY_MS);
  let message: string | null = null;
  if (expiresAt.getTime() <= now.getTime()) message = "expiresAt must be in the future.";
  else if (expiresAt.getTime() > latest.getTime())
    message = `expiresAt must be at most ${MAX_SHARE_LINK_DAYS} days ahead (${latest.toISOString()} at the latest).`;
  if (message) {
    throw new AppError("invalid_request", `The request body is not valid: expiresAt: ${message}`, {
      details: [{ path: "expiresAt", message }],
    });
  }
}

/**
 * Creates a read-only audience link (editor). The token is answered this once, inside the url;
 * only its SHA-256 and last characters are stored, and it never enters the activity log.
 */
export async function createShareLink(
  db: Database,
  actor: Actor,
  roadmapId: string,
  input: CreateShareLinkInput,
  origin: string,
  now: Date = new Date(),
): Promise<{ shareLink: ShareLink; url: string }> {
  const expiresAt = new Date(input.expiresAt);
  return db.transaction(async (tx) => {
    const { roadmap } = await accessRoadmap(tx, actor, roadmapId, "roadmap.write", { lock: true });
    checkExpiry(expiresAt, now);
    const token = newSecret("share");
    const [row] = await tx
      .insert(shareLinks)
      .values({
        roadmapId,
        audience: input.audience,
        tokenHash: hashSecret(token),
        tokenHint: token.slice(-HINT_CHARS),
        expiresAt,
        createdBy: actor.userId,
      })
      .returning();
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "share_link",
      entityId: row.id,
      action: "created",
      version: row.version,
      changes: { audience: row.audience, expiresAt: row.expiresAt.toISOString(), tokenHint: row.tokenHint },
    });
    return { shareLink: await presentShareLink(tx, row, now), url: `${origin}/share/${token}` };
  });
}

/** The roadmap's links, newest first. Editors only: a link is a key to the roadmap. */
export async function listShareLinks(
  db: Database,
  actor: Actor,
  roadmapId: string,
  now: Date = new Date(),
): Promise<ShareLink[]> {
  await accessRoadmap(db, actor, roadmapId, "roadmap.write");
  const rows = await db
    .select()
    .from(shareLinks)
    .where(eq(shareLinks.roadmapId, roadmapId))
    .orderBy(desc(shareLinks.createdAt), desc(shareLinks.id));
  const people = await loadPeople(
    db,
    rows.map((r) => r.createdBy),
  );
  return rows.map((r) => toShareLink(r, people, now));
}

/** Revokes a link (editor): it answers 410 from then on. Revoking a revoked link answers it unchanged. */
export async function revokeShareLink(
  db: Database,
  actor: Actor,
  shareLinkId: string,
  expectedVersion: number | undefined,
  now: Date = new Date(),
): Promise<ShareLink> {
  return db.transaction(async (tx) => {
    const [found] = await tx
      .select({ roadmapId: shareLinks.roadmapId })
      .from(shareLinks)
      .where(eq(shareLinks.id, shareLinkId))
      .limit(1);
    if (!found) throw notFound("share link");
    const { roadmap } = await accessRoadmap(tx, actor, found.roadmapId, "roadmap.write", { lock: true });
    const [row] = await tx
      .select()
      .from(shareLinks)
      .where(eq(shareLinks.id, shareLinkId))
      .limit(1)
      .for("update");
    if (!row) throw notFound("share link");
    if (row.revokedAt) return presentShareLink(tx, row, now);
    if (expectedVersion !== undefined && expectedVersion !== row.version) {
      throw versionMismatch("share link", await presentShareLink(tx, row, now));
    }
    const [written] = await tx
      .update(shareLinks)
      .set({ revokedAt: now, revokedBy: actor.userId, version: row.version + 1 })
      .where(eq(shareLinks.id, row.id))
      .returning();
    await recordRoadmapChange(tx, actor, roadmap, {
      entity: "share_link",
      entityId: row.id,
      action: "deleted",
      version: written.version,
      changes: {
        status: { from: shareLinkStatus(row, now), to: "revoked" },
        audience: row.audience,
        tokenHint: row.tokenHint,
      },
    });
    return presentShareLink(tx, written, now);
  });
}
