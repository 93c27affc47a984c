import { count, eq } from "drizzle-orm";
import type { Database } from "@/db/types";
import { webhookAttempts, webhookDeliveries, webhooks } from "@/db/schema";
import { webhookBody, type WebhookEvent } from "@/lib/collaboration/webhook-payload";
import { signedWebhookHeaders } from "@/lib/collaboration/webhook-signature";
import { enqueueJob, JOB_QUEUES } from "@/lib/services/kernel/jobs";
import { privateAddressesAllowed } from "./destination";
import { mailOwnersWebhookDisabled } from "./disabled-email";
import type { WebhookJob } from "./events";
import { postWebhook, type PostResult } from "./post";

const HOUR_MS = 3_600_000;
/** Deliveries are retried for a day; a webhook failing for a day is turned off. */
export const RETRY_WINDOW_MS = 24 * HOUR_MS;

/** Wait before attempt `n + 1` after attempt `n` failed: 30 s, then doubling, at most 6 hours. */
export function retryDelayMs(attempt: number): number {
  return Math.min(30_000 * 2 ** (attempt - 1), 6 * HOUR_MS);
}

export interface AttemptOptions {
  /** The receiver's time to answer (5 s; shorter in tests). */
  timeoutMs?: number;
  now?: () => Date;
}

/**
 * The worker of the webhook-deliver queue: one attempt at one delivery, signed with a
 * `webhook-id` that stays the same across attempts. The attempt is recorded, and a failure
 * schedules the next attempt as a new job in the same transaction, until a day has passed.
 * A job run twice (pg-boss is at least once) finds its attempt recorded and does nothing.
 */
export async function attemptWebhookDelivery(
  db: Database,
  job: WebhookJob,
  options: AttemptOptions = {},
): Promise<PostResult | null> {
  const now = options.now ?? (() => new Date());
  const [found] = await db
    .select({ delivery: webhookDeliveries, hook: webhooks })
    .from(webhookDeliveries)
    .innerJoin(webhooks, eq(webhooks.id, webhookDeliveries.webhookId))
    .where(eq(webhookDeliveries.id, job.deliveryId));
  if (!found || found.delivery.state !== "pending") return null;
  const { delivery, hook } = found;
  if (!(await isAttemptDue(db, delivery.id, job.attempt))) return null;
  if (!hook.active && delivery.event !== "webhook.test") {
    await db
      .update(webhookDeliveries)
      .set({ state: "gave_up", nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    return null;
  }

  const event = delivery.payload as unknown as WebhookEvent;
  const body = webhookBody(hook.format, event);
  const headers = signedWebhookHeaders(hook.secret, delivery.id, now(), body);
  const result = await postWebhook(hook.url, headers, body, {
    timeoutMs: options.timeoutMs,
    allowPrivate: privateAddressesAllowed(),
  });

  await db.transaction(async (tx) => {
    // The row lock orders two runs of one job; the second finds the attempt already recorded.
    await tx
      .select({ id: webhookDeliveries.id })
      .from(webhookDeliveries)
      .where(eq(webhookDeliveries.id, delivery.id))
      .for("update");
    if (!(await isAttemptDue(tx, delivery.id, job.attempt))) return;
    const at = now();
    await tx.insert(webhookAttempts).values({ deliveryId: delivery.id, at, ...result });
    if (result.outcome === "succeeded") {
      await tx
        .update(webhookDeliveries)
        .set({ state: "delivered", nextAttemptAt: null })
        .where(eq(webhookDeliveries.id, delivery.id));
      await tx.update(webhooks).set({ failingSince: null }).where(eq(webhooks.id, hook.id));
      return;
    }
    const next = new Date(at.getTime() + retryDelayMs(job.attempt));
    // A refusal is final: the address is private now, and retrying would only knock again.
    const retry =
      result.outcome === "failed" && next.getTime() - delivery.createdAt.getTime() <= RETRY_WINDOW_MS;
    await tx
      .update(webhookDeliveries)
      .set(retry ? { nextAttemptAt: next } : { state: "gave_up", nextAttemptAt: null })
      .where(eq(webhookDeliveries.id, delivery.id));
    if (retry) {
      await enqueueJob(
        tx,
        JOB_QUEUES.deliverWebhook,
        { deliveryId: delivery.id, attempt: job.attempt + 1 } satisfies WebhookJob,
        {
          startAfter: next,
        },
      );
    }
    if (delivery.event !== "webhook.test") await recordFailure(tx, hook.id, at);
  });
  return result;
}

/** True while attempt `n` has not been recorded: n − 1 attempts so far. */
async function isAttemptDue(db: Database, deliveryId: string, attempt: number): Promise<boolean> {
  const [{ made }] = await db
    .select({ made: count() })
    .from(webhookAttempts)
    .where(eq(webhookAttempts.deliveryId, deliveryId));
  return made === attempt - 1;
}

/**
 * A failed delivery starts (or continues) the webhook's failing run; a run of a day turns the
 * webhook off (`disabledReason: "failing"`) and mails the team's owners.
 */
async function recordFailure(tx: Database, webhookId: string, at: Date): Promise<void> {
  const [hook] = await tx.select().from(webhooks).where(eq(webhooks.id, webhookId)).for("update");
  if (!hook) return;
  const failingSince = hook.failingSince ?? at;
  const turnOff = hook.active && at.getTime() - failingSince.getTime() >= RETRY_WINDOW_MS;
  await tx
    .update(webhooks)
    .set({ failingSince, ...(turnOff && { active: false, disabledReason: "failing" as const }) })
    .where(eq(webhooks.id, webhookId));
  if (turnOff) await mailOwnersWebhookDisabled(tx, { ...hook, failingSince });
}
