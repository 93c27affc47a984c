import type { Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  itemButton,
  joinTeam,
  registerUser,
  signInByApi,
  snapshot,
  test,
  type Item,
} from "./fixtures";

test.describe.configure({ timeout: 120_000 });

const planDate = (iso: string) =>
  new Intl.DateTimeFormat("en-US", {
    day: "numeric",
    month: "short",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(`${iso}T00:00:00Z`));

/**
 * A team and a roadmap from Monday 4 Jan 2027 with a lane "Core", the feature "Billing API"
 * (4-29 Jan) and the key milestone "Public launch" waiting for it.
 */
async function seedRoadmap(page: Page) {
  const user = await registerUser(page.request, "Rhea Reviews");
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Reviews ${Date.now().toString(36)}`,
  });
  const roadmap = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${created.team.id}/roadmaps`,
    {
      title: "Payments 2027",
      startDate: "2027-01-04",
    },
  );
  expect(roadmap.status).toBe(201);
  const roadmapId = roadmap.json.roadmap.id;
  const lane = await api<{ workstream: { id: string } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/workstreams`,
    {
      name: "Core",
    },
  );
  expect(lane.status).toBe(201);
  const post = async (body: Record<string, unknown>) => {
    const res = await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, {
      workstreamId: lane.json.workstream.id,
      ...body,
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.item;
  };
  const billing = await post({
    kind: "feature",
    title: "Billing API",
    startDate: "2027-01-04",
    endDate: "2027-01-29",
  });
  const launch = await post({
    kind: "milestone",
    title: "Public launch",
    startDate: "2027-04-16",
    outcome: "1,000 merchants take live payments",
    isKey: true,
  });
  expect(
    (
      await api(page, "POST", `/api/roadmaps/${roadmapId}/dependencies`, {
        fromId: billing.id,
        toId: launch.id,
      })
    ).status,
  ).toBe(201);
  return { teamId: created.team.id, roadmapId, billing, laneId: lane.json.workstream.id, post };
}

test("reviews: an editor sets a cadence, records a review, and after changes compares it with now, in a report and on the timeline", async ({
  page,
  browser,
}, testInfo) => {
  const { teamId, roadmapId, billing, post } = await seedRoadmap(page);
  await page.goto(`/roadmaps/${roadmapId}/reviews`);
  await expect(page.getByRole("heading", { name: "Reviews", level: 1 })).toBeVisible();
  await expect(page.getByText(/No review cadence yet — set one so reviews show up here/)).toBeVisible();

  // A monthly executive review, the next one in three days.
  const next = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
  const executive = page.getByRole("group", { name: "Executive" });
  await executive.getByLabel("How often").selectOption("1m");
  await executive.getByLabel("Next review").fill(next);
  await page.getByRole("button", { name: "Save cadence" }).click();
  const due = page.getByRole("list", { name: "Reviews due" }).getByRole("listitem");
  await expect(due).toHaveCount(1);
  await expect(due).toContainText("Executive review");
  await expect(due).toContainText("Every month");
  await expect(due).toContainText(`Next on ${planDate(next)}`);
  // The dates after it within 90 days: the next two months.
  await expect(due).toContainText(/Then \w{3} \d+, \d{4}, \w{3} \d+, \d{4}/);
  await expect(page.getByRole("textbox", { name: "Calendar feed address" })).toHaveValue(
    new RegExp(`/api/roadmaps/${roadmapId}/calendar\\.ics$`),
  );

  // Someone else saves the cadence while it is being edited: the editor sees theirs and re-applies.
  await page.getByRole("button", { name: "Edit cadence" }).click();
  await executive.getByLabel("How often").selectOption("1q");
  const { json: current } = await api<{ cadence: { version: number } }>(
    page,
    "GET",
    `/api/roadmaps/${roadmapId}/cadence`,
  );
  const theirs = await api(
    page,
    "PUT",
    `/api/roadmaps/${roadmapId}/cadence`,
    { rules: [{ audience: "executive", every: "2w", nextOn: next }] },
    { "If-Match": `"${current.cadence.version}"` },
  );
  expect(theirs.status).toBe(200);
  await page.getByRole("button", { name: "Save cadence" }).click();
  const conflict = page.getByRole("status").filter({ hasText: "Someone else changed the cadence" });
  await expect(conflict).toContainText(`Executive: every two weeks, next on ${planDate(next)}`);
  await expect(executive.getByLabel("How often")).toHaveValue("1q");
  await conflict.getByRole("button", { name: "Apply mine again" }).click();
  await expect(due).toContainText("Every quarter");

  // Record the executive review from its row (audience prefilled) with one decision.
  await due.getByRole("button", { name: "Record review (executive)" }).click();
  const dialog = page.getByRole("dialog", { name: "Record a review" });
  await expect(dialog.getByLabel("Audience")).toHaveValue("executive");
  await dialog.getByRole("textbox", { name: "Decision 1" }).fill("Ship billing before the launch");
  await dialog.getByRole("button", { name: "Add a decision" }).click();
  await expect(dialog.getByRole("textbox", { name: "Decision 2" })).toBeFocused();
  await dialog.getByRole("button", { name: "Remove decision 2" }).click();
  await dialog.getByLabel("Notes").fill("Finance asked for a buffer before launch.");
  await page.screenshot({ path: testInfo.outputPath("record-review-dialog.png") });
  await dialog.getByRole("button", { name: "Save review" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Executive review recorded")).toBeVisible();
  const history = page.getByRole("region", { name: "Review history" });
  await expect(history.getByRole("article")).toHaveCount(1);
  await expect(history.getByRole("article")).toContainText("Ship billing before the launch");
  await expect(page.getByRole("list", { name: "Snapshots" }).getByRole("listitem")).toHaveCount(1);
  await expectAccessible(page);
  await snapshot(page, testInfo, "reviews");

  // Then the plan changes: Billing API 10 working days later (14 calendar days), and a new milestone.
  const moved = await api(
    page,
    "PATCH",
    `/api/items/${billing.id}`,
    { startDate: "2027-01-18", endDate: "2027-02-12" },
    { "If-Match": `"${billing.version}"` },
  );
  expect(moved.status, JSON.stringify(moved.json)).toBe(200);
  await post({
    kind: "milestone",
    title: "Pilot merchants live",
    startDate: "2027-03-01",
    outcome: "10 pilot merchants",
  });

  // "Compare with now" from the review: the change report.
  await history.getByRole("link", { name: /Compare with now/ }).click();
  await expect(page).toHaveURL(/\/reviews\/compare\?from=[0-9a-f-]+&to=now/);
  await expect(page.getByRole("heading", { name: "Change report", level: 1 })).toBeVisible();
  await expect(page.locator("[data-summary]")).toHaveText("1 moved · 1 added");
  const movedRow = page.getByRole("region", { name: "Moved" }).getByRole("row", { name: /Billing API/ });
  await expect(movedRow).toContainText("+14 days");
  await expect(movedRow).toContainText("Jan 18 – Feb 12, 2027");
  await expect(page.getByRole("region", { name: "Added" })).toContainText("Pilot merchants live");
  await expect(page.getByRole("region", { name: "Removed or cut" })).toHaveCount(0);
  await expectAccessible(page);
  await snapshot(page, testInfo, "change-report");

  // "Show on timeline": the banner, the ghost of the old dates, and the new milestone marked.
  await page.getByRole("link", { name: "Show on timeline" }).click();
  await expect(page).toHaveURL(new RegExp(`/roadmaps/${roadmapId}\\?compare=`));
  const banner = page.getByRole("region", { name: "Comparison" });
  await expect(banner).toContainText(/Comparing with “Executive review/);
  await expect(banner).toContainText("1 moved · 1 added · 0 removed");
  await expect(page.locator('[data-ghost="moved"]')).toHaveCount(1);
  await expect(itemButton(page, "Milestone", "Pilot merchants live")).toHaveAttribute(
    "aria-label",
    /New since “Executive review/,
  );
  await expect(page.locator("[data-new-badge]")).toHaveCount(1);
  await snapshot(page, testInfo, "timeline-compare");
  await banner.getByRole("button", { name: "Clear comparison" }).click();
  await expect(page).toHaveURL(new RegExp(`/roadmaps/${roadmapId}$`));
  await expect(page.locator("[data-ghost]")).toHaveCount(0);

  // A viewer reads the page but has nothing to change it with.
  const viewerUser = await registerUser(page.request, "Vera Viewer");
  const viewer = await joinTeam(browser, page, teamId, viewerUser, "viewer");
  await viewer.page.goto(`/roadmaps/${roadmapId}/reviews`);
  await expect(viewer.page.getByRole("list", { name: "Reviews due" })).toContainText("Every quarter");
  await expect(viewer.page.getByRole("region", { name: "Review history" })).toContainText(
    "Ship billing before the launch",
  );
  for (const name of [/Record a review/, /Record review/, /Edit cadence/, /Take snapshot/, /Save cadence/])
    await expect(viewer.page.getByRole("button", { name })).toHaveCount(0);
  await expect(viewer.page.getByRole("link", { name: /Compare with now/ })).toBeVisible();
  await expectAccessible(viewer.page);
  await viewer.close();
});
