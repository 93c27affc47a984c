import { sql } from "drizzle-orm";
import { defaultDataDir, openDatabase, type DatabaseHandle } from "@/db/client";
import { seedDemo, DEMO_LOGIN } from "@/db/seed";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/services/passwords";

// Next.js may load this module more than once (route bundles, hot reload): keep one handle per process.
const state = globalThis as unknown as { __cairnDatabase?: Promise<DatabaseHandle> };

async function start(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  const handle = openDatabase(url ? { url } : { dataDir: defaultDataDir() });
  await handle.migrate();
  if (shouldSeedDemo(handle)) {
    const [{ count }] = await handle.db.select({ count: sql<number>`count(*)::int` }).from(users);
    if (count === 0) {
      await seedDemo(handle.db, { hashPassword });
      console.log(
        `\n  Cairn demo team ready. Sign in as ${DEMO_LOGIN.email} with password ${DEMO_LOGIN.password}\n`,
      );
    }
  }
  return handle;
}

/** The demo team is for the embedded database; on PostgreSQL only when CAIRN_SEED_DEMO=1 asks for it. */
function shouldSeedDemo(handle: DatabaseHandle): boolean {
  if (process.env.CAIRN_SEED_DEMO === "0") return false;
  return handle.kind === "pglite" || process.env.CAIRN_SEED_DEMO === "1";
}

/** Opens, migrates and (first time, embedded) seeds the database once per process. */
export function database(): Promise<DatabaseHandle> {
  state.__cairnDatabase ??= start().catch((error) => {
    state.__cairnDatabase = undefined;
    throw error;
  });
  return state.__cairnDatabase;
}

/** Tests run services and route handlers against a database they created. */
export function useDatabase(handle: DatabaseHandle): void {
  state.__cairnDatabase = Promise.resolve(handle);
}

export async function closeDatabase(): Promise<void> {
  const pending = state.__cairnDatabase;
  state.__cairnDatabase = undefined;
  if (pending) await (await pending).close();
}

export function demoLoginHint(): typeof DEMO_LOGIN | null {
  return process.env.NODE_ENV === "development" && !process.env.DATABASE_URL ? DEMO_LOGIN : null;
}
