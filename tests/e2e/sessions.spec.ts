import type { Browser, Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  registerUser,
  signInByApi,
  snapshot,
  test,
  type TestUser,
} from "./fixtures";

/** A second browser (its own cookies) signed in as the user, on the API tokens page. */
async function otherBrowser(browser: Browser, user: TestUser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByApi(page, user);
  await page.goto("/account/tokens");
  await expect(page.getByRole("heading", { name: "API tokens", exact: true })).toBeVisible();
  return { page, close: () => context.close() };
}

async function openPasswordPage(page: Page) {
  await page.getByRole("button", { name: /Account menu/ }).click();
  await page.getByRole("menuitem", { name: "Password and sessions" }).click();
  await expect(page).toHaveURL(/\/account\/security$/);
  await expect(page.getByRole("heading", { name: "Password and sessions" })).toBeVisible();
}

const expectSignInPage = (page: Page) =>
  expect(page.getByRole("heading", { name: "Sign in to Cairn" })).toBeVisible();

test.describe("sessions: password change and sign out everywhere", () => {
  test("changing the password in one browser signs the other out on its next action; the new password works", async ({
    page,
    browser,
  }, testInfo) => {
    test.slow(); // two browsers, six form submissions and four screenshots
    const user = await registerUser(page.request, "Pat Password");
    await signInByApi(page, user);
    await page.goto("/teams");
    const other = await otherBrowser(browser, user);

    await openPasswordPage(page);
    await expectAccessible(page);

    // Mistakes are shown in the page, next to the field they are about.
    await page.getByLabel("Current password").fill("not my password at all");
    await page.getByLabel("New password", { exact: true }).fill("short");
    await page.getByLabel("New password again").fill("short");
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password must be at least 10 characters.")).toBeVisible();

    const newPassword = "a completely new passphrase";
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("New password again").fill(`${newPassword}!`);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("The two new passwords differ.")).toBeVisible();

    await page.getByLabel("New password again").fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText(/current password is not right/)).toBeVisible();
    await expect(page.getByLabel("Current password")).toHaveAttribute("aria-invalid", "true");
    await expectAccessible(page);
    await snapshot(page, testInfo, "password-page-error");

    await page.getByLabel("Current password").fill(user.password);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByText("Password changed")).toBeVisible();
    await expect(page.getByLabel("Current password")).toHaveValue("");
    await snapshot(page, testInfo, "password-page-changed");

    // This browser stays signed in (its cookie was re-issued) ...
    await page.reload();
    await expect(page.getByRole("heading", { name: "Password and sessions" })).toBeVisible();
    expect((await api(page, "GET", "/api/me")).status).toBe(200);

    // ... the other one is signed out on its next action: an API call from the page it has open
    // (401, handled as a sign-out) ...
    await other.page.getByLabel("Name").fill("After the change");
    await other.page.getByRole("button", { name: "Create token" }).click();
    await expect(other.page).toHaveURL(/\/signin\?callbackUrl=%2Faccount%2Ftokens/);
    await expectSignInPage(other.page);
    // ... or a page load.
    await other.page.goto("/teams");
    await expect(other.page).toHaveURL(/\/signin/);
    await expectSignInPage(other.page);

    // The old password no longer signs in; the new one does, back to where it was.
    await other.page.getByLabel("Email").fill(user.email);
    await other.page.getByLabel("Password").fill(user.password);
    await other.page.getByRole("button", { name: "Sign in" }).click();
    await expect(other.page.getByText("Email or password is incorrect.")).toBeVisible();
    await other.page.getByLabel("Password").fill(newPassword);
    await other.page.getByRole("button", { name: "Sign in" }).click();
    await expect(other.page).toHaveURL(/\/teams$/);
    await other.close();
  });

  test("sign out everywhere ends this browser's session and the others'", async ({ page, browser }) => {
    test.slow(); // two browsers
    const user = await registerUser(page.request, "Sam Everywhere");
    await signInByApi(page, user);
    await page.goto("/account/security");
    const other = await otherBrowser(browser, user);

    await page.getByRole("button", { name: "Sign out everywhere" }).click();
    const dialog = page.getByRole("dialog", { name: "Sign out everywhere?" });
    await expect(dialog).toBeVisible();
    await expectAccessible(page);
    await dialog.getByRole("button", { name: "Sign out everywhere" }).click();
    await expect(page).toHaveURL(/\/signin$/);
    await expectSignInPage(page);
    expect((await api(page, "GET", "/api/me")).status).toBe(401);

    await other.page.reload();
    await expect(other.page).toHaveURL(/\/signin\?callbackUrl=%2Faccount%2Ftokens/);
    await other.close();

    // Signing in again works.
    await signInByApi(page, user);
    expect((await api(page, "GET", "/api/me")).status).toBe(200);
  });
});

test.describe("tokens: scopes and last use", () => {
  test("a read-only token reads, is refused writes, and its last use shows on the tokens page", async ({
    page,
    playwright,
  }, testInfo) => {
    const user = await registerUser(page.request, "Tia Tokens");
    await signInByApi(page, user);
    await page.goto("/account/tokens");

    await page.getByLabel("Name").fill("Dashboard export");
    await page.getByRole("radio", { name: /Read only/ }).check();
    await page.getByRole("button", { name: "Create token" }).click();
    const secret = await page.getByLabel("API token").inputValue();
    expect(secret).toMatch(/^cairn_/);
    await page.getByRole("button", { name: "Done" }).click();
    const row = page.getByRole("row").filter({ hasText: "Dashboard export" });
    await expect(row.getByText("Read only")).toBeVisible();
    const lastUsed = row.getByRole("cell").nth(2); // Token, Created, Last used, Expires
    await expect(lastUsed).toHaveText("Never");

    const script = await playwright.request.newContext({
      baseURL: testInfo.project.use.baseURL,
      extraHTTPHeaders: { authorization: `Bearer ${secret}` },
    });
    expect((await script.get("/api/teams")).status()).toBe(200);
    const write = await script.post("/api/teams", { data: { name: "From a reader" } });
    expect(write.status()).toBe(403);
    expect(((await write.json()) as { error: { code: string } }).error.code).toBe("insufficient_scope");
    const mint = await script.post("/api/tokens", { data: { name: "copy" } });
    expect(((await mint.json()) as { error: { code: string } }).error.code).toBe("session_required");
    await script.dispose();

    await page.reload();
    await expect(lastUsed).toHaveText(/\d/);
    await expectAccessible(page);
    await snapshot(page, testInfo, "tokens-page");
  });
});

test.describe("malformed cookies", () => {
  test("a broken session cookie is a signed-out visitor: pages ask to sign in, the API says 401", async ({
    page,
  }, testInfo) => {
    const base = new URL(testInfo.project.use.baseURL!);
    for (const value of ["%E0%A4%A", "garbage.jwt.with.five.parts", "x".repeat(3000)]) {
      await page.context().clearCookies();
      await page
        .context()
        .addCookies([{ name: "authjs.session-token", value, domain: base.hostname, path: "/" }]);
      const res = await page.goto("/teams");
      expect(res?.status()).toBe(200);
      await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fteams/);
      await expectSignInPage(page);
      expect((await page.goto("/"))?.status()).toBe(200);
      expect((await api(page, "GET", "/api/me")).status).toBe(401);
      expect((await page.request.get("/api/auth/session")).status()).toBeLessThan(500);
    }
  });
});
