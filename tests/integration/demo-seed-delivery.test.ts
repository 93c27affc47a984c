import { eq } from "drizzle-orm";
import { beforeAll, expect, it } from "vitest";
import { memberships, users } from "@/db/schema";
import { DEMO_LOGIN } from "@/lib/demo/login";
import { seedDemo } from "@/lib/demo/seed";
import { DEMO_WEBHOOK_URL } from "@/lib/demo/webhooks";
import { DEMO_INVITEE } from "@/lib/demo/delivery";
import { DEMO_MEMBERS } from "@/lib/demo/data";
import { listOutbox } from "@/lib/services/mail/outbox";
import { getNotificationSettings } from "@/lib/services/mail/settings";
import { listPendingInvitations } from "@/lib/services/teams/invitations";
import type { Actor } from "@/lib/services/kernel/actor";
import { hashPassword } from "@/lib/services/kernel/passwords";
import { listWebhookDeliveries } from "@/lib/services/webhooks/deliveries";
import { RETRY_WINDOW_MS } from "@/lib/services/webhooks/deliver";
import { listWebhooks } from "@/lib/services/webhooks/webhooks";
import { describeEachDatabase } from "../helpers/database";

// What team Settings shows of the demo from the first start: one webhook Cairn turned off after a
// day of failures and its log of failed attempts (lib/demo/webhooks.ts); the Delivery log and the
// members' email settings (lib/demo/delivery.ts).
describeEachDatabase("demo seed: webhook, delivery log and email settings", (getCtx) => {
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

  it("its Delivery log: an invitation, a mention, a review reminder written to the log, a reply suppressed", async () => {
    const log = await listOutbox(getCtx().db, owner, teamId, { limit: 20 });
    const byKind = (kind: string) => log.items.filter((m) => m.kind === kind);
    expect(log.items.map((m) => m.kind).sort()).toEqual(
      ["invitation", "mention", "reply", "reviewReminder", "reviewReminder"].sort(),
    );
    const [invitation] = byKind("invitation");
    expect(invitation).toMatchObject({ to: DEMO_INVITEE, status: "logged", attempts: 1 });
    expect(invitation.subject).toBe("Dana Okafor invited you to Northwind Payments on Cairn");
    // The link in the logged invitation is one a pending invitation answers to.
    const pending = await listPendingInvitations(getCtx().db, owner, teamId);
    expect(pending.map((i) => i.email)).toContain(DEMO_INVITEE);
    expect(invitation.text).toMatch(/Accept the invitation: http.*\/invite\/inv_/);
    expect(byKind("mention")[0]).toMatchObject({ to: DEMO_LOGIN.email, status: "logged" });
    expect(byKind("mention")[0].subject).toMatch(/mentioned you on .* in Payments platform 2027/);
    expect(byKind("reply")[0]).toMatchObject({
      to: DEMO_MEMBERS[2].email,
      status: "suppressed",
      sentAt: null,
    });
    for (const m of byKind("reviewReminder")) {
      expect(m.subject).toMatch(/^The engineering review of Payments platform 2027 is due today$/);
      expect(m.text).toContain("/reviews");
    }
    for (const m of log.items.filter((m) => m.status === "logged")) {
      expect(Date.parse(m.sentAt!)).toBeGreaterThan(Date.parse(m.createdAt));
      expect(Date.parse(m.createdAt)).toBeLessThanOrEqual(Date.now());
    }
  });

  it("email settings: the owner keeps every kind in her time zone, the commenter turned replies off", async () => {
    const mine = await getNotificationSettings(getCtx().db, owner);
    expect(mine).toMatchObject({ timeZone: "Europe/London", email: { mention: true, digest: "weekly" } });
    const [marcus] = await getCtx().db.select().from(users).where(eq(users.email, DEMO_MEMBERS[2].email));
    const his = await getNotificationSettings(getCtx().db, {
      ...owner,
      userId: marcus.id,
      email: marcus.email,
    });
    expect(his.email).toMatchObject({ reply: false, mention: true });
  });
});
