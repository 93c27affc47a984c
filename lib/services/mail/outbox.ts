import { and, desc, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { outboxMessages } from "@/db/schema";
import type { EmailKind, OutboxMessage } from "@/lib/validation/delivery";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import {
  afterTimeCursor,
  decodeCursor,
  exactTime,
  paginate,
  timeCursorSchema,
} from "@/lib/services/kernel/cursor";
import { enqueueJob, JOB_QUEUES } from "@/lib/services/kernel/jobs";
import { emailText, type ComposedEmail } from "./messages";

export interface OutgoingEmail extends ComposedEmail {
  kind: EmailKind;
  to: string;
  userId: string | null;
  teamId: string | null;
  /** Kind, cause and recipient: the same message is queued at most once, however often asked. */
  dedupeKey: string;
}

/**
 * Inside the transaction of the change that causes it: keeps the message in the outbox and queues
 * its delivery. A rolled-back change leaves neither; a second call with the same key does nothing.
 */
export async function queueEmail(tx: Database, email: OutgoingEmail): Promise<string | null> {
  const [row] = await tx
    .insert(outboxMessages)
    .values({
      kind: email.kind,
      to: email.to,
      userId: email.userId,
      teamId: email.teamId,
      subject: email.subject,
      text: emailText(email.content),
      content: email.content,
      dedupeKey: email.dedupeKey,
    })
    .onConflictDoNothing({ target: outboxMessages.dedupeKey })
    .returning({ id: outboxMessages.id });
  if (!row) return null;
  await enqueueJob(tx, JOB_QUEUES.sendEmail, { outboxId: row.id }, { singletonKey: row.id });
  return row.id;
}

/** The team's Delivery log (owners): every message for its members, newest first. */
export async function listOutbox(
  db: Database,
  actor: Actor,
  teamId: string,
  query: { limit: number; cursor?: string },
): Promise<{ items: OutboxMessage[]; nextCursor: string | null }> {
  await requirePermission(db, actor, teamId, "team.manage");
  const after = decodeCursor(query.cursor, timeCursorSchema);
  const rows = await db
    .select({ m: outboxMessages, t: exactTime(outboxMessages.createdAt) })
    .from(outboxMessages)
    .where(
      and(
        eq(outboxMessages.teamId, teamId),
        after && afterTimeCursor(outboxMessages.createdAt, outboxMessages.id, after, "desc"),
      ),
    )
    .orderBy(desc(outboxMessages.createdAt), desc(outboxMessages.id))
    .limit(query.limit + 1);
  const page = paginate(rows, query.limit, (last) => ({ t: last.t, id: last.m.id }));
  return {
    items: page.rows.map(({ m }) => ({
      id: m.id,
      kind: m.kind,
      to: m.to,
      subject: m.subject,
      status: m.status,
      attempts: m.attempts,
      lastError: m.lastError,
      createdAt: m.createdAt.toISOString(),
      sentAt: m.sentAt?.toISOString() ?? null,
      text: m.text,
    })),
    nextCursor: page.nextCursor,
  };
}
