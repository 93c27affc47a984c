import { and, eq, inArray, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { outboxMessages } from "@/db/schema";
import { wantsEmail } from "./settings";

export type OutboxRow = typeof outboxMessages.$inferSelect;

/** Sends one message (SMTP) or, without SMTP, writes it to the log: which one it did. */
export type SendMail = (message: OutboxRow) => Promise<"sent" | "logged">;

const PENDING = ["queued", "retrying"] as const;

/**
 * One attempt at one outbox message, run by the queue's worker. A message is sent only while it is
 * queued or retrying and its attempt is claimed, so a job run twice (a retry after a crash, a
 * second instance) sends it once; the recipient's settings are read now, not when it was queued. A failure is recorded
 * and thrown again so that the queue retries it; after the last attempt the message is failed.
 */
export async function deliverOutboxMessage(
  db: Database,
  outboxId: string,
  options: { send: SendMail; lastAttempt: boolean },
): Promise<void> {
  const [message] = await db
    .select()
    .from(outboxMessages)
    .where(and(eq(outboxMessages.id, outboxId), inArray(outboxMessages.status, PENDING)))
    .limit(1);
  if (!message) return;
  if (message.userId && !(await wantsEmail(db, message.userId, message.kind))) {
    await finish(db, outboxId, { status: "suppressed" });
    return;
  }
  // Claimed by counting the attempt first, compare-and-set on the count read: of two runs of one
  // job at once (a job expired while a slow worker still held it), only one sends.
  const [claimed] = await db
    .update(outboxMessages)
    .set({ attempts: sql`${outboxMessages.attempts} + 1` })
    .where(
      and(
        eq(outboxMessages.id, outboxId),
        inArray(outboxMessages.status, PENDING),
        eq(outboxMessages.attempts, message.attempts),
      ),
    )
    .returning({ id: outboxMessages.id });
  if (!claimed) return;
  let outcome: "sent" | "logged";
  try {
    outcome = await options.send(message);
  } catch (error) {
    await finish(db, outboxId, {
      status: options.lastAttempt ? "failed" : "retrying",
      lastError: (error instanceof Error ? error.message : String(error)).slice(0, 500),
    });
    throw error;
  }
  await finish(db, outboxId, {
    status: outcome,
    lastError: null,
    sentAt: sql`now()`,
  });
}

async function finish(db: Database, outboxId: string, set: Partial<Record<keyof OutboxRow, unknown>>) {
  await db
    .update(outboxMessages)
    .set(set as Partial<OutboxRow>)
    .where(and(eq(outboxMessages.id, outboxId), inArray(outboxMessages.status, PENDING)));
}
