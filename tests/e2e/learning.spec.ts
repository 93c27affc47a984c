import type { Page } from "@playwright/test";
import {
  api,
  expect,
  expectAccessible,
  registerUser,
  signInByApi,
  snapshot,
  test,
  type Item,
} from "./fixtures";

test.describe.configure({ timeout: 180_000 });

/** Monday of week `k` of 2026 (5 Jan 2026 is a Monday), plus `days`. */
function day(k: number, days = 0): string {
  const d = new Date(Date.UTC(2026, 0, 5 + k * 7 + days));
  return d.toISOString().slice(0, 10);
}

async function post(page: Page, roadmapId: string, body: Record<string, unknown>): Promise<Item> {
  const res = await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, body);
  expect(res.status, JSON.stringify(res.json)).toBe(201);
  return res.json.item;
}

/**
 * A team with last year's roadmap (ten one-week features, each estimated at a week and marked done
 * by the PM after two: twice as long) and this year's: "Checkout rebuild" (eight weeks) before the key
 * milestone "Launch".
 */
async function seedTeam(page: Page) {
  const pm = await registerUser(page.request, "Petra PM");
  await signInByApi(page, pm);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Learning ${Date.now().toString(36)}`,
  });
  const teamId = created.team.id;
  const roadmap = async (title: string, startDate: string) => {
    const res = await api<{ roadmap: { id: string } }>(page, "POST", `/api/teams/${teamId}/roadmaps`, {
      title,
      startDate,
    });
    expect(res.status).toBe(201);
    return res.json.roadmap.id;
  };
  const lastYear = await roadmap("Checkout 2026", day(0));
  for (let k = 0; k < 10; k++) {
    const feature = await post(page, lastYear, {
      kind: "feature",
      title: `Feature ${k + 1}`,
      startDate: day(k * 3),
      endDate: day(k * 3, 4),
      estimate: { optimisticHours: 30, likelyHours: 40, pessimisticHours: 60 },
    });
    // The PM marks it done: started on time, finished a week late.
    const done = await api(
      page,
      "PATCH",
      `/api/items/${feature.id}`,
      { status: "done", actualStart: day(k * 3), actualFinish: day(k * 3 + 1, 4) },
      { "if-match": `"${feature.version}"` },
    );
    expect(done.status, JSON.stringify(done.json)).toBe(200);
  }
  const current = await roadmap("Checkout 2027", "2027-01-04");
  const rebuild = await post(page, current, {
    kind: "feature",
    title: "Checkout rebuild",
    startDate: "2027-01-04",
    endDate: "2027-02-26",
    estimate: { optimisticHours: 240, likelyHours: 320, pessimisticHours: 480 },
  });
  const launch = await post(page, current, {
    kind: "milestone",
    title: "Launch",
    startDate: "2027-03-05",
    outcome: "Every merchant on the new checkout",
    isKey: true,
  });
  const link = await api(page, "POST", `/api/roadmaps/${current}/dependencies`, {
    fromId: rebuild.id,
    toId: launch.id,
  });
  expect(link.status).toBe(201);
  return { roadmapId: current, rebuild };
}

test("learning: done-late features show as a bias, the history forecast moves the key milestone's P80 later, and the executive dashboard draws confidence over time", async ({
  page,
}, testInfo) => {
  const { roadmapId, rebuild } = await seedTeam(page);

  // Estimate accuracy: ten features, each about twice its estimate.
  await page.goto(`/roadmaps/${roadmapId}/accuracy`);
  await expect(page.getByRole("heading", { name: "Estimate accuracy", level: 1 })).toBeVisible();
  const headlines = page.getByLabel("Estimate accuracy headlines");
  await expect(headlines).toContainText("10");
  await expect(headlines).toContainText(/×1\.9\d/);
  await expect(page.getByRole("img", { name: /^Histogram of actual over estimated duration/ })).toBeVisible();
  await expect(page.getByTestId("accuracy-groups")).toContainText(/9\d% longer/);
  await expect(page.getByTestId("worst-misses").getByRole("link").first()).toHaveAttribute(
    "href",
    /\/roadmaps\/.+\?item=/,
  );
  await expectAccessible(page);
  await snapshot(page, testInfo, "accuracy");

  // A review records the forecast; the plan then slips; the dashboard's line climbs (the first
  // read of the day records today's forecast: a later one the same day would record nothing).
  const review = await api(page, "POST", `/api/roadmaps/${roadmapId}/reviews`, {
    audience: "executive",
    heldOn: new Date().toISOString().slice(0, 10),
    notes: "Baseline for the launch",
    decisions: [],
  });
  expect(review.status, JSON.stringify(review.json)).toBe(201);
  const slipped = await api(
    page,
    "PATCH",
    `/api/items/${rebuild.id}`,
    { endDate: "2027-03-26" },
    { "if-match": `"${rebuild.version}"` },
  );
  expect(slipped.status, JSON.stringify(slipped.json)).toBe(200);
  await page.goto(`/roadmaps/${roadmapId}/dashboards`);
  const chart = page.getByTestId("confidence-chart");
  await expect(
    chart.getByRole("img", {
      name: /^P80 dates at each recorded forecast, as days moved since the first\. Launch:/,
    }),
  ).toBeVisible({
    timeout: 60_000,
  });
  await expect(chart.getByTestId("p80-trend").first()).toContainText(
    /P80 moved \d+ working days? later since the last review/,
  );
  await expectAccessible(page);
  await snapshot(page, testInfo, "dashboard-confidence");

  // The forecast page: both methods side by side, history recommended, its P80 later than PERT's.
  await page.goto(`/roadmaps/${roadmapId}/forecast`);
  const comparison = page.getByTestId("method-comparison");
  const launchRow = comparison.getByRole("row", { name: /Launch/ });
  const p80 = async (column: number) =>
    (await launchRow.locator("td").nth(column).locator("time").getAttribute("datetime"))!;
  await expect(launchRow.locator("td").nth(5).locator("time")).toBeVisible({ timeout: 60_000 });
  const [pertP80, historyP80] = [await p80(2), await p80(5)];
  expect(historyP80 > pertP80, `history ${historyP80} after PERT ${pertP80}`).toBe(true);
  await expect(page.getByTestId("method-recommendation")).toContainText("History");
  await expect(page.getByTestId("calibration")).toContainText("PERT");

  const milestones = page.getByRole("table", { name: /Milestones by target date/ });
  const pertText = await launchRow.locator("td").nth(2).locator("time").innerText();
  const historyText = await launchRow.locator("td").nth(5).locator("time").innerText();
  await expect(milestones.getByRole("row", { name: /Launch/ })).toContainText(pertText);
  await page.getByLabel("Method").selectOption("history");
  await page.getByRole("button", { name: "Run forecast" }).click();
  await expect(page.getByText(/drawn at random from the team’s done features/)).toBeVisible({
    timeout: 60_000,
  });
  await expect(milestones.getByRole("row", { name: /Launch/ })).toContainText(historyText);
  await expectAccessible(page);
  await snapshot(page, testInfo, "forecast");

  // The one-pager says it in words, with its arrow.
  await page.goto(`/roadmaps/${roadmapId}/one-pager`);
  await expect(page.getByTestId("p80-trend")).toContainText(/later since the last review/);
  await expectAccessible(page);
  await snapshot(page, testInfo, "one-pager");
});

test("learning: under ten done features the forecast from history explains what is missing", async ({
  page,
}, testInfo) => {
  const pm = await registerUser(page.request, "Nora New");
  await signInByApi(page, pm);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `New team ${Date.now().toString(36)}`,
  });
  const { json } = await api<{ roadmap: { id: string } }>(
    page,
    "POST",
    `/api/teams/${created.team.id}/roadmaps`,
    {
      title: "First plan",
      startDate: "2027-01-04",
    },
  );
  const roadmapId = json.roadmap.id;
  await post(page, roadmapId, {
    kind: "milestone",
    title: "Beta",
    startDate: "2027-02-05",
    outcome: "Ten pilot customers",
    isKey: true,
  });
  await page.goto(`/roadmaps/${roadmapId}/forecast`);
  await expect(page.getByText("Not enough history for this forecast yet").first()).toBeVisible({
    timeout: 60_000,
  });
  await expect(page.getByText(/needs 10 done features .* this team has 0/).first()).toBeVisible();
  await expect(page.getByTestId("method-recommendation")).toContainText("PERT");
  await expectAccessible(page);
  await snapshot(page, testInfo, "forecast-no-history");
});

test("learning: the demo team's history shows at once on the accuracy, forecast and dashboard pages", async ({
  page,
}, testInfo) => {
  await signInByApi(page, { email: "demo@cairn.test", password: "cairn-demo-roadmap", name: "Dana Okafor" });
  const { json: teams } = await api<{ items: { team?: { id: string }; id?: string }[] }>(
    page,
    "GET",
    "/api/teams",
  );
  const teamId = teams.items[0].team?.id ?? teams.items[0].id;
  const { json: roadmaps } = await api<{ items: { id: string; status: string; kind?: string }[] }>(
    page,
    "GET",
    `/api/teams/${teamId}/roadmaps`,
  );
  const roadmapId = roadmaps.items.find(
    (r) => r.status === "active" && (r.kind ?? "roadmap") === "roadmap",
  )!.id;

  await page.goto(`/roadmaps/${roadmapId}/accuracy`);
  await page.getByRole("tab", { name: "Per skill" }).click();
  await expect(page.getByTestId("accuracy-groups").getByRole("row", { name: /Mobile/ })).toContainText(
    /\d+% longer/,
  );
  await expectAccessible(page);
  await snapshot(page, testInfo, "demo-accuracy");

  await page.goto(`/roadmaps/${roadmapId}/forecast`);
  await expect(page.getByTestId("method-recommendation")).toContainText("History", { timeout: 60_000 });
  await expect(page.getByTestId("calibration")).toContainText(/held \d+ times? out of \d+/);
  await expectAccessible(page);
  await snapshot(page, testInfo, "demo-forecast");

  await page.goto(`/roadmaps/${roadmapId}/dashboards`);
  await expect(page.getByTestId("confidence-chart").getByTestId("p80-trend").first()).toBeVisible({
    timeout: 60_000,
  });
  await snapshot(page, testInfo, "demo-dashboard");

  await page.goto(`/roadmaps/${roadmapId}/present`);
  await expect(page.getByTestId("p80-trend")).toContainText(/since the last review/);
  await snapshot(page, testInfo, "demo-present");
});
