import { createHmac } from "node:crypto";
import { startSmtpServer, type TestSmtpServer } from "../helpers/smtp";
import { createDatabase, startInstance, userWithToken, type AppInstance } from "./app-instances";
import { expect, expectAccessible, snapshot, test } from "./fixtures";

// Its own instance (on PostgreSQL) sending through a real SMTP server this spec starts, so that the
// email is read as a person would get it. E2E_RESET_PORT keeps parallel runs apart.
const INSTANCE_SECRET = "password-reset-spec-secret-0123456789abcdef";
const PORT = Number(process.env.E2E_RESET_PORT ?? Number(process.env.E2E_PORT ?? 3100) + 100);

test.describe("forgot password, by email", () => {
  test.describe.configure({ mode: "serial", timeout: 180_000 });
  let smtp: TestSmtpServer;
  let database: ReturnType<typeof createDatabase>;
  let app: AppInstance;

  test.beforeAll(async () => {
    smtp = await startSmtpServer();
    database = createDatabase();
    app = await startInstance(PORT, database.url, {
      SMTP_URL: smtp.url,
      MAIL_FROM: "Cairn <cairn@example.test>",
      AUTH_SECRET: INSTANCE_SECRET,
    });
  });

  test.afterAll(async () => {
    await app?.stop();
    database?.drop();
    await smtp?.close();
  });

  test("forgot password → the emailed link → a new password → signed in; the spent link says so", async ({
    page,
  }, testInfo) => {
    const email = `forgetful.${Date.now().toString(36)}@example.com`;
    const registered = await page.request.post(`${app.base}/api/register`, {
      data: { email, name: "Fay Forgetful", password: "the old long password" },
    });
    expect(registered.status()).toBe(201);

    await page.goto(`${app.base}/signin`);
    await page.getByRole("link", { name: "Forgot password?" }).click();
    await expect(page.getByRole("heading", { name: "Forgot your password?" })).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, "forgot-password");
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send me a reset link" }).click();
    await expect(page.getByText("Check your email")).toBeVisible();

    const mail = await smtp.waitFor((m) => smtp.to(email).includes(m), 30_000);
    expect(mail.subject).toBe("Reset your Cairn password");
    const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(mail.text ?? "")?.[0];
    expect(link, mail.text).toBeTruthy();
    expect(mail.html).toContain(link!.replace(/&/g, "&amp;"));

    await page.goto(link!);
    await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, "reset-password");
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("New password", { exact: true }).fill("a brand new passphrase");
    await page.getByLabel("New password again").fill("a brand new passphrase");
    await page.getByRole("button", { name: "Set new password" }).click();
    await page.waitForURL(/\/teams/);
    await expect(page.getByRole("button", { name: /Fay Forgetful/ })).toBeVisible();

    // The link is spent: opening it again and submitting says so, with a way to ask again.
    await page.goto(link!);
    await page.getByLabel("New password", { exact: true }).fill("yet another passphrase");
    await page.getByLabel("New password again").fill("yet another passphrase");
    await page.getByRole("button", { name: "Set new password" }).click();
    await expect(page.getByText("This link no longer works")).toBeVisible();
    await expect(page.getByRole("link", { name: "Ask for a new link" })).toBeVisible();
  });

  test("an owner's Delivery log lists the invitation sent; a member turns mention emails off in their settings and gets none", async ({
    page,
  }, testInfo) => {
    const email = `olga.${Date.now().toString(36)}@example.com`;
    const password = "an owner's long password";
    expect(
      (
        await page.request.post(`${app.base}/api/register`, { data: { email, name: "Olga Owner", password } })
      ).status(),
    ).toBe(201);
    await page.goto(`${app.base}/signin`);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await page.waitForURL((url) => !url.pathname.startsWith("/signin"));

    const json = { "content-type": "application/json" };
    const team = await (
      await page.request.post(`${app.base}/api/teams`, { data: { name: "Mail room" }, headers: json })
    ).json();
    const invitee = `ivy.${Date.now().toString(36)}@example.com`;
    const invited = await page.request.post(`${app.base}/api/teams/${team.team.id}/invitations`, {
      data: { email: invitee, role: "editor" },
      headers: json,
    });
    expect(invited.status()).toBe(201);
    await smtp.waitFor((m) => smtp.to(invitee).includes(m), 30_000);

    await page.goto(`${app.base}/teams/${team.team.slug}/settings`);
    const log = page.getByRole("region", { name: "Delivery log" });
    const subject = "Olga Owner invited you to Mail room on Cairn";
    await expect(log.getByText(subject)).toBeVisible();
    await expect(log.getByText("Sent", { exact: true })).toBeVisible();
    await log.getByText(subject).click();
    await expect(log.getByText(/Accept the invitation: http/)).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, "delivery-log");

    await page.goto(`${app.base}/account/notifications`);
    const mentions = page.getByRole("checkbox", { name: /Mentions/ });
    await expect(mentions).toBeChecked();
    await mentions.uncheck();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByRole("checkbox", { name: /Mentions/ })).not.toBeChecked();
    await page.getByLabel("Time zone").fill("Mars/Olympus");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText(/timeZone must be an IANA time zone/)).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, "notification-settings");

    // The link at the foot of a reply email, opened in a browser: it asks, then turns replies off.
    // Its token is HMAC-signed with the instance's AUTH_SECRET, as the server signs it.
    const me = await (await page.request.get(`${app.base}/api/me`)).json();
    const signed = createHmac("sha256", INSTANCE_SECRET)
      .update(`cairn-unsubscribe:${me.user.id}:reply`)
      .digest("base64url");
    await page.goto(`${app.base}/unsubscribe?token=${encodeURIComponent(`${me.user.id}.reply.${signed}`)}`);
    await expectAccessible(page);
    await snapshot(page, testInfo, "unsubscribe");
    await page.getByRole("button", { name: "Turn off reply emails" }).click();
    await expect(page.getByText("You will get no more reply emails.")).toBeVisible();
    const settings = await (await page.request.get(`${app.base}/api/account/notification-settings`)).json();
    expect(settings.settings.email).toMatchObject({ reply: false, mention: false });
    await page.goto(`${app.base}/unsubscribe?token=${encodeURIComponent(`${me.user.id}.reply.forged`)}`);
    await expect(page.getByText("This link is not one Cairn sent.")).toBeVisible();

    // Mentioned beside a member who kept mention emails on: that member gets one, Olga none, and
    // her Delivery log shows hers was suppressed (made, then not sent) rather than never made.
    const roadmap = await (
      await page.request.post(`${app.base}/api/teams/${team.team.id}/roadmaps`, {
        data: { title: "Quiet roadmap", startDate: "2027-01-04" },
        headers: json,
      })
    ).json();
    const item = await (
      await page.request.post(`${app.base}/api/roadmaps/${roadmap.roadmap.id}/items`, {
        data: { kind: "feature", title: "Much discussed", startDate: "2027-01-04", endDate: "2027-01-08" },
        headers: json,
      })
    ).json();
    const [mo, carl] = await Promise.all([
      userWithToken(app.base, "Mo Mentioner"),
      userWithToken(app.base, "Carl Control"),
    ]);
    const bearer = (token: string) => ({ ...json, authorization: `Bearer ${token}` });
    for (const member of [mo, carl]) {
      const { user } = await (await fetch(`${app.base}/api/me`, { headers: bearer(member.token) })).json();
      const invite = await (
        await page.request.post(`${app.base}/api/teams/${team.team.id}/invitations`, {
          data: { email: user.email, role: "commenter" },
          headers: json,
        })
      ).json();
      const accepted = await fetch(`${app.base}/api/invitations/accept`, {
        method: "POST",
        headers: bearer(member.token),
        body: JSON.stringify({ token: new URL(invite.acceptUrl).pathname.split("/").pop() }),
      });
      expect(accepted.status).toBe(200);
    }
    const commented = await fetch(`${app.base}/api/items/${item.item.id}/comments`, {
      method: "POST",
      headers: bearer(mo.token),
      body: JSON.stringify({ body: "@OlgaOwner @CarlControl can you both look at this?" }),
    });
    expect(commented.status).toBe(201);
    const mentioned = (m: { subject?: string }) =>
      m.subject === "Mo Mentioner mentioned you on “Much discussed” in Quiet roadmap";
    const { user: carlUser } = await (
      await fetch(`${app.base}/api/me`, { headers: bearer(carl.token) })
    ).json();
    await smtp.waitFor((m) => mentioned(m) && smtp.to(carlUser.email).includes(m), 30_000);
    const outbox = async () =>
      (await (await page.request.get(`${app.base}/api/teams/${team.team.id}/outbox?limit=50`)).json())
        .items as {
        to: string;
        subject: string;
        status: string;
      }[];
    await expect
      .poll(async () => (await outbox()).find((m) => m.to === email && mentioned(m))?.status, {
        timeout: 30_000,
      })
      .toBe("suppressed");
    expect(smtp.to(email).filter(mentioned)).toEqual([]);
  });
});
