import { and, count, desc, eq, inArray } from "drizzle-orm";
import type { Database } from "@/db/types";
import { webhookAttempts, webhookDeliveries, webhooks } from "@/db/schema";
import { newWebhookSecret } from "@/lib/collaboration/webhook-signature";
import {
  MAX_WEBHOOKS_PER_TEAM,
  type CreateWebhookInput,
  type UpdateWebhookInput,
  type Webhook,
} from "@/lib/validation/delivery";
import type { Actor } from "@/lib/services/kernel/actor";
import { requirePermission } from "@/lib/services/kernel/authorization";
import { AppError, notFound, versionMismatch } from "@/lib/services/kernel/errors";
import { privateAddressesAllowed, unsafeAddressOf } from "./destination";

type WebhookRow = typeof webhooks.$inferSelect;
type LastAttempt = Webhook["lastAttempt"];

function toWebhook(row: WebhookRow, lastAttempt: LastAttempt = null): Webhook {
  return {
    id: row.id,
    teamId: row.teamId,
    url: row.url,
    events: row.events,
    format: row.format,
    description: row.description,
    active: row.active,
    disabledReason: row.disabledReason ?? null,
    createdAt: row.createdAt.toISOString(),
    version: row.version,
    lastAttempt,
  };
}

/** 422 unsafe_url unless the host is public (or CAIRN_WEBHOOK_ALLOW_PRIVATE=1). */
async function checkDestination(url: string): Promise<void> {
  if (privateAddressesAllowed()) return;
  const unsafe = await unsafeAddressOf(new URL(url));
  if (unsafe) {
    throw new AppError(
      "unsafe_url",
      `Webhooks cannot send to ${unsafe}: loopback, link-local and private addresses are refused.`,
      {
        details: [{ path: "url", message: `${new URL(url).hostname} is ${unsafe}, a private address.` }],
      },
    );
  }
}

/** A webhook and its team, after checking the caller owns that team (404 otherwise). */
export async function ownedWebhook(db: Database, actor: Actor, webhookId: string): Promise<WebhookRow> {
  const [row] = await db.select().from(webhooks).where(eq(webhooks.id, webhookId));
  if (!row) throw notFound("webhook");
  await requirePermission(db, actor, row.teamId, "team.manage");
  return row;
}

export async function listWebhooks(db: Database, actor: Actor, teamId: string): Promise<Webhook[]> {
  await requirePermission(db, actor, teamId, "team.manage");
  const rows = await db
    .select()
    .from(webhooks)
    .where(eq(webhooks.teamId, teamId))
    .orderBy(webhooks.createdAt);
  if (rows.length === 0) return [];
  const latest = await db
    .selectDistinctOn([webhookDeliveries.webhookId], {
      webhookId: webhookDeliveries.webhookId,
      at: webhookAttempts.at,
      outcome: webhookAttempts.outcome,
      status: webhookAttempts.status,
    })
    .from(webhookAttempts)
    .innerJoin(webhookDeliveries, eq(webhookDeliveries.id, webhookAttempts.deliveryId))
    .where(
      inArray(
        webhookDeliveries.webhookId,
        rows.map((r) => r.id),
      ),
    )
    .orderBy(webhookDeliveries.webhookId, desc(webhookAttempts.at));
  const byWebhook = new Map(latest.map((a) => [a.webhookId, a]));
  return rows.map((row) => {
    const a = byWebhook.get(row.id);
    return toWebhook(row, a ? { at: a.at.toISOString(), outcome: a.outcome, status: a.status } : null);
  });
}

export async function createWebhook(
  db: Database,
  actor: Actor,
  teamId: string,
  input: CreateWebhookInput,
): Promise<{ webhook: Webhook; secret: string }> {
  await requirePermission(db, actor, teamId, "team.manage");
  await checkDestination(input.url);
  const [{ n }] = await db.select({ n: count() }).from(webhooks).where(eq(webhooks.teamId, teamId));
  if (n >= MAX_WEBHOOKS_PER_TEAM) {
    throw new AppError("invalid_request", `A team can have at most ${MAX_WEBHOOKS_PER_TEAM} webhooks.`);
  }
  const secret = newWebhookSecret();
  const [row] = await db
    .insert(webhooks)
    .values({
      teamId,
      url: input.url,
      events: input.events,
      format: input.format,
      description: input.description ?? null,
      secret,
    })
    .returning();
  return { webhook: toWebhook(row), secret };
}

export async function updateWebhook(
  db: Database,
  actor: Actor,
  webhookId: string,
  expectedVersion: number | undefined,
  patch: UpdateWebhookInput,
): Promise<Webhook> {
  const before = await ownedWebhook(db, actor, webhookId);
  if (expectedVersion !== undefined && expectedVersion !== before.version) {
    throw versionMismatch("webhook", toWebhook(before));
  }
  if (patch.url !== undefined) await checkDestination(patch.url);
  const activity =
    patch.active === undefined
      ? {}
      : patch.active
        ? { active: true, disabledReason: null, failingSince: null }
        : { active: false, disabledReason: "owner" as const };
  const [row] = await db
    .update(webhooks)
    .set({
      ...(patch.url !== undefined && { url: patch.url }),
      ...(patch.events !== undefined && { events: patch.events }),
      ...(patch.format !== undefined && { format: patch.format }),
      ...(patch.description !== undefined && { description: patch.description }),
      ...activity,
      version: before.version + 1,
    })
    .where(and(eq(webhooks.id, webhookId), eq(webhooks.version, before.version)))
    .returning();
  if (!row)
    throw versionMismatch(
      "webhook",
      toWebhook((await db.select().from(webhooks).where(eq(webhooks.id, webhookId)))[0] ?? before),
    );
  return toWebhook(row);
}

/** Removes the webhook with its deliveries and attempts (cascade); their queued jobs find nothing. */
export async function deleteWebhook(
  db: Database,
  actor: Actor,
  webhookId: string,
  expectedVersion: number | undefined,
): Promise<void> {
  const before = await ownedWebhook(db, actor, webhookId);
  if (expectedVersion !== undefined && expectedVersion !== before.version) {
    throw versionMismatch("webhook", toWebhook(before));
  }
  await db.delete(webhooks).where(eq(webhooks.id, webhookId));
}
