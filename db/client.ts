import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { drizzle as drizzlePglite } from "drizzle-orm/pglite";
import { migrate as migratePglite } from "drizzle-orm/pglite/migrator";
import { drizzle as drizzlePostgres } from "drizzle-orm/postgres-js";
import { migrate as migratePostgres } from "drizzle-orm/postgres-js/migrator";
import postgres from "postgres";
import { installJobQueue, pgliteExecutor } from "./job-queue";
import { lockDataFolder } from "./pglite-lock";
import * as schema from "./schema";
import type { Database } from "./types";

export type { Database } from "./types";

export interface DatabaseHandle {
  db: Database;
  kind: "pglite" | "postgres";
  /** Applies the committed drizzle-kit migrations and installs the job queue (db/job-queue.ts). */
  migrate(): Promise<void>;
  close(): Promise<void>;
  /** The raw clients, for LISTEN/NOTIFY. Exactly one is set. */
  pglite?: PGlite;
  sql?: postgres.Sql;
  /** The PostgreSQL URL, for clients that open their own connections (the job queue's workers). */
  url?: string;
}

const migrationsFolder = path.join(process.cwd(), "drizzle");

export interface DatabaseOptions {
  /** A PostgreSQL URL; without one, PGlite is used. */
  url?: string;
  /** PGlite's data folder; "memory" keeps everything in memory (tests). */
  dataDir?: string;
}

export function openDatabase({ url, dataDir }: DatabaseOptions): DatabaseHandle {
  if (url) {
    const sql = postgres(url, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      onnotice: () => {},
    });
    const db = drizzlePostgres({ client: sql, schema }) as unknown as Database;
    return {
      db,
      kind: "postgres",
      sql,
      url,
      migrate: async () => {
        await migratePostgres(drizzlePostgres({ client: sql, schema }), { migrationsFolder });
        await installJobQueue({ url });
      },
      close: () => sql.end({ timeout: 5 }),
    };
  }
  const inMemory = !dataDir || dataDir === "memory";
  const unlock = inMemory ? () => {} : lockDataFolder(dataDir);
  const pglite = inMemory ? new PGlite() : new PGlite(dataDir);
  const db = drizzlePglite({ client: pglite, schema }) as unknown as Database;
  return {
    db,
    kind: "pglite",
    pglite,
    migrate: async () => {
      await migratePglite(drizzlePglite({ client: pglite, schema }), { migrationsFolder });
      await installJobQueue({ db: pgliteExecutor(pglite) });
    },
    close: async () => {
      await pglite.close();
      unlock();
    },
  };
}

/** Where the embedded database lives unless CAIRN_DATA_DIR says otherwise. */
export function defaultDataDir(): string {
  const base = process.env.CAIRN_DATA_DIR ?? path.join(process.cwd(), ".data");
  return path.join(base, "pglite");
}
