// #17 retention: the outbox and the webhook deliveries (with their attempts) are pruned once older
// than CAIRN_DELIVERY_RETENTION_DAYS (30 by default), by a daily pg-boss job that one instance of
// many runs. The clock is moved by the test (pruneDeliveryLogs takes `now`); nothing waits 30 days.
import { eq, inArray } from "drizzle-orm";
import { afterAll, afterEach, beforeAll, expect, it, vi } from "vitest";
import { outboxMessages, webhookAttempts, webhookDeliveries, webhooks } from "@/db/schema";
import { JOB_QUEUES } from "@/db/job-queue";
import { DELIVERY_RETENTION_CRON, startJobRunner, type JobRunner } from "@/lib/server/jobs/job-runner";
import { mailSender } from "@/lib/server/mail/transport";
import { deliveryRetentionDays, pruneDeliveryLogs } from "@/lib/services/delivery-log/prune";
import type { OutboxStatus } from "@/lib/validation/delivery-kinds";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser } from "../helpers/fixtures";

const DAY = 86_400_000;
const T0 = new Date("2026-06-01T12:00:00Z");
const after = (days: number) => new Date(T0.getTime() + days * DAY);

describeEachDatabase("delivery logs pruned after their retention", (getCtx) => {
  let runner: JobRunner;
  let teamId = "";
  let webhookId = "";

  beforeAll(async () => {
    const { db, handle } = getCtx();
    runner = await startJobRunner(handle, { send: mailSender(undefined), pollingIntervalSeconds: 0.5 });
    const owner = await createUser(db, "owner");
    teamId = (await createTeamWithMembers(db, owner, [])).id;
    [{ id: webhookId }] = await db
      .insert(webhooks)
      .values({ teamId, url: "https://hooks.example.com/x", events: ["item.created"], secret: "whsec_x" })
      .returning({ id: webhooks.id });
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
  });

  afterEach(() => {
    delete process.env.CAIRN_DELIVERY_RETENTION_DAYS;
  });

  const message = async (key: string, status: OutboxStatus, createdAt: Date) => {
    const content = { teamName: "T", roadmapName: null, heading: key, paragraphs: [], unsubscribeUrl: null };
    await getCtx()
      .db.insert(outboxMessages)
      .values({
        kind: "mention",
        to: "someone@example.com",
        teamId,
        subject: key,
        text: key,
        content: { ...content, action: { label: "Open", url: "https://cairn.test" } },
        status,
        dedupeKey: `retention:${key}`,
        createdAt,
      });
  };
  const delivery = async (event: string, state: "pending" | "delivered" | "gave_up", createdAt: Date) => {
    const [row] = await getCtx()
      .db.insert(webhookDeliveries)
      .values({ webhookId, event, payload: { type: event }, state, createdAt })
      .returning({ id: webhookDeliveries.id });
    await getCtx()
      .db.insert(webhookAttempts)
      .values(
        [0, 1].map((n) => ({
          deliveryId: row.id,
          at: new Date(createdAt.getTime() + n * 30_000),
          outcome: "failed" as const,
          durationMs: 5,
        })),
      );
  };
  const left = async () => ({
    outbox: (await getCtx().db.select({ s: outboxMessages.subject }).from(outboxMessages))
      .map((r) => r.s)
      .sort(),
    deliveries: (await getCtx().db.select({ e: webhookDeliveries.event }).from(webhookDeliveries))
      .map((r) => r.e)
      .sort(),
    attempts: (await getCtx().db.select().from(webhookAttempts)).length,
  });

  it("keeps 30 days; then deletes what was sent, logged or given up, with its attempts, never what is still in flight", async () => {
    const { db } = getCtx();
    await message("old logged", "logged", T0);
    await message("old failed", "failed", T0);
    await message("old queued", "queued", T0);
    await message("old retrying", "retrying", T0);
    await message("recent sent", "sent", after(20));
    await delivery("old.delivered", "delivered", T0);
    await delivery("old.pending", "pending", T0);
    await delivery("recent.gave_up", "gave_up", after(20));
    const everything = await left();

    expect(await pruneDeliveryLogs(db, after(29))).toEqual({ outbox: 0, webhookDeliveries: 0 });
    expect(await left()).toEqual(everything);

    expect(await pruneDeliveryLogs(db, after(31))).toEqual({ outbox: 2, webhookDeliveries: 1 });
    expect(await left()).toEqual({
      outbox: ["old queued", "old retrying", "recent sent"],
      deliveries: ["old.pending", "recent.gave_up"],
      attempts: 4,
    });

    // A longer retention from the environment keeps the recent ones 60 days.
    process.env.CAIRN_DELIVERY_RETENTION_DAYS = "60";
    expect(await pruneDeliveryLogs(db, after(51))).toEqual({ outbox: 0, webhookDeliveries: 0 });
    delete process.env.CAIRN_DELIVERY_RETENTION_DAYS;
    expect(await pruneDeliveryLogs(db, after(51))).toEqual({ outbox: 1, webhookDeliveries: 1 });
    expect(await left()).toEqual({
      outbox: ["old queued", "old retrying"],
      deliveries: ["old.pending"],
      attempts: 2,
    });
  });

  it("reads CAIRN_DELIVERY_RETENTION_DAYS as whole days, at least one; anything else is 30", () => {
    expect(deliveryRetentionDays({})).toBe(30);
    expect(deliveryRetentionDays({ CAIRN_DELIVERY_RETENTION_DAYS: "7" })).toBe(7);
    for (const bad of ["0", "-3", "1.5", "a month", ""])
      expect(deliveryRetentionDays({ CAIRN_DELIVERY_RETENTION_DAYS: bad })).toBe(30);
  });

  it("is scheduled daily in pg-boss, so one instance of many runs it; a run of the job prunes", async () => {
    expect(await runner.boss.getSchedules()).toContainEqual(
      expect.objectContaining({ name: JOB_QUEUES.deliveryRetention, cron: DELIVERY_RETENTION_CRON }),
    );
    const { db } = getCtx();
    await message("forty days old", "sent", new Date(Date.now() - 40 * DAY));
    await message("yesterday's", "sent", new Date(Date.now() - DAY));
    await runner.boss.send(JOB_QUEUES.deliveryRetention, {});
    await vi.waitFor(
      async () => {
        const rows = await db
          .select({ s: outboxMessages.subject })
          .from(outboxMessages)
          .where(inArray(outboxMessages.subject, ["forty days old", "yesterday's"]));
        expect(rows.map((r) => r.s)).toEqual(["yesterday's"]);
      },
      { timeout: 20_000, interval: 250 },
    );
    // What was in flight is still there.
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.status, "queued"))).toHaveLength(1);
  });
});
