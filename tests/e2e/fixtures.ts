import AxeBuilder from "@axe-core/playwright";
import {
  expect,
  test as base,
  type APIRequestContext,
  type Browser,
  type BrowserContext,
  type Page,
  type TestInfo,
} from "@playwright/test";

export interface TestUser {
  email: string;
  name: string;
  password: string;
}

let counter = 0;

/** A fresh user for this test, registered through the API (each test seeds its own people). */
export async function registerUser(request: APIRequestContext, name: string): Promise<TestUser> {
  const tag = `${name.toLowerCase().replace(/\W+/g, "")}.${process.pid}.${Date.now().toString(36)}.${counter++}`;
  const user = { email: `${tag}@example.com`, name, password: "a long enough password" };
  const res = await request.post("/api/register", { data: user });
  expect(res.status(), await res.text()).toBe(201);
  return user;
}

/** Signs the page's browser context in through Auth.js's credentials flow (no UI). */
export async function signInByApi(page: Page, user: TestUser): Promise<void> {
  const csrf = await page.request.get("/api/auth/csrf");
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const res = await page.request.post("/api/auth/callback/credentials", {
    form: { email: user.email, password: user.password, csrfToken, callbackUrl: "/" },
    maxRedirects: 0,
  });
  expect(res.status()).toBeLessThan(400);
  const cookies = await page.context().cookies();
  expect(cookies.some((c) => c.name.includes("session-token"))).toBe(true);
}

/** Calls the JSON API as the page's signed-in user. */
export async function api<T = unknown>(
  page: Page,
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE",
  path: string,
  data?: unknown,
  headers: Record<string, string> = {},
): Promise<{ status: number; json: T }> {
  // As the app's client does: every write says JSON, even without a body (cookie writes need it).
  const sent = method === "GET" ? headers : { "content-type": "application/json", ...headers };
  const res = await page.request.fetch(path, { method, data, headers: sent });
  const text = await res.text();
  return { status: res.status(), json: (text ? JSON.parse(text) : null) as T };
}

/**
 * A second person, in a browser context of their own, joined to the owner's team with a role
 * through an invitation. `close` ends their context.
 */
export async function joinTeam(browser: Browser, owner: Page, teamId: string, user: TestUser, role: string) {
  const { json: invite } = await api<{ acceptUrl: string }>(
    owner,
    "POST",
    `/api/teams/${teamId}/invitations`,
    { email: user.email, role },
  );
  const context = await browser.newContext();
  const page = await context.newPage();
  await signInByApi(page, user);
  const token = new URL(invite.acceptUrl).pathname.split("/").pop();
  expect((await api(page, "POST", "/api/invitations/accept", { token })).status).toBe(200);
  return { page, close: () => context.close() };
}

/** A roadmap item as the API answers it (the fields the tests read). */
export interface Item {
  id: string;
  title: string;
  startDate: string;
  endDate: string;
  version: number;
}

/** The timeline button of an item, found by the start of its accessible name ("Feature: Billing API, …"). */
export const itemButton = (page: Page, kind: string, title: string) =>
  page.locator(`[data-item-id][aria-label^="${kind}: ${title},"]`);

/** Fails on WCAG 2.x A/AA violations, listing each rule and the first offending element. */
/**
 * axe on the page, from its top: scrolled down, the sticky app header covers part of some controls,
 * which axe's target-size rule would count as targets too small.
 */
export async function expectAccessible(page: Page): Promise<void> {
  // After a client-side navigation Next streams the new page's <title> in a moment after its content.
  await expect(page).toHaveTitle(/\S/);
  await page.evaluate(() => window.scrollTo(0, 0));
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target.join(" ")})`);
  expect(summary, summary.join("\n")).toEqual([]);
}

const CSP_MESSAGE = /Content[- ]Security[- ]Policy/i;

/** Records every Content Security Policy violation any page of `context` reports (popups too). */
function watchCsp(context: BrowserContext, errors: string[]): void {
  context.on("console", (msg) => {
    if (CSP_MESSAGE.test(msg.text())) errors.push(`CSP violation on ${msg.page()?.url()}: ${msg.text()}`);
  });
}

/**
 * Every test fails if its page logs a console error or throws, or if any page the test opens, in
 * any browser context, reports a Content Security Policy violation (Chromium logs each one to the
 * console).
 */
export const test = base.extend<{ consoleErrors: string[] }>({
  consoleErrors: [
    async ({ page, browser }, use) => {
      const errors: string[] = [];
      watchCsp(page.context(), errors);
      // Contexts a test makes for other people (joinTeam, an outsider opening a share link).
      const newContext = browser.newContext;
      browser.newContext = async (...args) => {
        const context = await newContext.apply(browser, args);
        watchCsp(context, errors);
        return context;
      };
      page.on("console", (msg) => {
        // The browser logs every 4xx answer; the API's refusals are expected and shown in the page.
        if (msg.type() === "error" && !/status of 4\d\d/.test(msg.text()) && !CSP_MESSAGE.test(msg.text()))
          errors.push(msg.text());
      });
      page.on("pageerror", (err) => errors.push(err.message));
      await use(errors); // returns when the test ends, passed or failed
      browser.newContext = newContext;
      expect(errors, errors.join("\n")).toEqual([]);
    },
    { auto: true },
  ],
});

export { expect };

/**
 * Full-page screenshots at desktop and phone width, attached to the report for a person to look
 * at; nothing may stick out sideways on the phone.
 */
export async function snapshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  for (const [label, width, height] of [
    ["desktop", 1280, 900],
    ["mobile", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300); // charts measure their new width
    const path = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path, fullPage: true });
    await testInfo.attach(`${name}-${label}`, { path, contentType: "image/png" });
    if (label === "mobile") {
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow, `${name} is wider than the phone`).toBeLessThanOrEqual(0);
    }
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}
