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

test.describe.configure({ timeout: 150_000 });

const DAY = 86_400_000;
/** A plan date `days` from today (UTC, the server's day). */
const fromToday = (days: number) => new Date(Date.now() + days * DAY).toISOString().slice(0, 10);

/**
 * A roadmap begun two months ago: "Checkout API" (in progress, due 12 days ago), "Ledger" and
 * "Docs site" ahead; a review recorded (the baseline), then Ledger's end moved a week later.
 */
async function seed(page: Page) {
  const editor = await registerUser(page.request, "Eda Editor");
  await signInByApi(page, editor);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Actuals ${Date.now().toString(36)}`,
  });
  const teamId = created.team.id;
  const { json: made } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${teamId}/roadmaps`,
    {
      title: "Checkout 2027",
      startDate: fromToday(-60),
    },
  );
  const roadmapId = made.roadmap.id;
  const { json: lane } = await api<{ workstream: { id: string } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/workstreams`,
    { name: "Core" },
  );
  const post = async (title: string, startDate: string, endDate: string, status = "planned") => {
    const res = await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, {
      workstreamId: lane.workstream.id,
      kind: "feature",
      title,
      startDate,
      endDate,
      status,
      estimate: { optimisticHours: 30, likelyHours: 40, pessimisticHours: 60 },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.item;
  };
  await post("Checkout API", fromToday(-40), fromToday(-12), "in_progress");
  const ledger = await post("Ledger", fromToday(5), fromToday(20));
  await post("Docs site", fromToday(10), fromToday(30));
  const review = await api(page, "POST", `/api/roadmaps/${roadmapId}/reviews`, {
    audience: "engineering",
    heldOn: fromToday(0),
    notes: "",
    decisions: [],
  });
  expect(review.status, JSON.stringify(review.json)).toBe(201);
  const moved = await api(
    page,
    "PATCH",
    `/api/items/${ledger.id}`,
    { endDate: fromToday(27) },
    { "If-Match": `"${ledger.version}"` },
  );
  expect(moved.status, JSON.stringify(moved.json)).toBe(200);
  return { teamId, roadmapId };
}

test("actuals: an editor marks work done late and logs time, filters slipped items; a viewer only reads", async ({
  page,
  browser,
}, testInfo) => {
  const { teamId, roadmapId } = await seed(page);
  await page.goto(`/roadmaps/${roadmapId}`);
  const checkout = itemButton(page, "Feature", "Checkout API");
  await expect(checkout).toBeVisible();
  const checkoutId = (await checkout.getAttribute("data-item-id"))!;
  // The baseline is the review's snapshot: Ledger's finish slipped 5 working days since it.
  await expect(page.getByRole("combobox", { name: "Baseline" })).toHaveValue("review");
  const ledger = itemButton(page, "Feature", "Ledger");
  await expect(ledger).toHaveAttribute("aria-label", /Finish slipped 5 working days since “/);
  await expect(page.locator("[data-baselines] [data-baseline]")).toHaveCount(3);
  await expect(checkout).toHaveAttribute("aria-label", /\d+% done/);

  // Mark Checkout API done: the server fills the actual finish (today), 12 days after its due date.
  await checkout.click();
  const panel = page.getByRole("complementary", { name: /Checkout API/ });
  await panel.getByLabel("Status").selectOption("done");
  await panel.getByRole("button", { name: "Save changes" }).click();
  await expect(checkout).toHaveAttribute("data-done-mark", "late");
  await expect(checkout).toHaveAttribute(
    "aria-label",
    /Done late on .*Finish slipped \d+ working days since/,
  );
  const actuals = panel.getByRole("region", { name: "Actuals" });
  await expect(actuals.getByLabel("Actual finish")).toHaveValue(fromToday(0));

  // Finish before start is caught in the page; a day in the future by the server, next to its field.
  await actuals.getByLabel("Actual start").fill(fromToday(3));
  await actuals.getByRole("button", { name: "Save actuals" }).click();
  await expect(actuals.getByText("The actual finish cannot be before the actual start.")).toBeVisible();
  await actuals.getByLabel("Actual start").fill(fromToday(-38));
  await actuals.getByLabel("Actual finish").fill(fromToday(1));
  await actuals.getByRole("button", { name: "Save actuals" }).click();
  await expect(actuals.getByText("The actual finish cannot be in the future.")).toBeVisible();
  await expect(actuals.getByLabel("Actual finish")).toHaveAttribute("aria-invalid", "true");
  await actuals.getByLabel("Actual finish").fill(fromToday(0));
  await actuals.getByRole("button", { name: "Save actuals" }).click();
  await expect(actuals.getByText("Actuals saved.")).toBeVisible();
  const stored = await api<{ item: { actualStart: string; actualFinish: string } }>(
    page,
    "GET",
    `/api/items/${checkoutId}`,
  );
  expect(stored.json.item).toMatchObject({ actualStart: fromToday(-38), actualFinish: fromToday(0) });
  await expect(checkout).toHaveAttribute("aria-label", /Done late on /);

  // Log time: over a day is refused next to Hours; three hours are listed with their total.
  const time = panel.getByRole("region", { name: /Time logged/ });
  await expect(time.getByText("No hours logged yet.")).toBeVisible();
  const log = time.getByRole("form", { name: "Log hours" });
  await log.getByLabel("Hours").fill("30");
  await log.getByRole("button", { name: "Log hours" }).click();
  await expect(log.getByText("A day has at most 24 hours.")).toBeVisible();
  await log.getByLabel("Hours").fill("3");
  await log.getByLabel("Note").fill("Load tests");
  await log.getByRole("button", { name: "Log hours" }).click();
  await expect(time.getByRole("listitem")).toHaveCount(1);
  await expect(time.getByRole("listitem")).toContainText("Eda Editor · Load tests");
  await expect(time.getByRole("heading")).toContainText("3 h in all");
  await expectAccessible(page);
  await snapshot(page, testInfo, "actuals-panel");
  await panel.getByRole("button", { name: /Close the details/ }).click();

  // "Slipped since baseline": Checkout API (done late) and Ledger, not Docs site.
  const slipped = page.getByRole("button", { name: /Slipped since baseline/ });
  await expect(slipped).toContainText("(2)");
  await slipped.click();
  await expect(slipped).toHaveAttribute("aria-pressed", "true");
  await expect(page.locator("[data-item-id]")).toHaveCount(2);
  await expect(itemButton(page, "Feature", "Docs site")).toHaveCount(0);
  await expect(ledger).toBeVisible();
  await expectAccessible(page);
  await snapshot(page, testInfo, "actuals-slipped");
  await slipped.click();
  await expect(itemButton(page, "Feature", "Docs site")).toBeVisible();
  // No baseline: no lines, the filter waits for one.
  await page.getByRole("combobox", { name: "Baseline" }).selectOption("none");
  await expect(page.locator("[data-baseline]")).toHaveCount(0);
  await expect(slipped).toBeDisabled();

  // A viewer reads the actuals and the hours, and can change neither.
  const viewer = await registerUser(page.request, "Vic Viewer");
  const other = await joinTeam(browser, page, teamId, viewer, "viewer");
  await other.page.goto(`/roadmaps/${roadmapId}`);
  await itemButton(other.page, "Feature", "Checkout API").click();
  const readOnly = other.page.getByRole("complementary", { name: /Checkout API/ });
  const readActuals = readOnly.getByRole("region", { name: "Actuals" });
  await expect(readActuals).toContainText("Actual finish");
  await expect(readActuals.getByRole("textbox")).toHaveCount(0);
  await expect(readOnly.getByRole("button", { name: "Save actuals" })).toHaveCount(0);
  await expect(readOnly.getByRole("region", { name: /Time logged/ }).getByRole("listitem")).toHaveCount(1);
  await expect(readOnly.getByRole("button", { name: "Log hours" })).toHaveCount(0);
  await expect(readOnly.getByRole("button", { name: /^Delete 3 h/ })).toHaveCount(0);
  await expectAccessible(other.page);
  await snapshot(other.page, testInfo, "actuals-viewer");
  await other.close();
});

test("actuals import: an editor uploads a CSV; bad rows are listed by line and nothing is written", async ({
  page,
}, testInfo) => {
  const { roadmapId } = await seed(page);
  await page.goto(`/roadmaps/${roadmapId}/actuals`);
  await expect(page.getByRole("heading", { name: "Import actuals", level: 1 })).toBeVisible();
  const input = page.locator("input[type=file]");
  const upload = async (name: string, csv: string) => {
    await input.setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(csv) });
    await page.getByRole("button", { name: "Import actuals" }).click();
  };
  await upload(
    "bad.csv",
    `item,date,hours\nCheckout API,${fromToday(-1)},2\nNo such item,${fromToday(-1)},1\n`,
  );
  const refusal = page.getByRole("region", { name: "Upload a CSV file" }).getByRole("alert");
  await expect(refusal).toContainText("line 3: no item “No such item” in this roadmap");
  await expectAccessible(page);
  await snapshot(page, testInfo, "actuals-import-refused");
  await upload(
    "good.csv",
    `item,date,hours,person\nCheckout API,${fromToday(-1)},2.5,\nLedger,${fromToday(-2)},1,\n`,
  );
  await expect(page.getByRole("status").filter({ hasText: "Actuals imported" })).toContainText(
    "2 time entries (3.5 hours)",
  );
  await snapshot(page, testInfo, "actuals-import-done");
});
