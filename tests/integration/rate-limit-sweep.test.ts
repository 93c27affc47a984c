import { randomUUID } from "node:crypto";
import { inArray, sql } from "drizzle-orm";
import { expect, it } from "vitest";
import { rateLimits } from "@/db/schema";
import { hit } from "@/lib/server/rate-limit";
import { SWEEP_EVERY_MS, sweepExpiredWindows, sweepOccasionally } from "@/lib/server/rate-limit-sweep";
import { describeEachDatabase } from "../helpers/database";

describeEachDatabase("expired rate-limit windows are removed", (getCtx) => {
  /** Rows whose window started `ageSeconds` ago, with fresh keys; returns the keys. */
  async function windows(...ageSeconds: number[]): Promise<string[]> {
    const keys = ageSeconds.map(() => `sweep-test:${randomUUID()}`);
    await getCtx()
      .db.insert(rateLimits)
      .values(
        keys.map((key, i) => ({
          key,
          count: 3,
          windowStart: sql`now() - make_interval(secs => ${ageSeconds[i]})`,
        })),
      );
    return keys;
  }
  const remaining = async (keys: string[]) =>
    (await getCtx().db.select({ key: rateLimits.key }).from(rateLimits).where(inArray(rateLimits.key, keys)))
      .map((r) => r.key)
      .sort();

  it("the first hit in a process sweeps windows older than the longest limit window; live ones stay", async () => {
    // The longest default window is an hour (registrations per email).
    const [expired, old] = await windows(2 * 3600, 3601);
    const live = await windows(3500, 10);
    await hit(getCtx().db, `sweep-test:${randomUUID()}`, { max: 10, windowSeconds: 60 });
    expect(await remaining([expired, old, ...live])).toEqual([...live].sort());
  });

  it("sweeps at most once a minute per database", async () => {
    const { db } = getCtx();
    const start = Date.now() + 10 * SWEEP_EVERY_MS; // after whatever the test above did
    const [first] = await windows(7200);
    await sweepOccasionally(db, 3600, start);
    expect(await remaining([first])).toEqual([]);

    const [second] = await windows(7200);
    await sweepOccasionally(db, 3600, start + SWEEP_EVERY_MS - 1);
    expect(await remaining([second])).toEqual([second]);
    await sweepOccasionally(db, 3600, start + SWEEP_EVERY_MS);
    expect(await remaining([second])).toEqual([]);
  });

  it("sweepExpiredWindows answers how many rows went and keeps the rest", async () => {
    const expired = await windows(4000, 5000, 6000);
    const live = await windows(100);
    expect(await sweepExpiredWindows(getCtx().db, 3600)).toBeGreaterThanOrEqual(3);
    expect(await remaining([...expired, ...live])).toEqual(live);
  });
});
