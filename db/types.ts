import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import type * as schema from "./schema";

/** A Drizzle database or transaction on either driver (PGlite or postgres.js); services accept both. */
export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
