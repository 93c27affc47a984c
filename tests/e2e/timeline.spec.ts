import type { Page } from "@playwright/test";
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

async function board(page: Page, roadmapId: string) {
  return (await api<{ items: Item[] }>(page, "GET", `/api/roadmaps/${roadmapId}`)).json;
}

test("draft a roadmap: lanes, features, a key milestone, links, critical path, a drag that misses the date; a viewer reads it", async ({
  page,
  browser,
}) => {
  const owner = await registerUser(page.request, "Paula Planner");
  await signInByApi(page, owner);
  const { json: created } = await api<{ team: { id: string; slug: string } }>(page, "POST", "/api/teams", {
    name: `Timeline ${Date.now().toString(36)}`,
  });
  const teamId = created.team.id;

  // A roadmap from the form, starting on a Monday.
  await page.goto(`/teams/${created.team.slug}/roadmaps/new`);
  await page.getByLabel("Title").fill("Launch plan");
  await page.getByLabel("Start date").fill("2027-01-04");
  await page.getByRole("button", { name: "Create roadmap" }).click();
  await expect(page).toHaveURL(/\/roadmaps\/[0-9a-f-]{36}$/);
  const roadmapId = page.url().split("/").pop()!;
  await expect(page.getByRole("heading", { name: "Launch plan" })).toBeVisible();

  // Two lanes through the lane dialog.
  for (const name of ["Platform", "Apps"]) {
    await page
      .getByRole("button", { name: /^Add (a )?lane$/ })
      .first()
      .click();
    await page.getByLabel("Lane name").fill(name);
    await page.getByRole("dialog").getByRole("button", { name: "Add lane" }).click();
    await expect(page.getByRole("button", { name: `Lane ${name}: rename, reorder or remove` })).toBeVisible();
  }
  const lanes = (
    await api<{ workstreams: { id: string; name: string }[] }>(page, "GET", `/api/roadmaps/${roadmapId}`)
  ).json.workstreams;
  const lane = (name: string) => lanes.find((l) => l.name === name)!.id;

  // A feature through the item panel, with a validation message first.
  await page.getByRole("button", { name: "Add item" }).click();
  await page.getByLabel("Title").fill("Billing API");
  await page.getByLabel("Lane").selectOption({ label: "Platform" });
  await page.getByLabel("Start").fill("2027-01-04");
  await page.getByLabel("End").fill("2027-01-01");
  await page.getByRole("button", { name: "Add feature" }).click();
  await expect(page.getByText("A feature cannot end before it starts.")).toBeVisible();
  await page.getByLabel("End").fill("2027-01-15");
  await page.getByRole("button", { name: "Add feature" }).click();
  await expect(itemButton(page, "Feature", "Billing API")).toBeVisible();
  await page.keyboard.press("Escape");

  // Two more features and a key milestone through the API, then the links.
  const post = async (body: Record<string, unknown>) =>
    (await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, body)).json.item;
  const billing = (await board(page, roadmapId)).items.find((i) => i.title === "Billing API")!;
  const checkout = await post({
    kind: "feature",
    title: "Checkout UI",
    startDate: "2027-01-18",
    endDate: "2027-01-29",
    workstreamId: lane("Apps"),
  });
  const reports = await post({
    kind: "feature",
    title: "Reports",
    startDate: "2027-01-18",
    endDate: "2027-01-20",
    workstreamId: lane("Apps"),
  });
  const launch = await post({
    kind: "milestone",
    title: "Public launch",
    startDate: "2027-02-05",
    endDate: "2027-02-05",
    outcome: "1,000 paying customers on the new checkout",
    isKey: true,
    workstreamId: lane("Apps"),
  });
  for (const [from, to] of [
    [billing, checkout],
    [checkout, launch],
    [billing, reports],
    [reports, launch],
  ]) {
    expect(
      (await api(page, "POST", `/api/roadmaps/${roadmapId}/dependencies`, { fromId: from.id, toId: to.id }))
        .status,
    ).toBe(201);
  }
  // A loop is refused with its items named.
  const loop = await api<{ error: { code: string; details: { cycle: string[] } } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/dependencies`,
    {
      fromId: launch.id,
      toId: billing.id,
    },
  );
  expect(loop.status).toBe(422);
  expect(loop.json.error.details.cycle).toEqual(expect.arrayContaining([billing.id, launch.id]));

  await page.reload();
  const critical = /on the critical path/;
  await expect(itemButton(page, "Feature", "Billing API")).toHaveAttribute("aria-label", critical);
  await expect(itemButton(page, "Feature", "Checkout UI")).toHaveAttribute("aria-label", critical);
  await expect(itemButton(page, "Feature", "Reports")).not.toHaveAttribute("aria-label", critical);
  await expect(itemButton(page, "Key milestone", "Public launch")).not.toHaveAttribute(
    "aria-label",
    /Misses its date/,
  );
  await expect(page.getByRole("button", { name: /Critical path/ })).toHaveAttribute("aria-pressed", "true");
  await expectAccessible(page);

  // Drag "Checkout UI" two weeks later: the launch can no longer make its date.
  const bar = itemButton(page, "Feature", "Checkout UI");
  await bar.scrollIntoViewIfNeeded();
  const box = (await bar.boundingBox())!;
  const move = Math.max(60, box.width * 1.2);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + move / 2, box.y + box.height / 2, { steps: 5 });
  await page.mouse.move(box.x + box.width / 2 + move, box.y + box.height / 2, { steps: 5 });
  await page.mouse.up();
  await expect(itemButton(page, "Key milestone", "Public launch")).toHaveAttribute(
    "aria-label",
    /Misses its date/,
  );
  const moved = (await board(page, roadmapId)).items.find((i) => i.id === checkout.id)!;
  expect(moved.startDate > checkout.startDate).toBe(true);
  expect(moved.version).toBe(checkout.version + 1);

  // A viewer sees the same timeline, read-only.
  const viewer = await registerUser(page.request, "Rita Reader");
  const { page: viewerPage, close: closeViewer } = await joinTeam(browser, page, teamId, viewer, "viewer");
  await viewerPage.goto(`/roadmaps/${roadmapId}`);
  await expect(itemButton(viewerPage, "Key milestone", "Public launch")).toHaveAttribute(
    "aria-label",
    /Misses its date/,
  );
  await expect(viewerPage.getByRole("button", { name: "Add item" })).toHaveCount(0);
  await expect(viewerPage.getByRole("button", { name: "Add lane" })).toHaveCount(0);
  const viewerBar = itemButton(viewerPage, "Feature", "Reports");
  const before = (await viewerBar.boundingBox())!;
  await viewerPage.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await viewerPage.mouse.down();
  await viewerPage.mouse.move(before.x + before.width / 2 + 120, before.y + before.height / 2, { steps: 5 });
  await viewerPage.mouse.up();
  const unchanged = (await board(viewerPage, roadmapId)).items.find((i) => i.id === reports.id)!;
  expect(unchanged.startDate).toBe(reports.startDate);
  const refused = await api(
    viewerPage,
    "PATCH",
    `/api/items/${reports.id}`,
    { title: "Hijacked" },
    { "if-match": `"${unchanged.version}"` },
  );
  expect(refused.status).toBe(403);
  await expectAccessible(viewerPage);
  await closeViewer();
});
