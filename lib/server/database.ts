import { defaultDataDir, openDatabase, type DatabaseHandle } from "@/db/client";

// Next.js may load this module more than once (route bundles, hot reload): keep one handle per process.
const state = globalThis as unknown as { __cairnDatabase?: Promise<DatabaseHandle> };

async function start(): Promise<DatabaseHandle> {
  const url = process.env.DATABASE_URL;
  const handle = openDatabase(url ? { url } : { dataDir: defaultDataDir() });
  await handle.migrate();
  return handle;
}

/**
 * Opens and migrates the database once per process. The demo team, when wanted, is seeded by the
 * server's start-up (lib/server/startup.ts, lib/demo/start.ts), not here.
 */
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
