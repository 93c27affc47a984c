import { sql } from "drizzle-orm";
import { integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id } from "./columns";

export const users = pgTable(
  "users",
  {
    id: id(),
    /** Stored trimmed and lower-cased; the index on lower(email) keeps it unique case-insensitively anyway. */
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /**
     * Carried in every session cookie and checked on every request: raising it (password change,
     * "sign out everywhere") ends every session issued before.
     */
    sessionVersion: integer("session_version").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("users_email_lower_key").on(sql`lower(${t.email})`)],
);

/** Personal API tokens: only a SHA-256 hash of the secret is stored. */
export const apiTokens = pgTable("api_tokens", {
  id: id(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  name: text("name").notNull(),
  tokenHash: text("token_hash").notNull().unique(),
  /** The first characters of the secret, so a person can tell tokens apart. */
  prefix: text("prefix").notNull(),
  createdAt: createdAt(),
  expiresAt: timestamp("expires_at", { withTimezone: true }),
  lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
  revokedAt: timestamp("revoked_at", { withTimezone: true }),
  /** What the token may do: ["read"] or ["read", "write"]. It can only narrow its owner's role. */
  scopes: text("scopes").array().notNull().default(sql`'{read,write}'::text[]`),
});
