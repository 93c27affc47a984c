import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { afterAll, beforeAll, describe } from "vitest";
import { openDatabase, type Database, type DatabaseHandle } from "@/db/client";
import { useDatabase } from "@/lib/server/database";

export type Backend = "pglite" | "postgres";

export interface TestDatabase {
  backend: Backend;
  handle: DatabaseHandle;
  db: Database;
  /** Closes the connection and, on PostgreSQL, drops the database. */
  dispose(): Promise<void>;
}

/** PGlite always; PostgreSQL as well when DATABASE_URL names a server we may create databases on. */
export function availableBackends(): Backend[] {
  return process.env.DATABASE_URL ? ["pglite", "postgres"] : ["pglite"];
}

function adminConnection(): postgres.Sql {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: the postgres backend is unavailable.");
  return postgres(url, { max: 1, onnotice: () => {} });
}

function databaseUrl(name: string): string {
  const url = new URL(process.env.DATABASE_URL!);
  url.pathname = `/${name}`;
  return url.toString();
}

async function dropDatabase(name: string): Promise<void> {
  const admin = adminConnection();
  try {
    // The name is generated below from hex digits only, so interpolating it is safe.
    await admin.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await admin.end({ timeout: 5 });
  }
}

async function createPglite(): Promise<TestDatabase> {
  const handle = openDatabase({ dataDir: "memory" });
  await handle.migrate();
  return { backend: "pglite", handle, db: handle.db, dispose: () => handle.close() };
}

async function createPostgres(): Promise<TestDatabase> {
  const name = `cairn_test_${randomBytes(6).toString("hex")}`;
  const admin = adminConnection();
  try {
    await admin.unsafe(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end({ timeout: 5 });
  }
  const handle = openDatabase({ url: databaseUrl(name) });
  try {
    await handle.migrate();
  } catch (error) {
    await handle.close().catch(() => {});
    await dropDatabase(name);
    throw error;
  }
  return {
    backend: "postgres",
    handle,
    db: handle.db,
    dispose: async () => {
      try {
        await handle.close();
      } finally {
        await dropDatabase(name);
      }
    },
  };
}

/** A fresh, migrated, empty database of the given kind. */
export function createTestDatabase(backend: Backend): Promise<TestDatabase> {
  return backend === "postgres" ? createPostgres() : createPglite();
}

/**
 * Runs `suite` once per available backend, each against its own fresh database that route
 * handlers also use (useDatabase). The database exists from the suite's first beforeAll to its
 * last afterAll; `getCtx()` is only valid inside hooks and tests.
 */
export function describeEachDatabase(name: string, suite: (getCtx: () => TestDatabase) => void): void {
  for (const backend of availableBackends()) {
    describe(`${name} [${backend}]`, () => {
      let ctx: TestDatabase | undefined;
      beforeAll(async () => {
        ctx = await createTestDatabase(backend);
        useDatabase(ctx.handle);
      });
      afterAll(async () => {
        const current = ctx;
        ctx = undefined;
        await current?.dispose();
      });
      suite(() => {
        if (!ctx) throw new Error("The test database is only available inside hooks and tests.");
        return ctx;
      });
    });
  }
}
