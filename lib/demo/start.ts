import { sql } from "drizzle-orm";
import type { DatabaseHandle } from "@/db/client";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/services/kernel/passwords";
import { DEMO_LOGIN } from "./login";
import { shouldSeedDemo } from "./policy";
import { seedDemo } from "./seed";

/**
 * Seeds the demo team into a migrated database when shouldSeedDemo says so and it has no account
 * yet. The server's start-up (lib/server/startup.ts) calls it once, before the first request.
 */
export async function seedDemoOnFirstStart(handle: DatabaseHandle): Promise<void> {
  if (!shouldSeedDemo(handle.kind)) return;
  const [{ count }] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(users);
  if (count !== 0) return;
  await seedDemo(handle.db, { hashPassword });
  console.log(
    `\n  Cairn demo team ready. Sign in as ${DEMO_LOGIN.email} with password ${DEMO_LOGIN.password}\n`,
  );
}
