import type { PGlite } from "@electric-sql/pglite";
import PgBoss from "pg-boss";

/**
 * The durable job queue (pg-boss) lives in the same database as everything else, in its own
 * `pgboss` schema, so that a job can be enqueued in the transaction of the change that causes it.
 * Its queues are declared here like tables: migrating the database installs pg-boss and creates
 * them, whether or not this instance runs workers.
 */
export const JOB_QUEUES = {
  /** Deliver one outbox message (data: `{ outboxId }`). */
  sendEmail: "email-send",
  /** Queue today's review reminders (scheduled hourly; no data). */
  reviewReminders: "review-reminders",
  /** Close feedback rounds past their last day, remind those closing tomorrow (hourly; no data). */
  feedbackRounds: "feedback-rounds",
  /**
   * Mail an item's owner what others changed in it during one hour (data: `{ itemId, userId,
   * windowStart }`), sent throttled and deferred to the hour's end (mail/owned-item-mail.ts).
   */
  ownedItemChanges: "owned-item-changes",
  /** Queue the digests due this hour in their readers' time zones (scheduled hourly; no data). */
  digests: "digests",
  /**
   * Make one attempt at one webhook delivery (data: `{ deliveryId }`). A failed attempt schedules
   * the next as a new job (lib/services/webhooks/deliver.ts), so the delivery log knows when.
   */
  deliverWebhook: "webhook-deliver",
  /** Prune the outbox and the webhook deliveries past their retention (scheduled daily; no data). */
  deliveryRetention: "delivery-retention",
} as const;
export type JobQueue = (typeof JOB_QUEUES)[keyof typeof JOB_QUEUES];

/** How failed jobs come back: the first retry after `retryDelay` seconds, then doubling. */
export const RETRY_POLICY = { retryLimit: 6, retryDelay: 30, retryBackoff: true } as const;

/**
 * How long a job may stay active before pg-boss counts it failed and retries it: what brings back
 * the job of an instance killed mid-delivery (pg-boss's default, 15 minutes, would hold that email
 * or webhook that long). Above the longest attempt: a send gives up at its transport's timeouts
 * (lib/server/mail/transport.ts), a webhook batch within its 5 s ones.
 */
export const JOB_EXPIRY_SECONDS: Partial<Record<JobQueue, number>> = {
  [JOB_QUEUES.sendEmail]: 60,
  [JOB_QUEUES.deliverWebhook]: 60,
};

/** pg-boss's view of a connection: one SQL text, positional values, rows back. */
export type SqlExecutor = PgBoss.Db;

/**
 * The embedded database has one connection; pg-boss shares it. Statements with values go through
 * the extended protocol, pg-boss's multi-statement scripts (install, migrations) through `exec`.
 */
export function pgliteExecutor(pglite: PGlite): SqlExecutor {
  return {
    async executeSql(text, values) {
      if (values?.length) return { rows: (await pglite.query(text, values)).rows };
      const results = await pglite.exec(text);
      return { rows: results.at(-1)?.rows ?? [] };
    },
  };
}

/**
 * Installs (or migrates) pg-boss's schema and creates the queues; safe to run on every start. On
 * PostgreSQL pg-boss uses its own connection (`url`); on PGlite the app's one (`db`).
 */
export async function installJobQueue(connection: { db: SqlExecutor } | { url: string }): Promise<void> {
  const boss = new PgBoss({
    ...("url" in connection ? { connectionString: connection.url, max: 1 } : { db: connection.db }),
    supervise: false,
    schedule: false,
    migrate: true,
  });
  await boss.start();
  try {
    for (const name of Object.values(JOB_QUEUES)) {
      const expiry = JOB_EXPIRY_SECONDS[name];
      const options = { name, ...RETRY_POLICY, ...(expiry && { expireInSeconds: expiry }) };
      await boss.createQueue(name, options);
      await boss.updateQueue(name, options); // a queue created by an earlier version gets today's policy
    }
  } finally {
    await boss.stop({ graceful: false, wait: true });
  }
}
