import type { Browser, Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  itemButton,
  joinTeam,
  registerUser,
  signInByApi,
  test,
  type Item,
} from "./fixtures";

/** The item side panel. */
const itemPanel = (page: Page) => page.locator("aside[aria-labelledby]");
const presenceList = (page: Page) => page.getByRole("list", { name: "People on this roadmap now" });

/** A team of a product manager (owner) and an engineer (editor) with a one-feature roadmap. */
async function setUp(page: Page, browser: Browser) {
  const pm = await registerUser(page.request, "Paula Product");
  const engineer = await registerUser(page.request, "Evan Engineer");
  await signInByApi(page, pm);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Live ${Date.now().toString(36)}`,
  });
  const { json: roadmapAnswer } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${created.team.id}/roadmaps`,
    { title: "Shared plan", startDate: "2027-01-04", horizonMonths: 12 },
  );
  const roadmapId = roadmapAnswer.roadmap.id;
  const { json: lane } = await api<{ workstream: { id: string } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/workstreams`,
    {
      name: "Core",
    },
  );
  const { json: featureAnswer } = await api<{ item: Item }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/items`,
    {
      kind: "feature",
      title: "Billing API",
      startDate: "2027-01-04",
      endDate: "2027-01-15",
      workstreamId: lane.workstream.id,
    },
  );

  const { page: other, close } = await joinTeam(browser, page, created.team.id, engineer, "editor");
  return { pm, engineer, roadmapId, feature: featureAnswer.item, other, close };
}

/** Waits until the page's event stream is connected. */
async function waitLive(page: Page) {
  await expect(page.getByRole("status").filter({ hasText: /^Live$/ })).toBeVisible();
}

test("two people on one roadmap: moves and new milestones appear live, presence follows, a stale edit is shown as a conflict", async ({
  page,
  browser,
}) => {
  const { pm, engineer, roadmapId, feature, other, close } = await setUp(page, browser);
  const errors: string[] = [];
  other.on("pageerror", (e) => errors.push(e.message));

  await page.goto(`/roadmaps/${roadmapId}`);
  await other.goto(`/roadmaps/${roadmapId}`);
  await waitLive(page);
  await waitLive(other);

  // Each sees the other in the presence list.
  await expect(presenceList(page).getByText(`${engineer.name}, viewing`)).toBeAttached();
  await expect(presenceList(other).getByText(`${pm.name}, viewing`)).toBeAttached();
  await expectAccessible(page);

  // The product manager moves the feature a week later with the keyboard...
  const bar = itemButton(page, "Feature", "Billing API");
  await bar.focus();
  const moved = page.waitForResponse(
    (r) => r.url().includes(`/api/items/${feature.id}`) && r.request().method() === "PATCH",
  );
  await page.keyboard.press("Alt+Shift+ArrowRight");
  expect((await moved).status()).toBe(200);
  // ...and the engineer sees it within a second, without reloading.
  await expect(itemButton(other, "Feature", "Billing API")).toHaveAttribute(
    "aria-label",
    /Jan 11.*Jan 22|11 Jan.*22 Jan/,
    {
      timeout: 1_000,
    },
  );

  // A milestone added through the panel appears on the other screen too.
  await page.getByRole("button", { name: "Add item" }).click();
  await page
    .locator("label")
    .filter({ has: page.getByRole("radio", { name: "Milestone" }) })
    .click();
  const panel = itemPanel(page);
  await panel.getByLabel("Title", { exact: true }).fill("Beta live");
  await panel.getByLabel("Lane", { exact: true }).selectOption({ label: "Core" });
  await panel.getByLabel("Date", { exact: true }).fill("2027-02-05");
  await panel.getByLabel("Outcome", { exact: true }).fill("Ten pilot merchants take payments");
  const added = page.waitForResponse(
    (r) => r.url().endsWith(`/api/roadmaps/${roadmapId}/items`) && r.request().method() === "POST",
  );
  await page.getByRole("button", { name: "Add milestone" }).click();
  expect((await added).status()).toBe(201);
  await expect(itemButton(other, "Milestone", "Beta live")).toBeVisible({ timeout: 1_000 });
  await page.keyboard.press("Escape");

  // The engineer opens the feature: the product manager sees who is editing it.
  await itemButton(other, "Feature", "Billing API").click();
  await other.keyboard.press("Enter");
  const otherPanel = itemPanel(other);
  await expect(otherPanel.getByLabel("Title", { exact: true })).toHaveValue("Billing API");
  await expect(itemButton(page, "Feature", "Billing API")).toHaveAttribute(
    "aria-label",
    new RegExp(`Being edited by ${engineer.name}`),
  );

  // Both change the title; the product manager saves first.
  await otherPanel.getByLabel("Title", { exact: true }).fill("Billing API v2");
  await itemButton(page, "Feature", "Billing API").click();
  await page.keyboard.press("Enter");
  await itemPanel(page).getByLabel("Title", { exact: true }).fill("Billing service");
  await page.getByRole("button", { name: "Save changes" }).click();
  await expect(itemButton(page, "Feature", "Billing service")).toBeVisible();

  // The engineer's typing is kept, and the conflict says what changed.
  await expect(other.getByText("Someone else changed this item while you were editing")).toBeVisible();
  await expect(otherPanel.getByText(new RegExp(`Changed by ${pm.name}.*title`))).toBeVisible();
  await expect(otherPanel.getByLabel("Title", { exact: true })).toHaveValue("Billing API v2");
  await expectAccessible(other);
  await other.getByRole("button", { name: "Apply my change again" }).click();
  await expect(itemButton(page, "Feature", "Billing API v2")).toBeVisible({ timeout: 2_000 });
  const { json: after } = await api<{ item: Item }>(page, "GET", `/api/items/${feature.id}`);
  expect(after.item.title).toBe("Billing API v2");

  // When the engineer leaves, the product manager's presence list drops them within seconds.
  await close();
  await expect(presenceList(page).getByText(engineer.name, { exact: false })).toHaveCount(0, {
    timeout: 5_000,
  });
  expect(errors).toEqual([]);
});

test("a stale write through the API is refused with 412 and the current item, and the page shows the newer state", async ({
  page,
  browser,
}) => {
  const { roadmapId, feature, other, close } = await setUp(page, browser);
  await other.goto(`/roadmaps/${roadmapId}`);
  await waitLive(other);
  const first = await api<{ item: Item }>(
    page,
    "PATCH",
    `/api/items/${feature.id}`,
    { title: "First writer" },
    { "if-match": `"${feature.version}"` },
  );
  expect(first.status).toBe(200);
  const stale = await api<{ error: { code: string }; current: Item }>(
    page,
    "PATCH",
    `/api/items/${feature.id}`,
    { title: "Second writer" },
    { "if-match": `"${feature.version}"` },
  );
  expect(stale.status).toBe(412);
  expect(stale.json.error.code).toBe("version_mismatch");
  expect(stale.json.current.title).toBe("First writer");
  await expect(itemButton(other, "Feature", "First writer")).toBeVisible({ timeout: 1_000 });
  await close();
});
