import type { Page, TestInfo } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  joinTeam,
  registerUser,
  signInByApi,
  test,
  type Item,
} from "./fixtures";

// Each test seeds dozens of changes through the API first.
test.describe.configure({ timeout: 120_000 });

const planDate = (iso: string) =>
  new Intl.DateTimeFormat("en-US", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));

/** Screenshots at desktop and phone width, attached to the report for a person to look at. */
async function snapshot(page: Page, testInfo: TestInfo, name: string, before?: () => Promise<void>) {
  for (const [label, width, height] of [
    ["desktop", 1280, 800],
    ["mobile", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await before?.();
    const path = testInfo.outputPath(`${name}-${label}.png`);
    await page.screenshot({ path });
    await testInfo.attach(`${name}-${label}`, { path, contentType: "image/png" });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}

/** A team of the page's user with a roadmap; returns their ids. */
async function teamWithRoadmap(page: Page, title: string) {
  const { json: created } = await api<{ team: { id: string; slug: string } }>(page, "POST", "/api/teams", {
    name: `Collab ${Date.now().toString(36)}`,
  });
  const { status, json } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${created.team.id}/roadmaps`,
    { title, startDate: "2027-01-04" },
  );
  expect(status).toBe(201);
  return { team: created.team, roadmapId: json.roadmap.id };
}

async function createItem(page: Page, roadmapId: string, body: Record<string, unknown>): Promise<Item> {
  const res = await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, body);
  expect(res.status).toBe(201);
  return res.json.item;
}

async function patchItem(page: Page, item: Item, patch: Record<string, unknown>): Promise<Item> {
  const res = await api<{ item: Item }>(page, "PATCH", `/api/items/${item.id}`, patch, {
    "if-match": `"${item.version}"`,
  });
  expect(res.status).toBe(200);
  return res.json.item;
}

test("a mention and a change to my item reach the bell; following one opens the item; mark all read clears the count", async ({
  page,
  browser,
}, testInfo) => {
  const owner = await registerUser(page.request, "Ada Owner");
  await signInByApi(page, owner);
  const { json: me } = await api<{ user: { id: string } }>(page, "GET", "/api/me");
  const { team, roadmapId } = await teamWithRoadmap(page, "Payments platform 2027");
  const item = await createItem(page, roadmapId, {
    kind: "feature",
    title: "Checkout GA",
    startDate: "2027-03-01",
    endDate: "2027-03-12",
    ownerId: me.user.id,
  });

  const colleague = await registerUser(page.request, "Bea Editor");
  const other = await joinTeam(browser, page, team.id, colleague, "editor");
  const comment = await api(other.page, "POST", `/api/items/${item.id}/comments`, {
    body: `@${owner.email} please check`,
  });
  expect(comment.status).toBe(201);
  await patchItem(other.page, item, { startDate: "2027-03-08", endDate: "2027-03-19", status: "at_risk" });
  await other.close();

  await page.goto(`/teams/${team.slug}`);
  const bell = page.getByRole("button", { name: "Notifications, 2 unread" });
  await expect(bell).toBeVisible();

  // The popover: a labelled dialog; Escape closes it and gives focus back to the bell.
  await bell.click();
  const popover = page.getByRole("dialog", { name: "Notifications" });
  await expect(popover).toBeVisible();
  const mention = popover.getByRole("link", {
    name: /^Unread: Bea Editor mentioned you on ‘Checkout GA’ in Payments platform 2027/,
  });
  await expect(mention).toContainText("please check");
  await expect(
    popover.getByRole("link", {
      name: /^Unread: Bea Editor changed the dates and status of your item ‘Checkout GA’ in Payments platform 2027/,
    }),
  ).toBeVisible();
  await expect(popover.getByRole("status")).toHaveText("2 unread");
  await snapshot(page, testInfo, "bell-popover", async () => {
    if (!(await popover.isVisible())) await page.getByRole("button", { name: /^Notifications/ }).click();
    await expect(popover).toBeVisible();
  });
  await page.keyboard.press("Escape");
  await expect(popover).toBeHidden();
  await expect(bell).toBeFocused();

  // Keyboard: Enter opens it with focus inside; following the mention opens the roadmap with the item.
  await page.keyboard.press("Enter");
  await expect(popover).toBeFocused();
  await mention.click();
  await expect(page).toHaveURL(new RegExp(`/roadmaps/${roadmapId}\\?item=${item.id}$`));
  await expect(popover).toBeHidden();
  // The timeline opens the item's panel, which takes focus.
  await expect(page.getByRole("heading", { name: "Feature: Checkout GA" })).toBeFocused();
  await expect(page.getByRole("button", { name: "Notifications, 1 unread" })).toBeVisible();

  await page.getByRole("button", { name: "Notifications, 1 unread" }).click();
  await expect(popover.getByRole("link", { name: /^Bea Editor mentioned you/ })).toBeVisible();
  await popover.getByRole("button", { name: "Mark all read" }).click();
  await expect(popover.getByRole("status")).toHaveText("All read");
  await expect(page.getByRole("button", { name: "Notifications", exact: true })).toBeVisible();
  const { json: after } = await api<{ unreadCount: number }>(page, "GET", "/api/notifications");
  expect(after.unreadCount).toBe(0);

  // "See all" leads to the page, which lists both and filters the unread ones.
  await popover.getByRole("link", { name: "See all notifications" }).click();
  await expect(page).toHaveURL(/\/notifications$/);
  await expect(page.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  await expect(page.getByRole("link", { name: /Bea Editor mentioned you on ‘Checkout GA’/ })).toBeVisible();
  await expect(page.getByRole("link", { name: /Bea Editor changed the dates and status/ })).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "notifications-page");
  await page.getByRole("link", { name: "Unread" }).click();
  await expect(page).toHaveURL(/\/notifications\?filter=unread$/);
  await expect(page.getByRole("heading", { name: "No unread notifications" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Unread" })).toHaveAttribute("aria-current", "page");
});

test("the notifications page marks one read, and pages with Load more", async ({ page, browser }) => {
  const owner = await registerUser(page.request, "Omar Owner");
  await signInByApi(page, owner);
  const { team, roadmapId } = await teamWithRoadmap(page, "Mobile app 2027");
  const item = await createItem(page, roadmapId, {
    kind: "feature",
    title: "Offline mode",
    startDate: "2027-02-01",
    endDate: "2027-02-12",
  });
  const colleague = await registerUser(page.request, "Chen Commenter");
  const other = await joinTeam(browser, page, team.id, colleague, "commenter");
  // One after another, so that they are listed in this order.
  for (let i = 1; i <= 22; i++) {
    const res = await api(other.page, "POST", `/api/items/${item.id}/comments`, {
      body: `@${owner.email} question ${i}`,
    });
    expect(res.status).toBe(201);
  }
  await other.close();

  await page.goto("/notifications?filter=unread");
  await expect(page.getByRole("link", { name: "Unread (22)" })).toBeVisible();
  const rows = page.locator("[data-notification-id]");
  await expect(rows).toHaveCount(20);
  await expect(rows.first()).toContainText("question 22");
  await page.getByRole("button", { name: "Load more" }).click();
  await expect(rows).toHaveCount(22);
  await expect(rows.last()).toContainText("question 1");
  await expect(page.getByText("That is all of them.")).toBeVisible();

  await page
    .getByRole("button", { name: /^Mark read: Chen Commenter/ })
    .first()
    .click();
  await expect(page.getByRole("link", { name: "Unread (21)" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Notifications, 21 unread" })).toBeVisible();
});

test("the activity page lists changes newest first with before → after, loads older ones and filters by kind", async ({
  page,
}, testInfo) => {
  const owner = await registerUser(page.request, "Priya Shah");
  await signInByApi(page, owner);
  const { roadmapId } = await teamWithRoadmap(page, "Payments platform 2027");
  const { json: created } = await api<{ workstream: { id: string; version: number } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/workstreams`,
    { name: "Platform" },
  );
  const lane = created.workstream;
  const vault = await createItem(page, roadmapId, {
    kind: "feature",
    title: "Card vault",
    startDate: "2027-03-01",
    endDate: "2027-03-12",
    workstreamId: lane.id,
  });
  const checkout = await createItem(page, roadmapId, {
    kind: "feature",
    title: "Checkout GA",
    startDate: "2027-03-15",
    endDate: "2027-03-26",
  });
  expect(
    (
      await api(page, "POST", `/api/roadmaps/${roadmapId}/dependencies`, {
        fromId: vault.id,
        toId: checkout.id,
      })
    ).status,
  ).toBe(201);
  expect(
    (
      await api(
        page,
        "PATCH",
        `/api/workstreams/${lane.id}`,
        { name: "Payments core" },
        {
          "if-match": `"${lane.version}"`,
        },
      )
    ).status,
  ).toBe(200);
  // Enough changes for a second page (30 a page): 7 so far, 30 renames, then a move.
  let filler = await createItem(page, roadmapId, {
    kind: "feature",
    title: "Filler 0",
    startDate: "2027-04-05",
    endDate: "2027-04-09",
  });
  for (let i = 1; i <= 30; i++) filler = await patchItem(page, filler, { title: `Filler ${i}` });
  await patchItem(page, vault, { startDate: "2027-03-08", endDate: "2027-03-19" });

  await page.goto(`/roadmaps/${roadmapId}/activity`);
  await expect(page.getByRole("heading", { name: "Activity", level: 1 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Today", level: 2 })).toBeVisible();
  const entries = page.locator("[data-activity-id]");
  await expect(entries).toHaveCount(30);
  // Newest first, the move with its dates before and after.
  await expect(entries.nth(0)).toContainText("Priya Shah moved ‘Card vault’");
  const startChange = entries.nth(0).getByRole("definition").first();
  await expect(startChange).toContainText(planDate("2027-03-01"));
  await expect(startChange).toContainText(planDate("2027-03-08"));
  await expect(entries.nth(0).getByRole("term").first()).toHaveText("Start date");
  await expect(entries.nth(1)).toContainText("renamed ‘Filler 29’ to ‘Filler 30’");
  await expect(page.getByText("created the roadmap")).toHaveCount(0);
  await expectAccessible(page);
  await snapshot(page, testInfo, "activity-page");

  await page.getByRole("button", { name: "Load older" }).click();
  await expect(entries).toHaveCount(38);
  await expect(entries.last()).toContainText("created the roadmap ‘Payments platform 2027’");
  await expect(page.getByText("That is the beginning of this roadmap’s history.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Load older" })).toHaveCount(0);

  // Filters: older pages are read as needed to show the kind asked for.
  await page.goto(`/roadmaps/${roadmapId}/activity`);
  await page.getByRole("link", { name: "Dependencies" }).click();
  await expect(page).toHaveURL(/\?kind=dependencies$/);
  await expect(entries).toHaveCount(1);
  await expect(entries.first()).toContainText(
    "added a dependency: ‘Checkout GA’ starts after ‘Card vault’ finishes",
  );
  await page.getByRole("link", { name: "Lanes" }).click();
  await expect(entries).toHaveCount(2);
  await expect(entries.first()).toContainText("renamed the lane ‘Platform’ to ‘Payments core’");
  await expect(entries.last()).toContainText("added the lane ‘Platform’");
  await expectAccessible(page);

  await page
    .getByRole("navigation", { name: "Roadmap sections" })
    .getByRole("link", { name: "Timeline" })
    .click();
  await expect(page).toHaveURL(new RegExp(`/roadmaps/${roadmapId}$`));
});
