import { DEMO_MEMBERS } from "../../lib/demo/data";
import { DEMO_INVITEE } from "../../lib/demo/delivery";
import { DEMO_LOGIN } from "../../lib/demo/login";
import { expect, expectAccessible, signInByApi, snapshot, test } from "./fixtures";

// The demo from its first start (lib/demo/delivery.ts): the owner's Delivery log already lists
// what an embedded instance would have mailed, and the members' email settings differ.

test("the demo team's Delivery log lists an invitation, a mention, review reminders and a reply turned off", async ({
  page,
}, testInfo) => {
  await signInByApi(page, { ...DEMO_LOGIN, name: "Demo owner" });
  await page.goto("/teams/northwind/settings");
  const log = page.getByRole("region", { name: "Delivery log" });
  const invitation = log.getByText("Dana Okafor invited you to Northwind Payments on Cairn");
  await expect(invitation).toBeVisible();
  await expect(log.getByText(/mentioned you on/)).toBeVisible();
  const messages = log.getByRole("list", { name: "Messages" }).getByRole("listitem");
  await expect(messages).toHaveCount(5);
  await expect(
    messages.filter({ hasText: "The engineering review of Payments platform 2027 is due today" }),
  ).toHaveCount(2);
  await expect(messages.filter({ hasText: "Turned off by recipient" })).toHaveCount(1);
  await expect(messages.filter({ hasText: "Logged (no SMTP)" })).toHaveCount(4);
  await invitation.click();
  await expect(log.getByText(/Accept the invitation: http\S+\/invite\/inv_/)).toBeVisible();
  await expect(page.getByText(DEMO_INVITEE).first()).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "demo-delivery-log");
});

test("demo members' email settings: the owner's time zone, the commenter's replies off", async ({
  page,
}, testInfo) => {
  const marcus = DEMO_MEMBERS[2];
  await signInByApi(page, { email: marcus.email, password: DEMO_LOGIN.password, name: marcus.name });
  await page.goto("/account/notifications");
  await expect(page.getByRole("checkbox", { name: /Replies/ })).not.toBeChecked();
  await expect(page.getByRole("checkbox", { name: /Mentions/ })).toBeChecked();
  await expect(page.getByLabel("Time zone")).toHaveValue("Europe/Stockholm");
  await expectAccessible(page);
  await snapshot(page, testInfo, "demo-notification-settings");
});
