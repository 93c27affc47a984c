import { expect, test } from "@playwright/test";
import type { ParsedMail } from "mailparser";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createDatabase, startInstance, userWithToken, type AppInstance } from "./app-instances";

/** The two instances' ports: E2E_MAIL_INSTANCE_PORTS=3213,3223 keeps parallel runs apart. */
const PORTS = (process.env.E2E_MAIL_INSTANCE_PORTS ?? "3331,3332").split(",").map(Number);
const NAMES = ["instance-a", "instance-b"] as const;

const call = async (base: string, token: string, method: string, path: string, body?: unknown) => {
  const res = await fetch(base + path, {
    method,
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, json: text ? JSON.parse(text) : null };
};

const until = async (what: string, done: () => boolean, timeoutMs: number) => {
  const deadline = Date.now() + timeoutMs;
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`Still waiting after ${timeoutMs} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
};

// Two production instances on one PostgreSQL database, each running the queue's workers and sending
// through one real SMTP server that this spec starts: every mention is mailed exactly once, whichever
// instance took the comment and whichever sends, and an instance killed mid-delivery loses nothing.
test.describe("mention emails from two app instances", () => {
  test.skip(!process.env.DATABASE_URL, "Needs PostgreSQL (DATABASE_URL): two instances share one database.");
  test.describe.configure({ mode: "serial", timeout: 360_000 });
  let smtp: TestSmtpServer;
  let database: ReturnType<typeof createDatabase>;
  const instances: AppInstance[] = [];
  // Each instance names itself in EHLO, so the server can tell who sent what.
  const start = (i: number) =>
    startInstance(PORTS[i], database.url, { SMTP_URL: `${smtp.url}/?name=${NAMES[i]}` });
  let owner: Awaited<ReturnType<typeof userWithToken>>;
  let teamId: string;
  let itemId: string;
  const recipients: { email: string; handle: string }[] = [];

  test.beforeAll(async () => {
    smtp = await startSmtpServer();
    database = createDatabase();
    // One at a time: both would otherwise race to apply the migrations.
    for (const i of [0, 1]) instances.push(await start(i));
    const [a, b] = instances;
    owner = await userWithToken(a.base, "Olga Owner");
    teamId = (await call(a.base, owner.token, "POST", "/api/teams", { name: "Mail room" })).json.team.id;
    for (const name of ["Priya Shah", "Quinn Reyes"]) {
      const member = await userWithToken(b.base, name);
      const me = (await call(b.base, member.token, "GET", "/api/me")).json.user;
      const invite = await call(a.base, owner.token, "POST", `/api/teams/${teamId}/invitations`, {
        email: me.email,
        role: "commenter",
      });
      const accepted = await call(b.base, member.token, "POST", "/api/invitations/accept", {
        token: new URL(invite.json.acceptUrl).pathname.split("/").pop(),
      });
      expect(accepted.status).toBe(200);
      recipients.push({ email: me.email, handle: `@${name.replace(" ", "")}` });
    }
    const roadmap = (
      await call(a.base, owner.token, "POST", `/api/teams/${teamId}/roadmaps`, {
        title: "Busy roadmap",
        startDate: "2027-01-04",
      })
    ).json.roadmap;
    itemId = (
      await call(b.base, owner.token, "POST", `/api/roadmaps/${roadmap.id}/items`, {
        kind: "feature",
        title: "Talked-about feature",
        startDate: "2027-01-04",
        endDate: "2027-01-08",
      })
    ).json.item.id;
  });

  test.afterAll(async () => {
    await Promise.all(instances.map((instance) => instance.stop()));
    database?.drop();
    await smtp?.close();
  });

  /** Note n mentions recipient n % 2, posted through instance (n >> 1) % 2: both cross over. */
  const mention = async (n: number, through = instances[(n >> 1) % 2]) => {
    const { handle } = recipients[n % 2];
    const res = await call(through.base, owner.token, "POST", `/api/items/${itemId}/comments`, {
      body: `${handle} note ${n}`,
    });
    expect(res.status).toBe(201);
  };
  const mentionMails = () => smtp.received.filter((m) => /mentioned you/.test(m.subject ?? ""));
  const noteOf = (m: ParsedMail) => Number(/note (\d+)/.exec(m.text ?? "")?.[1]);

  /** Exactly one email per note, to the member that note mentions, and no Message-ID twice. */
  const expectEachOnce = (notes: number) => {
    const mails = mentionMails();
    expect(new Set(mails.map((m) => m.messageId)).size).toBe(mails.length);
    expect(mails.map(noteOf).sort((x, y) => x - y)).toEqual([...Array(notes).keys()]);
    for (const mail of mails) expect(smtp.to(recipients[noteOf(mail) % 2].email)).toContain(mail);
  };

  test("100 mentions through both instances → 100 emails, none twice, sent by both", async () => {
    for (let n = 0; n < 100; n += 4) await Promise.all([0, 1, 2, 3].map((k) => mention(n + k)));
    await until("100 mention emails", () => mentionMails().length >= 100, 120_000);
    await new Promise((r) => setTimeout(r, 3_000)); // a duplicate would arrive about now
    expectEachOnce(100);
    const senders = new Set(mentionMails().map((m) => smtp.senderOf(m)));
    expect([...senders].sort()).toEqual([...NAMES]);
  });

  test("an instance killed (SIGKILL) mid-delivery and started again: none lost, none twice", async () => {
    smtp.delayMs = 300; // mail keeps flowing while the kill lands
    for (let n = 100; n < 160; n += 4) await Promise.all([0, 1, 2, 3].map((k) => mention(n + k)));
    // Killed while its worker holds a claimed message in an open SMTP session.
    await until(
      "instance A in the middle of a delivery",
      () => mentionMails().length >= 110 && smtp.inFlight(NAMES[0]) > 0,
      120_000,
    );
    await instances[0].kill();
    const atKill = mentionMails().length;
    // More mentions through instance B meanwhile.
    for (let n = 160; n < 170; n++) await mention(n, instances[1]);
    instances[0] = await start(0);
    smtp.delayMs = 0;
    // The killed instance's job comes back when it expires (60 s) and the queue's maintenance sees it.
    await until("170 mention emails after the restart", () => mentionMails().length >= 170, 240_000);
    await new Promise((r) => setTimeout(r, 3_000));
    expect(atKill).toBeLessThan(160); // the kill landed while mail was still flowing
    expectEachOnce(170);

    // The message instance A held when it died was claimed once by it, and sent by a second attempt.
    const log: { subject: string; status: string; attempts: number }[] = [];
    let cursor: string | null = null;
    do {
      const page = await call(
        instances[1].base,
        owner.token,
        "GET",
        `/api/teams/${teamId}/outbox?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`,
      );
      log.push(...page.json.items);
      cursor = page.json.nextCursor;
    } while (cursor);
    const mentions = log.filter((m) => /mentioned you/.test(m.subject));
    expect(mentions).toHaveLength(170);
    expect(mentions.every((m) => m.status === "sent")).toBe(true);
    expect(mentions.filter((m) => m.attempts > 1).length).toBeGreaterThanOrEqual(1);
  });
});
