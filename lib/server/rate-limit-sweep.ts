import { inArray, lt, sql } from "drizzle-orm";
import { rateLimits } from "@/db/schema";
import type { Database } from "@/db/types";

/** How often one process sweeps (per database): often enough that the table stays small. */
export const SWEEP_EVERY_MS = 60_000;

/** Rows removed per sweep at most, so that one sweep never holds a request up for long. */
const BATCH = 5_000;

const lastSweep = new WeakMap<Database, number>();

/**
 * Deletes rate-limit windows that started more than `horizonSeconds` ago: they count for nothing
 * (the next hit on such a key starts a new window anyway) and would otherwise pile up, one row per
 * address and email ever seen. Rows another transaction is counting are skipped (SKIP LOCKED), so
 * that sweeps on several instances never wait for or deadlock with each other or with a hit.
 * Returns how many rows went.
 */
export async function sweepExpiredWindows(db: Database, horizonSeconds: number): Promise<number> {
  const expired = db
    .select({ key: rateLimits.key })
    .from(rateLimits)
    .where(lt(rateLimits.windowStart, sql`now() - make_interval(secs => ${horizonSeconds})`))
    .limit(BATCH)
    .for("update", { skipLocked: true });
  const gone = await db
    .delete(rateLimits)
    .where(inArray(rateLimits.key, expired))
    .returning({ key: rateLimits.key });
  return gone.length;
}

/**
 * Sweeps at most once per SWEEP_EVERY_MS per database in this process; called on every hit, so an
 * idle server does no work. A failed sweep is logged, never the caller's failure.
 */
export async function sweepOccasionally(
  db: Database,
  horizonSeconds: number,
  now = Date.now(),
): Promise<void> {
  const last = lastSweep.get(db);
  if (last !== undefined && now - last < SWEEP_EVERY_MS) return;
  lastSweep.set(db, now);
  try {
    await sweepExpiredWindows(db, horizonSeconds);
  } catch (error) {
    console.error("Sweeping expired rate-limit windows failed:", error);
  }
}
