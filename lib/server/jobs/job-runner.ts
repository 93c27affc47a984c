import PgBoss from "pg-boss";
import type { DatabaseHandle } from "@/db/client";
import { JOB_QUEUES, pgliteExecutor } from "@/db/job-queue";
import { deliverOutboxMessage, type SendMail } from "@/lib/services/mail/deliver";
import { queueReviewReminders } from "@/lib/services/mail/review-reminders";
import { runFeedbackRoundSchedule } from "@/lib/services/feedback-rounds/schedule";
import { mailOwnedItemChanges, type OwnedItemJob } from "@/lib/services/mail/owned-item-mail";
import { queueDigests } from "@/lib/services/mail/digest";
import { attemptWebhookDelivery } from "@/lib/services/webhooks/deliver";
import { pruneDeliveryLogs } from "@/lib/services/delivery-log/prune";
import type { WebhookJob } from "@/lib/services/webhooks/events";

/** Review reminders are looked for every hour (at :05); each goes once, however often they run. */
export const REVIEW_REMINDER_CRON = "5 * * * *";
/** Feedback rounds: closed after their last day, reminded the day before (hourly, at :15). */
export const FEEDBACK_ROUND_CRON = "15 * * * *";
/** Digests: whose send hour it is, in their time zone (hourly, at :10; a zone off UTC by half an hour is in its hour then too). */
export const DIGEST_CRON = "10 * * * *";

/** The outbox and webhook deliveries past CAIRN_DELIVERY_RETENTION_DAYS: pruned daily, at 03:25 UTC. */
export const DELIVERY_RETENTION_CRON = "25 3 * * *";

/** Scheduled jobs: kept in pg-boss's schedule table, one instance runs each tick; the work is keyed, so a rerun sends nothing twice. */
const SCHEDULED = [
  { queue: JOB_QUEUES.reviewReminders, cron: REVIEW_REMINDER_CRON, run: queueReviewReminders },
  { queue: JOB_QUEUES.feedbackRounds, cron: FEEDBACK_ROUND_CRON, run: runFeedbackRoundSchedule },
  { queue: JOB_QUEUES.digests, cron: DIGEST_CRON, run: queueDigests },
  { queue: JOB_QUEUES.deliveryRetention, cron: DELIVERY_RETENTION_CRON, run: pruneDeliveryLogs },
] as const;

/** Emails sent at once per instance: sending waits on SMTP and the database, not the CPU. */
const EMAIL_BATCH_SIZE = 4;

export interface JobRunnerOptions {
  send: SendMail;
  /** How often an idle worker looks for jobs (pg-boss polls; at least 0.5 s). */
  pollingIntervalSeconds?: number;
  /** How long a webhook receiver has to answer (5 s unless a test says otherwise). */
  webhookTimeoutMs?: number;
}

export interface JobRunner {
  boss: PgBoss;
  stop(): Promise<void>;
}

/**
 * Starts pg-boss's workers on this instance: it fetches jobs with SKIP LOCKED, so any number of
 * instances share the queues and each job runs on one of them at a time; cron schedules are
 * kept once for all. On PostgreSQL pg-boss opens its own small pool (the database URL); on the
 * embedded database it shares the app's single PGlite connection.
 */
export async function startJobRunner(handle: DatabaseHandle, options: JobRunnerOptions): Promise<JobRunner> {
  const connection =
    handle.kind === "pglite"
      ? { db: pgliteExecutor(handle.pglite!) }
      : { connectionString: handle.url, max: 3 };
  // Maintenance (shared: one instance runs it per interval) is what retries an expired job, the one
  // a killed instance held; every 30 s rather than pg-boss's 2 minutes brings it back sooner.
  const boss = new PgBoss({
    ...connection,
    migrate: false,
    supervise: true,
    schedule: true,
    maintenanceIntervalSeconds: 30,
  });
  boss.on("error", (error) => console.error("[jobs]", error));
  await boss.start();
  const pollingIntervalSeconds = options.pollingIntervalSeconds ?? 2;
  // pg-boss waits its polling interval after every fetch, even one that found jobs: one email per
  // 2 s per instance. A worker that found work is told to fetch again at once, so a backlog drains
  // as fast as it is sent; an idle worker still polls once an interval.
  const workers: Partial<Record<string, string>> = {};
  const fetchAgain = (queue: string) => boss.notifyWorker(workers[queue]!);
  // A few at once, each failing on its own: a failed send is retried (pg-boss's `fail`), the batch's
  // other jobs complete. Each message is claimed in deliver.ts, so a job run twice sends once.
  workers[JOB_QUEUES.sendEmail] = await boss.work<{ outboxId: string }>(
    JOB_QUEUES.sendEmail,
    { pollingIntervalSeconds, includeMetadata: true, batchSize: EMAIL_BATCH_SIZE },
    async (jobs) => {
      try {
        await Promise.all(
          jobs.map(async (job) => {
            try {
              await deliverOutboxMessage(handle.db, job.data.outboxId, {
                send: options.send,
                lastAttempt: job.retryCount >= job.retryLimit,
              });
            } catch (error) {
              await boss.fail(JOB_QUEUES.sendEmail, job.id, { message: String(error) });
            }
          }),
        );
      } finally {
        fetchAgain(JOB_QUEUES.sendEmail);
      }
    },
  );
  // Several at once: one slow receiver (up to its 5 s timeout) holds up nobody else's delivery.
  workers[JOB_QUEUES.deliverWebhook] = await boss.work<WebhookJob>(
    JOB_QUEUES.deliverWebhook,
    { pollingIntervalSeconds, batchSize: 4 },
    async (jobs) => {
      try {
        await Promise.all(jobs.map((job) => attemptWebhookDelivery(handle.db, job.data, { timeoutMs: options.webhookTimeoutMs })));
      } finally {
        fetchAgain(JOB_QUEUES.deliverWebhook);
      }
    },
  );
  await boss.work<OwnedItemJob>(JOB_QUEUES.ownedItemChanges, { pollingIntervalSeconds }, async ([job]) => {
    await mailOwnedItemChanges(handle.db, job.data);
  });
  for (const { queue, cron, run } of SCHEDULED) {
    await boss.work(queue, { pollingIntervalSeconds }, async () => {
      await run(handle.db);
    });
    // Stored in pg-boss's schedule table: every instance keeps it, one of them sends each tick.
    await boss.schedule(queue, cron, {}, { tz: "UTC" });
  }
  return {
    boss,
    // Active jobs finish first (graceful); what is left is fetched again by another instance.
    stop: () => boss.stop({ graceful: true, wait: true, timeout: 10_000 }),
  };
}
