import { integer, timestamp, uuid } from "drizzle-orm/pg-core";

/** Columns that most tables share: an opaque id, timestamps and an optimistic-concurrency version. */
export const id = () => uuid("id").primaryKey().defaultRandom();
export const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
export const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();
export const version = () => integer("version").notNull().default(1);
