import { sql } from "drizzle-orm";
import { defaultDataDir, openDatabase, type DatabaseHandle } from "@/db/client";
import { seedDemo, DEMO_LOGIN } from "@/db/seed";
import { users } from "@/db/schema";
import { hashPassword } from "@/lib/services/kernel/passwords";

// Next.js may load this module more than once (route bundles, hot reload): keep one handle per process.
const state = globalThis as unknown as { __cairnDatabase?: Promise<DatabaseHandle> };

async function start(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  return prepareDatabase(openDatabase(url ? { url } : { dataDir: defaultDataDir() }));
}

/** Migrates the database and, when shouldSeedDemo says so and it has no account yet, seeds the demo team. */
export async function prepareDatabase(handle: DatabaseHandle): Promise<DatabaseHandle> {
  await handle.migrate();
  if (shouldSeedDemo(handle.kind)) {
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

/**
 * Whether an empty database gets the demo team, whose four accounts share a published password.
 * CAIRN_SEED_DEMO=1 or 0 decides; otherwise only a development server on the embedded database
 * (`npm run dev` with no configuration) seeds it. A production start never does unless asked:
 * anyone who read the README could sign in to it.
 */
export function shouldSeedDemo(
  kind: DatabaseHandle["kind"],
  env: { CAIRN_SEED_DEMO?: string; NODE_ENV?: string } = process.env,
): boolean {
  if (env.CAIRN_SEED_DEMO === "1") return true;
  if (env.CAIRN_SEED_DEMO === "0") return false;
  return kind === "pglite" && env.NODE_ENV !== "production";
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

/** The demo login the sign-in page offers: in development, where the demo team is seeded. */
export function demoLoginHint(): typeof DEMO_LOGIN | null {
  if (process.env.NODE_ENV !== "development") return null;
  return shouldSeedDemo(process.env.DATABASE_URL ? "postgres" : "pglite") ? DEMO_LOGIN : null;
}
