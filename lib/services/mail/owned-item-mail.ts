import { and, asc, eq, gte, isNull, lt, ne, or, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { activity, items, memberships, roadmaps, teams, users } from "@/db/schema";
import { appOrigin } from "@/lib/services/kernel/app-origin";
import { enqueueJob, JOB_QUEUES } from "@/lib/services/kernel/jobs";
import { ownedItemChangesEmail, type ItemChangeLine } from "./messages";
import { queueEmail } from "./outbox";

/** One mail per item and owner per hour at most: the changes of one clock hour, told after it ends. */
const WINDOW_SECONDS = 3600;

export interface OwnedItemJob {
  itemId: string;
  userId: string;
  /** The hour the changes were made in (ISO, on the hour); the mail covers [windowStart, +1 h). */
  windowStart: string;
}

/**
 * Inside an item change's transaction, for each owner to tell (not the changer): a job that mails
 * them after the hour the change falls in. Coalescing is pg-boss's throttle: `singletonKey` item +
 * owner, `singletonSeconds` one hour, so the first change of the hour enqueues the job and the
 * rest of that hour's changes add nothing (the job reads them all from the activity table when it
 * runs). The slot is the transaction's `now()` on the hour, the same clock pg-boss and the
 * activity rows use, so every change lands in exactly one hour's mail.
 */
export async function queueOwnedItemMail(tx: Database, itemId: string, userIds: string[]): Promise<void> {
  if (userIds.length === 0) return;
  const [{ slot }] = await tx
    .select({
      slot: sql<string>`floor(extract(epoch from now()) / ${WINDOW_SECONDS})::bigint * ${WINDOW_SECONDS}`,
    })
    .from(sql`(select 1) as one`);
  const windowStart = new Date(Number(slot) * 1000);
  const startAfter = new Date(windowStart.getTime() + WINDOW_SECONDS * 1000);
  for (const userId of userIds) {
    const job: OwnedItemJob = { itemId, userId, windowStart: windowStart.toISOString() };
    await enqueueJob(tx, JOB_QUEUES.ownedItemChanges, job, {
      singletonKey: `${itemId}:${userId}`,
      singletonSeconds: WINDOW_SECONDS,
      startAfter,
    });
  }
}

const FIELD_WORDS: Record<string, string> = {
  startDate: "start",
  endDate: "end",
  ownerId: "owner",
  workstreamId: "lane",
  isKey: "key milestone",
  optimisticHours: "optimistic estimate",
  likelyHours: "likely estimate",
  pessimisticHours: "pessimistic estimate",
  remainingHours: "remaining hours",
  actualStart: "actual start",
  actualFinish: "actual finish",
};
/** Short values are shown (dates, status, hours); ids and long text only by name. */
const SHOWN = new Set([
  "title",
  "startDate",
  "endDate",
  "status",
  "isKey",
  "optimisticHours",
  "likelyHours",
  "pessimisticHours",
  "remainingHours",
  "actualStart",
  "actualFinish",
  "kind",
]);

function describeChange(action: string, changes: Record<string, unknown> | null): string {
  if (action !== "updated") return action === "deleted" ? "deleted it" : `${action} it`;
  const parts = Object.entries(changes ?? {})
    .filter(([field]) => field !== "version")
    .map(([field, value]) => {
      const word = FIELD_WORDS[field] ?? field;
      const { from, to } = (value ?? {}) as { from?: unknown; to?: unknown };
      const shown = (v: unknown) => (v === null || v === undefined ? "none" : String(v));
      return SHOWN.has(field) ? `${word} ${shown(from)} → ${shown(to)}` : word;
    });
  return parts.length ? `changed ${parts.join(", ")}` : "changed it";
}

/**
 * The job, after the hour: what others did to the item in that hour, as one mail to its owner
 * (keyed item + owner + hour, so a rerun sends nothing more). Nothing when the owner has left the
 * team or only they changed it.
 */
export async function mailOwnedItemChanges(db: Database, job: OwnedItemJob): Promise<boolean> {
  const from = new Date(job.windowStart);
  const until = new Date(from.getTime() + WINDOW_SECONDS * 1000);
  const [where] = await db
    .select({
      title: items.title,
      roadmapId: roadmaps.id,
      roadmapName: roadmaps.title,
      teamId: teams.id,
      teamName: teams.name,
    })
    .from(items)
    .innerJoin(roadmaps, eq(roadmaps.id, items.roadmapId))
    .innerJoin(teams, eq(teams.id, roadmaps.teamId))
    // A what-if scenario's edits are nobody's news (as for webhooks): only roadmaps mail.
    .where(and(eq(items.id, job.itemId), eq(roadmaps.kind, "roadmap"), isNull(roadmaps.deletedAt)))
    .limit(1);
  if (!where) return false;
  const [owner] = await db
    .select({ email: users.email })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.teamId, where.teamId), eq(memberships.userId, job.userId)))
    .limit(1);
  if (!owner) return false;
  const rows = await db
    .select({ action: activity.action, changes: activity.changes, actorName: users.name })
    .from(activity)
    .leftJoin(users, eq(users.id, activity.actorId))
    .where(
      and(
        eq(activity.itemId, job.itemId),
        eq(activity.entity, "item"),
        // Changes to it; its creation is not news to whoever is given it to own.
        ne(activity.action, "created"),
        gte(activity.createdAt, from),
        lt(activity.createdAt, until),
        or(isNull(activity.actorId), ne(activity.actorId, job.userId)),
      ),
    )
    .orderBy(asc(activity.id));
  if (rows.length === 0) return false;
  const lines: ItemChangeLine[] = rows.map((r) => ({
    who: r.actorName ?? "Cairn",
    what: describeChange(r.action, r.changes),
  }));
  const email = ownedItemChangesEmail({
    ...where,
    itemTitle: where.title,
    lines,
    url: `${appOrigin()}/roadmaps/${where.roadmapId}?item=${job.itemId}`,
  });
  const id = await db.transaction((tx) =>
    queueEmail(tx, {
      ...email,
      kind: "ownedItemChanged",
      to: owner.email,
      userId: job.userId,
      teamId: where.teamId,
      dedupeKey: `ownedItemChanged:${job.itemId}:${job.userId}:${job.windowStart}`,
    }),
  );
  return id !== null;
}
