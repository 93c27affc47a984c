import { expect, expectAccessible, registerUser, signInByApi, snapshot, test } from "./fixtures";

test("email settings: every kind a member can turn off, and the digest's frequency, hour and time zone, kept after a reload", async ({
  page,
}, testInfo) => {
  const me = await registerUser(page.request, "Dana Digest");
  await signInByApi(page, me);
  await page.goto("/account/notifications");
  for (const kind of [
    "Mentions",
    "Replies",
    "Changes to items you own",
    "Review reminders",
    "Feedback rounds",
  ])
    await expect(page.getByRole("checkbox", { name: new RegExp(kind) })).toBeChecked();
  const digest = page.getByRole("combobox", { name: "Digest" });
  await expect(digest).toHaveAccessibleDescription("Weekly on Mondays; only with news");
  await page.getByRole("checkbox", { name: /Changes to items you own/ }).uncheck();
  await digest.selectOption("daily");
  await page.getByRole("spinbutton", { name: "Hour" }).fill("7");
  await page.getByLabel("Time zone").fill("Asia/Tokyo");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByRole("checkbox", { name: /Changes to items you own/ })).not.toBeChecked();
  await expect(page.getByRole("combobox", { name: "Digest" })).toHaveValue("daily");
  await expect(page.getByRole("spinbutton", { name: "Hour" })).toHaveValue("7");
  await expect(page.getByLabel("Time zone")).toHaveValue("Asia/Tokyo");
  await expectAccessible(page);
  await snapshot(page, testInfo, "email-settings");
});
