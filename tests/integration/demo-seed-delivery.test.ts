import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { memberships, users } from "@/db/schema";
import { DEMO_LOGIN } from "@/lib/demo/login";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_WEBHOOK_URL } from "@/lib/demo/webhooks";
import type { Actor } from "@/lib/services/kernel/actor";
import { hashPassword } from "@/lib/services/kernel/passwords";
import { listWebhookDeliveries } from "@/lib/services/webhooks/deliveries";
import { RETRY_WINDOW_MS } from "@/lib/services/webhooks/deliver";
import { listWebhooks } from "@/lib/services/webhooks/webhooks";
import { describeEachDatabase } from "../helpers/database";

// What team Settings → Webhooks shows of the demo from the first start (lib/demo/webhooks.ts): one
// webhook Cairn turned off after a day of failures, and its log of failed attempts.
describeEachDatabase("demo seed: a webhook turned off for failing", (getCtx) => {
  let owner: Actor;
  let teamId = "";
  beforeAll(async () => {
    const started = performance.now();
    await seedDemo(getCtx().db, { hashPassword });
    console.log(`demo seed: ${Math.round(performance.now() - started)} ms`);
    const [user] = await getCtx().db.select().from(users).where(eq(users.email, DEMO_LOGIN.email));
    owner = { userId: user.id, email: user.email, name: user.name, via: "session" };
    const [membership] = await getCtx().db.select().from(memberships).where(eq(memberships.userId, user.id));
    teamId = membership.teamId;
  });

  it("lists one Slack webhook, off because it failed, its last attempt a failure", async () => {
    const [hook, ...others] = await listWebhooks(getCtx().db, owner, teamId);
    expect(others).toEqual([]);
    expect(hook).toMatchObject({
      url: DEMO_WEBHOOK_URL,
      format: "slack",
      active: false,
      disabledReason: "failing",
      lastAttempt: { outcome: "failed", status: null },
    });
    expect(hook.events).toContain("milestone.at_risk");
  });

  it("its delivery log: two events given up after a day of retries, 30 s apart at first, each attempt's error kept", async () => {
    const [hook] = await listWebhooks(getCtx().db, owner, teamId);
    const log = await listWebhookDeliveries(getCtx().db, owner, hook.id, { limit: 20 });
    expect(log.nextCursor).toBeNull();
    expect(log.items.map((d) => [d.event, d.state, d.nextAttemptAt])).toEqual([
      ["review.recorded", "gave_up", null],
      ["gate.decided", "gave_up", null],
    ]);
    for (const delivery of log.items) {
      const times = delivery.attempts.map((a) => Date.parse(a.at));
      expect(delivery.attempts.length).toBeGreaterThanOrEqual(10);
      expect(times[1] - times[0]).toBe(30_000);
      expect(times.at(-1)! - times[0]).toBeLessThanOrEqual(RETRY_WINDOW_MS);
      expect(Date.parse(delivery.createdAt)).toBe(times[0]);
      for (const a of delivery.attempts) {
        expect(a).toMatchObject({
          outcome: "failed",
          status: null,
          error: expect.stringContaining("ENOTFOUND"),
        });
      }
    }
  });
});
