import { and, eq, sql } from "drizzle-orm";
import type { ParsedMail } from "mailparser";
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { outboxMessages, users } from "@/db/schema";
import { JOB_QUEUES } from "@/db/job-queue";
import { startJobRunner, type JobRunner } from "@/lib/server/jobs/job-runner";
import { mailSender } from "@/lib/server/mail/transport";
import { verifyCredentials } from "@/lib/services/accounts/credentials";
import { requestPasswordReset } from "@/lib/services/accounts/password-reset";
import { deliverOutboxMessage } from "@/lib/services/mail/deliver";
import { queueEmail } from "@/lib/services/mail/outbox";
import { passwordResetEmail } from "@/lib/services/mail/messages";
import type { Team } from "@/lib/validation/teams";
import { api } from "../helpers/api";
import { expectApiError } from "../helpers/assertions";
import { postComment } from "../helpers/collaboration";
import { describeEachDatabase } from "../helpers/database";
import { createTeamWithMembers, createUser, uniqueEmail, type TestUser } from "../helpers/fixtures";
import { headerOf, linkIn as linkTo } from "../helpers/mail";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createBoardFixture, type BoardFixture } from "../helpers/timeline";

const ORIGIN = "http://cairn.test";
process.env.AUTH_URL = ORIGIN;

/** The first link to this app in a message's plain-text part. */
const linkIn = (mail: ParsedMail, path: string) => linkTo(mail, `${ORIGIN}${path}`);
const header = headerOf;

describeEachDatabase("email through the job queue and a real SMTP server", (getCtx) => {
  let smtp: TestSmtpServer;
  let runner: JobRunner;
  let owner: TestUser;
  let editor: TestUser;
  let priya: TestUser;
  let team: Team;
  let fx: BoardFixture;

  const outboxRow = async (id: string) =>
    (await getCtx().db.select().from(outboxMessages).where(eq(outboxMessages.id, id)))[0];
  const waitForRow = async (where: (row: typeof outboxMessages.$inferSelect) => boolean, id: string) => {
    for (let i = 0; i < 150; i++) {
      const row = await outboxRow(id);
      if (row && where(row)) return row;
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`Outbox row ${id} never got there: ${JSON.stringify(await outboxRow(id))}`);
  };

  beforeAll(async () => {
    const { db, handle } = getCtx();
    smtp = await startSmtpServer();
    runner = await startJobRunner(handle, { send: mailSender(smtp.url), pollingIntervalSeconds: 0.5 });
    // Retries a second apart here (30 s, doubling, in production).
    await runner.boss.updateQueue(JOB_QUEUES.sendEmail, {
      name: JOB_QUEUES.sendEmail,
      retryLimit: 2,
      retryDelay: 1,
      retryBackoff: false,
    });
    [owner, editor, priya] = await Promise.all([
      createUser(db, "owner", { name: "Olga Owner" }),
      createUser(db, "editor", { name: "Eddie Editor" }),
      createUser(db, "priya", { name: "Priya Shah" }),
    ]);
    team = await createTeamWithMembers(db, owner, [
      { member: editor, role: "editor" },
      { member: priya, role: "commenter" },
    ]);
    fx = await createBoardFixture(db, owner.actor, team.id, { title: "Mailed roadmap" });
  }, 60_000);

  afterAll(async () => {
    await runner?.stop();
    await smtp?.close();
  });

  it("a mention and a reply each mail their recipient: subject, team and roadmap named, a link to the item, one-click unsubscribe", async () => {
    const root = await postComment(priya.token, fx.feature.id, { body: "Is this on track?" });
    const reply = await postComment(editor.token, fx.feature.id, {
      body: "@PriyaShah yes, see the plan",
      parentId: root.id,
    });
    const mention = await smtp.waitFor((m) => m.subject?.includes("mentioned you") === true);
    expect(mention.to).toMatchObject({ value: [{ address: priya.user.email }] });
    expect(mention.subject).toBe(`Eddie Editor mentioned you on “${fx.feature.title}” in Mailed roadmap`);
    expect(mention.text).toContain(`Team: ${team.name}`);
    expect(mention.text).toContain("Roadmap: Mailed roadmap");
    expect(mention.html).toContain("Mailed roadmap");
    const link = linkIn(mention, "/roadmaps/");
    expect(link.pathname).toBe(`/roadmaps/${fx.roadmap.id}`);
    expect(link.searchParams.get("item")).toBe(fx.feature.id);
    expect(header(mention, "list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    // A reply to Priya's thread that mentions her is one mention, not a reply too.
    expect(smtp.to(priya.user.email).filter((m) => m.subject?.includes("replied"))).toHaveLength(0);

    await postComment(priya.token, fx.feature.id, { body: "Thanks", parentId: reply.id });
    const replied = await smtp.waitFor((m) => m.subject?.startsWith("Priya Shah replied to you") === true);
    expect(replied.to).toMatchObject({ value: [{ address: editor.user.email }] });
  });

  it("the List-Unsubscribe address, POSTed as mail clients do, turns mentions off: the next one is suppressed, not sent", async () => {
    const first = await postComment(editor.token, fx.feature.id, { body: "@PriyaShah one" });
    const mail = await smtp.waitFor((m) => m.text?.includes("“@PriyaShah one”") === true);
    const target = new URL(header(mail, "list-unsubscribe")!.replace(/^<|>$/g, ""));
    expect(target.origin + target.pathname).toBe(`${ORIGIN}/api/unsubscribe`);
    const res = await api("POST /api/unsubscribe", {
      query: Object.fromEntries(target.searchParams),
      body: "List-Unsubscribe=One-Click",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(res.status).toBe(200);
    const settings = await api("GET /api/account/notification-settings", { token: priya.token });
    expect(settings.json.settings.email).toMatchObject({ mention: false, reply: true });

    const second = await postComment(editor.token, fx.feature.id, { body: "@PriyaShah two" });
    const [row] = await getCtx()
      .db.select()
      .from(outboxMessages)
      .where(
        and(eq(outboxMessages.userId, priya.user.id), sql`${outboxMessages.text} like '%@PriyaShah two%'`),
      );
    await waitForRow((r) => r.status === "suppressed", row.id);
    expect(smtp.received.filter((m) => m.text?.includes("@PriyaShah two"))).toHaveLength(0);
    void first;
    void second;

    const forged = await api("POST /api/unsubscribe", { query: { token: `${priya.user.id}.reply.forged` } });
    expectApiError(forged, 404, "not_found");
  });

  it("an invitation mails the invitee a link whose token accepts it, and the inviter still sees the link once", async () => {
    const invitee = await createUser(getCtx().db, "invitee", { name: "Ivy Invitee" });
    const res = await api("POST /api/teams/{teamId}/invitations", {
      params: { teamId: team.id },
      token: owner.token,
      json: { email: invitee.user.email, role: "commenter" },
    });
    expect(res.status).toBe(201);
    const mail = await smtp.waitFor((m) => smtp.to(invitee.user.email).includes(m));
    expect(mail.subject).toBe(`Olga Owner invited you to ${team.name} on Cairn`);
    const link = linkIn(mail, "/invite/");
    expect(new URL(res.json.acceptUrl).pathname).toBe(link.pathname);
    const token = decodeURIComponent(link.pathname.split("/").at(-1)!);
    const accepted = await api("POST /api/invitations/accept", { token: invitee.token, json: { token } });
    expect(accepted.status).toBe(200);
    expect(header(mail, "list-unsubscribe")).toBeUndefined();
  });

  it("password reset: 202 either way, one mail with a single-use link; the new password works, every session ends; a second use is 410", async () => {
    const { db } = getCtx();
    const person = await createUser(db, "forgetful", { name: "Fay Forgetful" });
    const [before] = await db.select().from(users).where(eq(users.id, person.user.id));
    const nobody = await api("POST /api/password-reset", { json: { email: uniqueEmail("nobody") } });
    expect(nobody.status).toBe(202);
    const res = await api("POST /api/password-reset", { json: { email: person.user.email.toUpperCase() } });
    expect(res.status).toBe(202);
    expect(res.json).toEqual(nobody.json);
    const mail = await smtp.waitFor((m) => smtp.to(person.user.email).includes(m));
    expect(mail.subject).toBe("Reset your Cairn password");
    const link = linkIn(mail, "/reset-password");
    const token = link.searchParams.get("token")!;

    const confirm = () =>
      api("POST /api/password-reset/confirm", { json: { token, password: "a brand new passphrase" } });
    const done = await confirm();
    expect(done.status).toBe(204);
    expect(await verifyCredentials(db, person.user.email, "a brand new passphrase")).not.toBeNull();
    const [after] = await db.select().from(users).where(eq(users.id, person.user.id));
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    expectApiError(await confirm(), 410, "reset_token_gone");
    const forged = await api("POST /api/password-reset/confirm", {
      json: { token: "rst_forgedforgedforgedforged", password: "another long passphrase" },
    });
    expectApiError(forged, 410, "reset_token_gone");
  });

  it("a reset link older than an hour is 410 (the clock moved, no waiting)", async () => {
    const { db } = getCtx();
    const person = await createUser(db, "late", { name: "Lee Late" });
    await requestPasswordReset(db, person.user.email, { now: () => new Date(Date.now() - 61 * 60_000) });
    const mail = await smtp.waitFor((m) => smtp.to(person.user.email).includes(m));
    const token = linkIn(mail, "/reset-password").searchParams.get("token")!;
    const res = await api("POST /api/password-reset/confirm", {
      json: { token, password: "too late a passphrase" },
    });
    expectApiError(res, 410, "reset_token_gone");
  });

  it("a flood of reset requests for one email: 429 after five, for an address with or without an account", async () => {
    for (const email of [editor.user.email, uniqueEmail("ghost")]) {
      const statuses: number[] = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await api("POST /api/password-reset", { json: { email } })).status);
      expect(statuses).toEqual([202, 202, 202, 202, 202, 429]);
    }
  });

  it("a change rolled back enqueues nothing: no outbox row, no job", async () => {
    const { db } = getCtx();
    const jobs = async () => {
      const result = (await db.execute(
        sql`select count(*)::int as n from pgboss.job where name = ${JOB_QUEUES.sendEmail}`,
      )) as unknown;
      const rows = (Array.isArray(result) ? result : (result as { rows: unknown[] }).rows) as { n: number }[];
      return Number(rows[0].n);
    };
    const before = await jobs();
    const dedupeKey = `rolled-back:${Date.now()}`;
    await expect(
      db.transaction(async (tx) => {
        await queueEmail(tx, {
          ...passwordResetEmail({ resetUrl: `${ORIGIN}/x`, validMinutes: 60 }),
          kind: "passwordReset",
          to: "nobody@example.test",
          userId: null,
          teamId: null,
          dedupeKey,
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    expect(await db.select().from(outboxMessages).where(eq(outboxMessages.dedupeKey, dedupeKey))).toEqual([]);
    expect(await jobs()).toBe(before);
  });

  it("SMTP down: the request answers at once, the message is retried and the outbox says so; it goes once SMTP is back", async () => {
    const invitee = uniqueEmail("patient");
    smtp.refuse = true;
    const started = performance.now();
    const res = await api("POST /api/teams/{teamId}/invitations", {
      params: { teamId: team.id },
      token: owner.token,
      json: { email: invitee, role: "viewer" },
    });
    const elapsed = performance.now() - started;
    expect(res.status).toBe(201);
    expect(elapsed).toBeLessThan(1000);
    const [queued] = await getCtx().db.select().from(outboxMessages).where(eq(outboxMessages.to, invitee));
    const retrying = await waitForRow((r) => r.status === "retrying", queued.id);
    expect(retrying.attempts).toBeGreaterThanOrEqual(1);
    expect(retrying.lastError).toMatch(/451/);
    smtp.refuse = false;
    await smtp.waitFor((m) => smtp.to(invitee).includes(m));
    const sent = await waitForRow((r) => r.status === "sent", queued.id);
    expect(sent.attempts).toBeGreaterThanOrEqual(2);
    expect(smtp.to(invitee)).toHaveLength(1);
  });

  it("a job run twice (a retry after a crash, a second instance) sends once: only queued or retrying messages go", async () => {
    const { db } = getCtx();
    const id = await db.transaction((tx) =>
      queueEmail(tx, {
        ...passwordResetEmail({ resetUrl: `${ORIGIN}/reset-password?token=x`, validMinutes: 60 }),
        kind: "passwordReset",
        to: "twice@example.test",
        userId: null,
        teamId: null,
        dedupeKey: `twice:${Date.now()}`,
      }),
    );
    let sends = 0;
    const send = async () => {
      sends++;
      return "sent" as const;
    };
    await Promise.all([
      deliverOutboxMessage(db, id!, { send, lastAttempt: false }),
      deliverOutboxMessage(db, id!, { send, lastAttempt: false }),
    ]).catch(() => {});
    await deliverOutboxMessage(db, id!, { send, lastAttempt: false });
    // The queue's own worker may have taken it first; either way it went out once at most here.
    expect(sends).toBeLessThanOrEqual(1);
    const row = await outboxRow(id!);
    expect(row.status).toBe("sent");
    expect(row.attempts).toBe(1);
  });

  it("without SMTP_URL a message is written to the server log and kept as logged", async () => {
    const { db } = getCtx();
    const email = passwordResetEmail({ resetUrl: `${ORIGIN}/reset-password?token=logged`, validMinutes: 60 });
    // A row without a job, so that this test's call is the only delivery.
    const [{ id }] = await db
      .insert(outboxMessages)
      .values({
        ...email,
        text: "Reset your password",
        kind: "passwordReset",
        to: "logged@example.test",
        dedupeKey: `logged:${Date.now()}`,
      })
      .returning({ id: outboxMessages.id });
    const log = vi.spyOn(console, "info").mockImplementation(() => {});
    try {
      await deliverOutboxMessage(db, id, { send: mailSender(""), lastAttempt: false });
      expect(log).toHaveBeenCalledWith(
        expect.stringContaining("to logged@example.test: Reset your Cairn password"),
      );
    } finally {
      log.mockRestore();
    }
    expect(await outboxRow(id)).toMatchObject({ status: "logged", attempts: 1, lastError: null });
    expect(smtp.to("logged@example.test")).toEqual([]);
  });

  it("after the last attempt fails, the message is failed with the error, and not sent again", async () => {
    const { db } = getCtx();
    const [{ id }] = await db
      .insert(outboxMessages)
      .values({
        ...passwordResetEmail({ resetUrl: `${ORIGIN}/reset-password?token=doomed`, validMinutes: 60 }),
        text: "Reset your password",
        kind: "passwordReset",
        to: "doomed@example.test",
        dedupeKey: `doomed:${Date.now()}`,
      })
      .returning({ id: outboxMessages.id });
    const refuse = async (): Promise<"sent"> => {
      throw new Error("550 mailbox unavailable");
    };
    await expect(deliverOutboxMessage(db, id, { send: refuse, lastAttempt: false })).rejects.toThrow("550");
    expect(await outboxRow(id)).toMatchObject({ status: "retrying", attempts: 1 });
    await expect(deliverOutboxMessage(db, id, { send: refuse, lastAttempt: true })).rejects.toThrow("550");
    expect(await outboxRow(id)).toMatchObject({
      status: "failed",
      attempts: 2,
      lastError: "550 mailbox unavailable",
    });
    let sends = 0;
    await deliverOutboxMessage(db, id, { send: async () => (sends++, "sent"), lastAttempt: false });
    expect(sends).toBe(0);
  });

  it("the Delivery log: owners read the team's messages, newest first; others are refused", async () => {
    const res = await api("GET /api/teams/{teamId}/outbox", {
      params: { teamId: team.id },
      token: owner.token,
    });
    expect(res.status).toBe(200);
    expect(res.json.items.length).toBeGreaterThan(3);
    expect(res.json.items[0]).toMatchObject({
      kind: expect.any(String),
      status: expect.any(String),
      text: expect.any(String),
    });
    expect(res.json.items.every((m: { kind: string }) => m.kind !== "passwordReset")).toBe(true);
    expectApiError(
      await api("GET /api/teams/{teamId}/outbox", { params: { teamId: team.id }, token: editor.token }),
      403,
      "forbidden",
    );
  });

  it("notification settings: defaults, a partial PUT keeps the rest, bad input 400", async () => {
    const fresh = await createUser(getCtx().db, "settings");
    const got = await api("GET /api/account/notification-settings", { token: fresh.token });
    expect(got.json.settings).toEqual({
      email: {
        mention: true,
        reply: true,
        ownedItemChanged: true,
        reviewReminder: true,
        feedbackRound: true,
        digest: "weekly",
      },
      timeZone: "UTC",
      digestHour: 8,
    });
    const put = await api("PUT /api/account/notification-settings", {
      token: fresh.token,
      json: { email: { reply: false, digest: "daily" }, timeZone: "Europe/Berlin" },
    });
    expect(put.json.settings).toMatchObject({
      email: { reply: false, mention: true, digest: "daily" },
      timeZone: "Europe/Berlin",
      digestHour: 8,
    });
    for (const json of [
      { email: { reply: "no" } },
      { timeZone: "Mars/Olympus" },
      { digestHour: 24 },
      { email: { spam: true } },
    ]) {
      expectApiError(
        await api("PUT /api/account/notification-settings", { token: fresh.token, json }),
        400,
        "invalid_request",
      );
    }
  });
});
