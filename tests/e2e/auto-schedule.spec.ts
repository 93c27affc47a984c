import type { Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  itemButton,
  registerUser,
  signInByApi,
  snapshot,
  test,
  type Item,
} from "./fixtures";

test.describe.configure({ timeout: 120_000 });

/** A roadmap from 4 Jan 2027: "Offline mode" (ten working days from 1 Mar) waits for "Sync engine" (ends 29 Jan). */
async function seed(page: Page, name: string) {
  const user = await registerUser(page.request, name);
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Auto ${Date.now().toString(36)}`,
  });
  const { json: made } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${created.team.id}/roadmaps`,
    { title: "Mobile 2027", startDate: "2027-01-04" },
  );
  const roadmapId = made.roadmap.id;
  const post = async (body: Record<string, unknown>) =>
    (await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, body)).json.item;
  const sync = await post({
    kind: "feature",
    title: "Sync engine",
    startDate: "2027-01-04",
    endDate: "2027-01-29",
  });
  const offline = await post({
    kind: "feature",
    title: "Offline mode",
    startDate: "2027-03-01",
    endDate: "2027-03-12",
  });
  const link = await api(page, "POST", `/api/roadmaps/${roadmapId}/dependencies`, {
    fromId: sync.id,
    toId: offline.id,
  });
  expect(link.status).toBe(201);
  return { roadmapId, sync, offline };
}

test("auto-schedule pulls a loose feature to right after its predecessor, and Undo puts it back", async ({
  page,
}, testInfo) => {
  const { roadmapId, offline } = await seed(page, "Arno Autoschedule");

  await page.goto(`/roadmaps/${roadmapId}`);
  const loose = itemButton(page, "Feature", "Offline mode");
  await expect(loose).toHaveAttribute("aria-label", /Mar 1.*Mar 12|1 Mar.*12 Mar/);

  // The whole roadmap to its earliest dates: the loose feature starts the Monday after "Sync engine".
  await page.getByRole("button", { name: "Auto-schedule" }).click();
  const menu = page.getByRole("menu", { name: "Auto-schedule" });
  await expect(menu.getByRole("menuitem", { name: /Selected feature to earliest/ })).toContainText(
    "Select a feature on the timeline first",
  );
  await expectAccessible(page);
  await menu.getByRole("menuitem", { name: /Whole roadmap to earliest/ }).click();
  await expect(page.getByText("Moved 1 feature earlier")).toBeVisible();
  await expect(page.getByText(/“Offline mode” now runs/)).toBeVisible();
  await snapshot(page, testInfo, "auto-schedule-toast");
  await expect(loose).toHaveAttribute("aria-label", /Feb 1.*Feb 12|1 Feb.*12 Feb/);
  const { json: after } = await api<{ items: Item[] }>(page, "GET", `/api/roadmaps/${roadmapId}`);
  expect(after.items.find((i) => i.id === offline.id)).toMatchObject({
    startDate: "2027-02-01",
    endDate: "2027-02-12",
  });

  // One click undoes it.
  await page.getByRole("button", { name: "Undo" }).click();
  await expect(page.getByText("Put back 1 feature to its earlier dates.")).toBeVisible();
  await expect(loose).toHaveAttribute("aria-label", /Mar 1.*Mar 12|1 Mar.*12 Mar/);

  // The selected feature alone: one already as early as it can be says so.
  await itemButton(page, "Feature", "Sync engine").focus();
  await page.getByRole("button", { name: "Auto-schedule" }).click();
  await expect(menu.getByRole("menuitem", { name: /Selected feature to earliest/ })).toContainText(
    "“Sync engine”",
  );
  await menu.getByRole("menuitem", { name: /Selected feature to earliest/ }).click();
  await expect(page.getByText("Everything already starts as early as its dependencies allow.")).toBeVisible();
});

test("a plan changed meanwhile is refused with a message, nothing moves, and it works after a reload", async ({
  page,
}) => {
  const { roadmapId, offline } = await seed(page, "Stella Stale");
  // This page hears no live updates (the event stream answers nothing), so it keeps the version it read.
  await page.route(`**/api/roadmaps/${roadmapId}/events**`, (route) =>
    route.fulfill({ status: 200, contentType: "text/event-stream", body: "" }),
  );
  await page.goto(`/roadmaps/${roadmapId}`);
  await expect(itemButton(page, "Feature", "Offline mode")).toBeVisible();
  const { json: board } = await api<{ roadmap: { version: number } }>(
    page,
    "GET",
    `/api/roadmaps/${roadmapId}`,
  );
  const changed = await api(
    page,
    "PATCH",
    `/api/roadmaps/${roadmapId}`,
    { description: "Changed by someone else meanwhile" },
    { "if-match": `"${board.roadmap.version}"` },
  );
  expect(changed.status).toBe(200);

  await page.getByRole("button", { name: "Auto-schedule" }).click();
  await page.getByRole("menuitem", { name: /Whole roadmap to earliest/ }).click();
  await expect(page.getByText("The roadmap changed; reload and try again.")).toBeVisible();
  const { json: unchanged } = await api<{ items: Item[] }>(page, "GET", `/api/roadmaps/${roadmapId}`);
  expect(unchanged.items.find((i) => i.id === offline.id)!.startDate).toBe("2027-03-01");

  await page.getByRole("button", { name: "Reload" }).click();
  await expect(page.getByText("Changed by someone else meanwhile")).toBeVisible();
  await page.getByRole("button", { name: "Auto-schedule" }).click();
  await page.getByRole("menuitem", { name: /Whole roadmap to earliest/ }).click();
  await expect(page.getByText("Moved 1 feature earlier")).toBeVisible();
});
