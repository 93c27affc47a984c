import { sql, type SQL } from "drizzle-orm";
import PgBoss from "pg-boss";
import { JOB_QUEUES, type JobQueue, type SqlExecutor } from "@/db/job-queue";
import type { Database } from "@/db/types";

export { JOB_QUEUES, type JobQueue };

/**
 * pg-boss runs its SQL through any connection handed to `send`, so enqueuing needs no started
 * queue: this instance only builds the INSERT, which runs in the caller's transaction. A change
 * rolled back takes its jobs with it.
 */
const sender = new PgBoss({
  db: {
    executeSql() {
      throw new Error("Jobs are enqueued through a transaction (enqueueJob), never on their own.");
    },
  },
});

/** pg-boss's `$1` placeholders become Drizzle parameters, so the statement runs on either driver. */
export function transactionExecutor(tx: Database): SqlExecutor {
  return {
    async executeSql(text, values = []) {
      const chunks: SQL[] = [];
      let last = 0;
      for (const match of text.matchAll(/\$(\d+)/g)) {
        chunks.push(sql.raw(text.slice(last, match.index)));
        chunks.push(sql`${parameter(values[Number(match[1]) - 1])}`);
        last = match.index + match[0].length;
      }
      chunks.push(sql.raw(text.slice(last)));
      const result = (await tx.execute(sql.join(chunks))) as unknown;
      return { rows: Array.isArray(result) ? result : (result as { rows: unknown[] }).rows };
    },
  };
}

/** Objects (a job's data, queue options) travel as JSON text, as node-postgres would send them. */
function parameter(value: unknown): unknown {
  if (value === undefined) return null;
  if (value !== null && typeof value === "object" && !(value instanceof Date)) return JSON.stringify(value);
  return value;
}

export interface EnqueueOptions {
  /** At most one job with this key waits in the queue at a time (pg-boss `singletonKey`). */
  singletonKey?: string;
  /**
   * Throttle: with `singletonKey`, one job per key per slot of this many seconds (slots counted
   * from the epoch by the database's `now()`, the caller's transaction time); later sends in the
   * same slot add nothing.
   */
  singletonSeconds?: number;
  startAfter?: Date;
}

/** Adds a job inside `tx`: it exists once the transaction commits, and never if it rolls back. */
export async function enqueueJob(
  tx: Database,
  queue: JobQueue,
  data: object,
  options: EnqueueOptions = {},
): Promise<void> {
  // Retries follow the queue's policy (db/job-queue.ts RETRY_POLICY), set when it was created.
  await sender.send(queue, data, { ...options, db: transactionExecutor(tx) });
}
