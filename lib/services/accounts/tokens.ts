import { and, desc, eq, isNull } from "drizzle-orm";
import type { Database } from "@/db/types";
import { apiTokens, users } from "@/db/schema";
import { publishRevocation } from "@/lib/services/kernel/live-events";
import type { ApiToken, CreateTokenRequest, TokenScopes } from "@/lib/validation/accounts";
import type { Actor } from "@/lib/services/kernel/actor";
import { notFound } from "@/lib/services/kernel/errors";
import { hashSecret, newSecret } from "@/lib/services/kernel/secrets";

const DAY_MS = 86_400_000;
const LAST_USED_RESOLUTION_MS = 60_000;

/** Stored scopes as the API names them; anything unexpected in the column narrows to read-only. */
function scopesOf(stored: readonly string[]): TokenScopes {
  return stored.includes("write") ? ["read", "write"] : ["read"];
}

function toApiToken(t: typeof apiTokens.$inferSelect): ApiToken {
  return {
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    createdAt: t.createdAt.toISOString(),
    expiresAt: t.expiresAt?.toISOString() ?? null,
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    scopes: scopesOf(t.scopes),
  };
}

/** Mints a personal API token. The secret is returned this once and only its hash is stored. */
export async function createToken(db: Database, actor: Actor, input: CreateTokenRequest) {
  const secret = newSecret("cairn");
  const expiresAt = input.expiresInDays ? new Date(Date.now() + input.expiresInDays * DAY_MS) : null;
  const [row] = await db
    .insert(apiTokens)
    .values({
      userId: actor.userId,
      name: input.name,
      tokenHash: hashSecret(secret),
      prefix: secret.slice(0, 12),
      expiresAt,
      scopes: [...(input.scopes ?? ["read", "write"])],
    })
    .returning();
  return { token: toApiToken(row), secret };
}

export async function listTokens(db: Database, actor: Actor): Promise<ApiToken[]> {
  const rows = await db
    .select()
    .from(apiTokens)
    .where(and(eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
    .orderBy(desc(apiTokens.createdAt));
  return rows.map(toApiToken);
}

/** Revokes a token; at commit every instance closes the streams it opened. */
export async function revokeToken(db: Database, actor: Actor, tokenId: string): Promise<void> {
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(apiTokens)
      .set({ revokedAt: new Date() })
      .where(and(eq(apiTokens.id, tokenId), eq(apiTokens.userId, actor.userId), isNull(apiTokens.revokedAt)))
      .returning({ id: apiTokens.id });
    if (revoked.length === 0) throw notFound("token");
    await publishRevocation(tx, actor.userId, { tokenId });
  });
}

/** The actor behind a Bearer secret, or null when the token is unknown, revoked or expired. */
export async function actorFromToken(db: Database, secret: string): Promise<Actor | null> {
  const [row] = await db
    .select({ token: apiTokens, user: { id: users.id, email: users.email, name: users.name } })
    .from(apiTokens)
    .innerJoin(users, eq(users.id, apiTokens.userId))
    .where(eq(apiTokens.tokenHash, hashSecret(secret)))
    .limit(1);
  if (!row || row.token.revokedAt) return null;
  const now = Date.now();
  if (row.token.expiresAt && row.token.expiresAt.getTime() <= now) return null;
  if (!row.token.lastUsedAt || now - row.token.lastUsedAt.getTime() > LAST_USED_RESOLUTION_MS) {
    await db
      .update(apiTokens)
      .set({ lastUsedAt: new Date(now) })
      .where(eq(apiTokens.id, row.token.id));
  }
  return {
    userId: row.user.id,
    email: row.user.email,
    name: row.user.name,
    via: "token",
    tokenId: row.token.id,
    scopes: scopesOf(row.token.scopes),
  };
}
