import { and, count, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { comments, items, memberships, notifications, roadmaps, users } from "@/db/schema";
import { excerptOf } from "@/lib/collaboration/excerpt";
import { publish, userTopic } from "@/lib/services/kernel/live-events";
import { queueCommentMail } from "@/lib/services/mail/comment-mail";
import { queueOwnedItemMail } from "@/lib/services/mail/owned-item-mail";
import type { Notification } from "@/lib/validation/collaboration";
import type { Actor } from "@/lib/services/kernel/actor";
import {
  afterTimeCursor,
  decodeCursor,
  exactTime,
  paginate,
  timeCursorSchema,
} from "@/lib/services/kernel/cursor";

type NewNotification = typeof notifications.$inferInsert;

/** Tells each recipient's open pages, once per person, that they have something new (at commit). */
async function announce(tx: Database, userIds: Iterable<string>) {
  for (const userId of new Set(userIds))
    await publish(tx, { topic: userTopic(userId), kind: "notification" });
}

async function deliver(tx: Database, rows: NewNotification[]) {
  if (rows.length === 0) return;
  await tx.insert(notifications).values(rows);
  await announce(
    tx,
    rows.map((r) => r.userId),
  );
}

export interface CommentNotice {
  teamId: string;
  roadmapId: string;
  itemId: string;
  commentId: string;
  body: string;
}

/**
 * Inside the comment's transaction: a `mention` for each member mentioned, and a `reply` for the
 * authors replied to (the thread's and the parent's) unless they are mentioned too. Nobody is
 * told about their own comment, and authors who left the team are told nothing.
 */
export async function notifyAboutComment(
  tx: Database,
  actor: Actor,
  comment: CommentNotice,
  recipients: { mentioned: string[]; repliedTo: (string | null)[]; memberIds: ReadonlySet<string> },
): Promise<void> {
  const notMe = (id: string | null): id is string => id !== null && id !== actor.userId;
  const mentioned = new Set(recipients.mentioned.filter(notMe));
  const replied = new Set(
    recipients.repliedTo.filter(notMe).filter((id) => recipients.memberIds.has(id) && !mentioned.has(id)),
  );
  const { body, ...where } = comment;
  const base = { ...where, actorId: actor.userId, data: { excerpt: excerptOf(body) } };
  const recipientsByKind = [
    ...[...mentioned].map((userId) => ({ userId, kind: "mention" as const })),
    ...[...replied].map((userId) => ({ userId, kind: "reply" as const })),
  ];
  await deliver(
    tx,
    recipientsByKind.map((r) => ({ ...base, ...r })),
  );
  await queueCommentMail(tx, { ...comment, actorId: actor.userId }, recipientsByKind);
}

const COALESCE_WINDOW = sql`interval '1 hour'`;

/**
 * Inside an item change's transaction: tells the item's owner (and the previous owner, when
 * ownership moved away) which fields changed, unless they made the change or have left the team.
 * Changes by the same person within an hour of an unread notice update that notice instead of
 * piling up new ones.
 */
export async function notifyItemChanged(
  tx: Database,
  actor: Actor,
  change: {
    teamId: string;
    roadmapId: string;
    itemId: string;
    ownerIds: (string | null)[];
    fields: string[];
  },
): Promise<void> {
  const candidates = [...new Set(change.ownerIds)].filter(
    (id): id is string => id !== null && id !== actor.userId,
  );
  if (change.fields.length === 0 || candidates.length === 0) return;
  const members = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.teamId, change.teamId), inArray(memberships.userId, candidates)));
  for (const { userId } of members) {
    const [recent] = await tx
      .select({ id: notifications.id, data: notifications.data })
      .from(notifications)
      .where(
        and(
          eq(notifications.userId, userId),
          eq(notifications.kind, "item_changed"),
          eq(notifications.itemId, change.itemId),
          eq(notifications.actorId, actor.userId),
          isNull(notifications.readAt),
          gt(notifications.createdAt, sql`now() - ${COALESCE_WINDOW}`),
        ),
      )
      .orderBy(desc(notifications.createdAt))
      .limit(1);
    if (recent) {
      const fields = [...new Set([...fieldsOf(recent.data), ...change.fields])];
      await tx
        .update(notifications)
        .set({ data: { ...recent.data, fields }, createdAt: sql`now()` })
        .where(eq(notifications.id, recent.id));
    } else {
      await tx.insert(notifications).values({
        userId,
        teamId: change.teamId,
        roadmapId: change.roadmapId,
        itemId: change.itemId,
        kind: "item_changed",
        actorId: actor.userId,
        data: { fields: change.fields },
      });
    }
  }
  await announce(
    tx,
    members.map((m) => m.userId),
  );
  await queueOwnedItemMail(
    tx,
    change.itemId,
    members.map((m) => m.userId),
  );
}

const fieldsOf = (data: Record<string, unknown>): string[] =>
  Array.isArray(data.fields) ? data.fields.filter((f): f is string => typeof f === "string") : [];

const excerptFrom = (data: Record<string, unknown>) =>
  typeof data.excerpt === "string" ? data.excerpt : null;

/** Only notifications of teams the caller still belongs to are theirs to see. */
const mine = (actor: Actor) =>
  and(
    eq(notifications.userId, actor.userId),
    sql`exists (select 1 from ${memberships} where ${memberships.teamId} = ${notifications.teamId} and ${memberships.userId} = ${notifications.userId})`,
  );

export async function unreadNotificationCount(db: Database, actor: Actor): Promise<number> {
  const [{ n }] = await db
    .select({ n: count() })
    .from(notifications)
    .where(and(mine(actor), isNull(notifications.readAt)));
  return n;
}

export interface NotificationPage {
  items: Notification[];
  nextCursor: string | null;
  unreadCount: number;
}

/** The caller's notifications, newest first, with what they concern by name. */
export async function listNotifications(
  db: Database,
  actor: Actor,
  query: { limit: number; cursor?: string; unread?: "true" | "false" },
): Promise<NotificationPage> {
  const after = decodeCursor(query.cursor, timeCursorSchema);
  const rows = await db
    .select({
      n: notifications,
      t: exactTime(notifications.createdAt),
      roadmapTitle: roadmaps.title,
      itemTitle: items.title,
      actor: { id: users.id, name: users.name, email: users.email },
      commentDeletedAt: comments.deletedAt,
    })
    .from(notifications)
    .leftJoin(roadmaps, eq(roadmaps.id, notifications.roadmapId))
    .leftJoin(items, eq(items.id, notifications.itemId))
    .leftJoin(users, eq(users.id, notifications.actorId))
    .leftJoin(comments, eq(comments.id, notifications.commentId))
    .where(
      and(
        mine(actor),
        query.unread === "true" ? isNull(notifications.readAt) : undefined,
        after && afterTimeCursor(notifications.createdAt, notifications.id, after, "desc"),
      ),
    )
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, (last) => ({ t: last.t, id: last.n.id }));
  return {
    items: page.rows.map(({ n, roadmapTitle, itemTitle, actor: by, commentDeletedAt }) => ({
      id: n.id,
      kind: n.kind,
      read: n.readAt !== null,
      createdAt: n.createdAt.toISOString(),
      actor: by,
      teamId: n.teamId,
      roadmapId: n.roadmapId,
      roadmapTitle,
      itemId: n.itemId,
      itemTitle,
      commentId: n.commentId,
      // A deleted comment's words are not repeated anywhere.
      excerpt: commentDeletedAt ? null : excerptFrom(n.data),
      fields: fieldsOf(n.data),
    })),
    nextCursor: page.nextCursor,
    unreadCount: await unreadNotificationCount(db, actor),
  };
}

/** Marks the caller's notifications read (ids of anyone else's are ignored); answers the unread count. */
export async function markNotificationsRead(
  db: Database,
  actor: Actor,
  which: { ids: string[] } | { all: true },
): Promise<number> {
  return db.transaction(async (tx) => {
    const marked = await tx
      .update(notifications)
      .set({ readAt: sql`now()` })
      .where(
        and(
          eq(notifications.userId, actor.userId),
          isNull(notifications.readAt),
          "ids" in which ? inArray(notifications.id, which.ids) : undefined,
        ),
      )
      .returning({ id: notifications.id });
    // The caller's other open pages update their unread badge.
    if (marked.length > 0) await announce(tx, [actor.userId]);
    return unreadNotificationCount(tx, actor);
  });
}
