import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook as Verifier } from "standardwebhooks";
import { DEMO_LOGIN } from "../../lib/demo/login";
import {
  api,
  expect,
  expectAccessible,
  joinTeam,
  registerUser,
  signInByApi,
  snapshot,
  test,
} from "./fixtures";

// An owner adds a webhook in team Settings pointing at a real receiver this spec starts on
// 127.0.0.1 (the e2e server runs with CAIRN_WEBHOOK_ALLOW_PRIVATE=1), copies the secret shown
// once, sends a test event and reads the attempt in the page's delivery log.

async function startReceiver() {
  const received: { headers: IncomingMessage["headers"]; body: string }[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      received.push({ headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
      res.writeHead(200, { "content-type": "text/plain" }).end("thanks");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/cairn`,
    received,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

test("an owner adds a signed webhook, sees its secret once, sends a test event and reads it in the delivery log", async ({
  page,
  browser,
}, testInfo) => {
  test.slow(); // a worker delivers the event; two screenshots at two widths
  const receiver = await startReceiver();
  try {
    const owner = await registerUser(page.request, "Wanda Webhook");
    await signInByApi(page, owner);
    const { json: created } = await api<{ team: { id: string; slug: string } }>(page, "POST", "/api/teams", {
      name: "Hook shop",
    });
    await page.goto(`/teams/${created.team.slug}/settings`);
    const card = page.getByRole("region", { name: "Webhooks" });
    await expect(card.getByText("No webhooks yet.")).toBeVisible();

    // A non-http address is refused by the server, and the page says so under the field.
    await card.getByRole("button", { name: "Add webhook" }).click();
    const form = card.getByRole("form", { name: "Add a webhook" });
    await form.getByLabel("URL").fill("ftp://files.example.com/drop");
    await form.getByRole("button", { name: "Add webhook" }).click();
    await expect(form.getByText("url must be an http or https address.")).toBeVisible();
    await expect(form.getByLabel("URL")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await snapshot(page, testInfo, "webhook-form-error");

    // Choosing kinds one by one: "All events" first has to be unticked.
    await form.getByRole("checkbox", { name: /All events/ }).uncheck();
    await form.getByRole("checkbox", { name: "Item created" }).check();
    await form.getByRole("checkbox", { name: "Gate decided" }).check();
    await form.getByLabel("URL").fill(receiver.url);
    await form.getByLabel("Description").fill("Release bot");
    await form.getByRole("button", { name: "Add webhook" }).click();

    const secretBox = card.getByRole("textbox", { name: "Signing secret" });
    await expect(secretBox).toBeVisible();
    const secret = await secretBox.inputValue();
    expect(secret).toMatch(/^whsec_/);
    await expectAccessible(page);
    await snapshot(page, testInfo, "webhook-secret");
    await card.getByRole("button", { name: "Done" }).click();
    await expect(secretBox).toHaveCount(0);

    const row = card.getByRole("listitem").filter({ hasText: receiver.url });
    await expect(row.getByText("Item created, Gate decided")).toBeVisible();
    await expect(row.getByText("On", { exact: true })).toBeVisible();
    // The secret is not in the list (nor anywhere on the page) any more.
    await expect(page.getByText(secret)).toHaveCount(0);

    await row.getByRole("button", { name: /Send test event/ }).click();
    await expect(
      row.getByRole("status").filter({ hasText: /Test event delivered: HTTP 200 in \d+ ms/ }),
    ).toBeVisible({
      timeout: 30_000,
    });
    expect(receiver.received).toHaveLength(1);
    const [request] = receiver.received;
    const payload = new Verifier(secret).verify(request.body, request.headers as Record<string, string>);
    expect(payload).toMatchObject({ type: "webhook.test", data: { teamId: created.team.id } });

    const log = row.getByRole("list", { name: "Delivery log" });
    await expect(log.getByText("Test event from Cairn")).toBeVisible();
    await expect(log.getByText("Delivered")).toBeVisible();
    await expect(log.getByText("HTTP 200")).toBeVisible();
    await expectAccessible(page);
    await snapshot(page, testInfo, "webhook-delivery-log");

    // Off and on again; then deleted after a confirmation.
    await row.getByRole("button", { name: /Turn off/ }).click();
    await expect(row.getByText("Turned off", { exact: true })).toBeVisible();
    await row.getByRole("button", { name: /Turn on/ }).click();
    await expect(row.getByText("On", { exact: true })).toBeVisible();

    // An editor of the team sees no webhooks (owners only) and the API refuses them.
    const editor = await registerUser(page.request, "Eddie Editor");
    const other = await joinTeam(browser, page, created.team.id, editor, "editor");
    await other.page.goto(`/teams/${created.team.slug}/settings`);
    await expect(other.page.getByRole("heading", { name: "Settings" })).toBeVisible();
    await expect(other.page.getByRole("region", { name: "Webhooks" })).toHaveCount(0);
    expect((await api(other.page, "GET", `/api/teams/${created.team.id}/webhooks`)).status).toBe(403);
    await other.close();

    await row.getByRole("button", { name: /^Delete/ }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Delete webhook" }).click();
    await expect(card.getByText("No webhooks yet.")).toBeVisible();
  } finally {
    await receiver.close();
  }
});

test("the demo team's settings show its webhook turned off after failing, and the failed attempts in its log", async ({
  page,
}, testInfo) => {
  await signInByApi(page, { ...DEMO_LOGIN, name: "Demo owner" });
  await page.goto("/teams/northwind/settings");
  const row = page.getByRole("region", { name: "Webhooks" }).getByRole("listitem").first();
  await expect(row.getByText("Turned off: failing")).toBeVisible();
  await expect(row.getByText(/turned it off after a day of failed deliveries/)).toBeVisible();
  await row.getByRole("button", { name: /Delivery log/ }).click();
  const log = row.getByRole("list", { name: "Delivery log" });
  await expect(log.getByText("Gate decided")).toBeVisible();
  await expect(log.getByText("Gave up")).toHaveCount(2);
  await expect(log.getByText(/ENOTFOUND/).first()).toBeVisible();
  // A day of retries is a dozen attempts: the latest three show, the rest on demand.
  const gate = log.getByRole("listitem").filter({ hasText: "Gate decided" });
  await expect(gate.getByRole("list", { name: "Attempts" }).getByRole("listitem")).toHaveCount(3);
  await gate.getByRole("button", { name: /Show all \d+ attempts/ }).click();
  await expect(gate.getByText("#1", { exact: true })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "demo-webhook");
});
