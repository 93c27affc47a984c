import { eq, sql } from "drizzle-orm";
import type { Database } from "@/db/types";
import { rateLimits } from "@/db/schema";
import { AppError } from "@/lib/services/kernel/errors";
import { sweepOccasionally } from "./rate-limit-sweep";

export interface Limit {
  /** Requests (or failures) allowed per window. */
  max: number;
  windowSeconds: number;
}

/**
 * The limits, each overridable with an environment variable such as CAIRN_LIMIT_REGISTER_IP=100
 * (tests and busy offices behind one address need other numbers).
 */
const DEFAULTS = {
  REGISTER_IP: { max: 30, windowSeconds: 600 },
  REGISTER_EMAIL: { max: 5, windowSeconds: 3600 },
  SIGNIN_IP: { max: 100, windowSeconds: 600 },
  SIGNIN_EMAIL_FAILURES: { max: 10, windowSeconds: 900 },
  /** Wrong current passwords on a password change, per account. */
  PASSWORD_CHANGE_FAILURES: { max: 5, windowSeconds: 900 },
  /** Reset emails asked for one address (whether or not it has an account), and per client. */
  RESET_EMAIL: { max: 5, windowSeconds: 3600 },
  RESET_IP: { max: 30, windowSeconds: 600 },
  /** Reset tokens tried per client address (guessing is hopeless; this keeps it cheap). */
  RESET_CONFIRM_IP: { max: 30, windowSeconds: 600 },
  /** Webhook test events per caller: a test POSTs to any public URL, so it must not be a relay. */
  WEBHOOK_TEST: { max: 30, windowSeconds: 600 },
} satisfies Record<string, Limit>;

export type LimitName = keyof typeof DEFAULTS;

/** No default window lasts longer: rows older than this count for nothing and are swept. */
const LONGEST_WINDOW_SECONDS = Math.max(...Object.values(DEFAULTS).map((l) => l.windowSeconds));

export function limitFor(name: LimitName): Limit {
  const override = Number(process.env[`CAIRN_LIMIT_${name}`]);
  return Number.isFinite(override) && override > 0 ? { ...DEFAULTS[name], max: override } : DEFAULTS[name];
}

function limited(retryAfterSeconds: number) {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new AppError(
    "rate_limited",
    `Too many attempts. Wait ${minutes} minute${minutes === 1 ? "" : "s"} and try again.`,
    { retryAfterSeconds },
  );
}

/**
 * Counts one hit against a fixed window kept in the database (so the limit holds across app
 * instances) and returns the count so far, this hit included, without refusing anything.
 */
export async function count(
  db: Database,
  key: string,
  limit: Limit,
): Promise<{ count: number; retryAfterSeconds: number }> {
  await sweepOccasionally(db, Math.max(LONGEST_WINDOW_SECONDS, limit.windowSeconds));
  const window = sql`make_interval(secs => ${limit.windowSeconds})`;
  const expired = sql`${rateLimits.windowStart} <= now() - ${window}`;
  const [row] = await db
    .insert(rateLimits)
    .values({ key, windowStart: sql`now()`, count: 1 })
    .onConflictDoUpdate({
      target: rateLimits.key,
      set: {
        count: sql`case when ${expired} then 1 else ${rateLimits.count} + 1 end`,
        windowStart: sql`case when ${expired} then now() else ${rateLimits.windowStart} end`,
      },
    })
    .returning({
      count: rateLimits.count,
      retryAfter: sql<number>`ceil(extract(epoch from (${rateLimits.windowStart} + ${window} - now())))::int`,
    });
  return { count: row.count, retryAfterSeconds: row.retryAfter };
}

/** Counts one hit (see `count`) and throws 429 once the window is full. */
export async function hit(db: Database, key: string, limit: Limit): Promise<void> {
  const row = await count(db, key, limit);
  if (row.count > limit.max) throw limited(row.retryAfterSeconds);
}

/** Takes back one hit, for an attempt counted in advance that turned out not to count (a success). */
export async function forgive(db: Database, key: string): Promise<void> {
  await db
    .update(rateLimits)
    .set({ count: sql`greatest(${rateLimits.count} - 1, 0)` })
    .where(eq(rateLimits.key, key));
}

/** Throws 429 when the window for `key` is already full, without counting this request. */
export async function check(db: Database, key: string, limit: Limit): Promise<void> {
  const [row] = await db
    .select({
      count: rateLimits.count,
      retryAfter: sql<number>`ceil(extract(epoch from (${rateLimits.windowStart} + make_interval(secs => ${limit.windowSeconds}) - now())))::int`,
    })
    .from(rateLimits)
    .where(eq(rateLimits.key, key));
  if (row && row.retryAfter > 0 && row.count >= limit.max) throw limited(row.retryAfter);
}
