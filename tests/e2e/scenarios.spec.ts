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

test.describe.configure({ timeout: 180_000 });

interface Setup {
  team: { id: string };
  roadmapId: string;
  billing: Item;
}

/**
 * A roadmap from Monday 4 Jan 2027: the key feature "Billing API" asks 600 Backend hours in Q1,
 * the key milestone "Public launch" (16 Apr) waits for it, and the staffing plan gives Backend one
 * person at 20 h a week in Q1: about 340 hours short.
 */
async function seedRoadmap(page: Page, name: string): Promise<Setup> {
  const user = await registerUser(page.request, name);
  await signInByApi(page, user);
  const { json: created } = await api<{ team: { id: string } }>(page, "POST", "/api/teams", {
    name: `Scenarios ${Date.now().toString(36)}`,
  });
  const team = created.team;
  const skill = await api<{ skill: { id: string } }>(page, "POST", `/api/teams/${team.id}/skills`, {
    name: "Backend",
  });
  const roadmap = await api<{ roadmap: { id: string } }>(page, "POST", `/api/teams/${team.id}/roadmaps`, {
    title: "Payments 2027",
    startDate: "2027-01-04",
  });
  const roadmapId = roadmap.json.roadmap.id;
  const post = async (body: Record<string, unknown>) => {
    const res = await api<{ item: Item }>(page, "POST", `/api/roadmaps/${roadmapId}/items`, body);
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return res.json.item;
  };
  const billing = await post({
    kind: "feature",
    title: "Billing API",
    startDate: "2027-01-04",
    endDate: "2027-03-26",
    isKey: true,
    estimate: { optimisticHours: 500, likelyHours: 600, pessimisticHours: 900 },
    skills: [{ skillId: skill.json.skill.id, hours: 600 }],
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
  const { json: plan } = await api<{ staffing: { version: number } }>(
    page,
    "GET",
    `/api/roadmaps/${roadmapId}/staffing`,
  );
  const staffed = await api(
    page,
    "PUT",
    `/api/roadmaps/${roadmapId}/staffing`,
    { rows: [{ skillId: skill.json.skill.id, quarter: "2027-Q1", headcount: 1, hoursPerWeek: 20 }] },
    { "if-match": `"${plan.staffing.version}"` },
  );
  expect(staffed.status).toBe(200);
  return { team, roadmapId, billing };
}

async function addPhase(page: Page, name: string, start: string, end: string, gate: string) {
  await page.getByRole("button", { name: "Add phase" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a phase" });
  await dialog.getByLabel("Name").fill(name);
  await dialog.getByLabel("Starts").fill(start);
  await dialog.getByLabel("Ends").fill(end);
  await dialog.getByLabel("Gate title").fill(gate);
  await dialog.getByLabel("Outcome to pass it").fill(`${gate}: the team agrees to go on`);
  await dialog.getByRole("button", { name: "Add phase" }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole("heading", { name, level: 3 })).toBeVisible();
}

test("a product manager plans phases, tries a scenario, compares it with the live plan and applies it", async ({
  page,
  browser,
}, testInfo) => {
  const { team, roadmapId, billing } = await seedRoadmap(page, "Paula Planner");

  // Three phases with gates, and the hours each asks of Backend.
  await page.goto(`/roadmaps/${roadmapId}/phases`);
  await addPhase(page, "Conceptualization & planning", "2027-01-04", "2027-03-31", "Plan go/no-go");
  await addPhase(page, "Core infrastructure", "2027-04-01", "2027-08-31", "Beta go/no-go");
  await addPhase(page, "Launch", "2027-09-01", "2027-12-31", "Launch go/no-go");
  const hoursPerPhase = page.getByRole("region", { name: "Hours per phase" });
  await expect(hoursPerPhase).toContainText("Backend");
  await expect(hoursPerPhase).toContainText("Conceptualization & planning");

  // A scenario, made in the page: straight to its timeline, marked as a scenario.
  await page.goto(`/roadmaps/${roadmapId}/scenarios`);
  await expect(page.getByText("No scenarios yet")).toBeVisible();
  await expectAccessible(page);
  await page.getByLabel("New scenario").fill("Billing a month later, second backend hire");
  await page.getByRole("button", { name: "New scenario" }).click();
  await page.waitForURL(
    (url) => /^\/roadmaps\/[0-9a-f-]{36}$/.test(url.pathname) && !url.pathname.includes(roadmapId),
  );
  const scenarioId = new URL(page.url()).pathname.split("/").pop()!;
  const banner = page.getByRole("region", { name: "What-if scenario" });
  await expect(banner).toContainText("What-if scenario of Payments 2027");
  await expect(banner).toContainText("changes here don’t touch the live roadmap");
  await expect(banner.getByRole("link", { name: "Apply…" })).toBeVisible();
  await snapshot(page, testInfo, "scenario-timeline");

  // Someone watches the live roadmap meanwhile, in a browser of their own.
  const watcher = await registerUser(page.request, "Wanda Watcher");
  const other = await joinTeam(browser, page, team.id, watcher, "viewer");
  await other.page.goto(`/roadmaps/${roadmapId}`);
  const liveBar = itemButton(other.page, "Feature", "Billing API");
  await expect(liveBar).toHaveAttribute("aria-label", /Jan 4.*Mar 26|4 Jan.*26 Mar/);

  // In the scenario: the key feature a month (four weeks) later, and a second Backend person.
  const { json: scenarioBoard } = await api<{ items: Item[] }>(page, "GET", `/api/roadmaps/${scenarioId}`);
  const copy = scenarioBoard.items.find((i) => i.title === "Billing API")!;
  expect(copy.id).not.toBe(billing.id);
  const moved = await api(
    page,
    "PATCH",
    `/api/items/${copy.id}`,
    { startDate: "2027-02-01", endDate: "2027-04-23" },
    { "if-match": `"${copy.version}"` },
  );
  expect(moved.status).toBe(200);
  await page.goto(`/roadmaps/${scenarioId}/capacity`);
  await expect(page.getByRole("region", { name: "What-if scenario" })).toBeVisible();
  await page.getByLabel("Backend, Q1 2027: people").fill("2");
  await page.getByLabel("Backend, Q1 2027: hours per week per person").fill("20");
  await page.getByLabel("Backend, Q2 2027: people").fill("1");
  await page.getByLabel("Backend, Q2 2027: hours per week per person").fill("20");
  const saved = page.waitForResponse(
    (r) => r.url().endsWith(`/api/roadmaps/${scenarioId}/staffing`) && r.request().method() === "PUT",
  );
  await page.getByRole("button", { name: "Save staffing plan" }).click();
  expect((await saved).status()).toBe(200);

  // Compare: the finish and its P80 move later, the launch slips, the Backend gap closes.
  await page
    .getByRole("region", { name: "What-if scenario" })
    .getByRole("link", { name: "Compare with live" })
    .click();
  await page.waitForURL(`**/roadmaps/${roadmapId}/scenarios/${scenarioId}`);
  await expect(page.getByRole("heading", { name: /against the live roadmap/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(page.locator('[data-figure="finish"]')).toContainText(/\+\d+ days/);
  await expect(page.locator('[data-figure="p80"]')).toContainText(/\+\d+ days/);
  await expect(page.locator('[data-milestone="Public launch"]')).toContainText(/\+\d+ days/);
  await expect(page.locator('[data-skill="Backend"]')).toContainText("closes");
  await expect(page.locator('[data-moved-item="Billing API"]')).toContainText("+28 days");
  await expectAccessible(page);
  await snapshot(page, testInfo, "scenario-compare");

  // A second tab on the same comparison, to try applying it again afterwards.
  const second = await page.context().newPage();
  await second.goto(`/roadmaps/${roadmapId}/scenarios/${scenarioId}`);
  await expect(second.getByRole("button", { name: "Apply to live roadmap" })).toBeVisible({
    timeout: 20_000,
  });

  // Apply, confirmed in a dialog that says what changes.
  await page.getByRole("button", { name: "Apply to live roadmap" }).click();
  const confirm = page.getByRole("dialog", { name: /Apply “Billing a month later/ });
  await expect(confirm).toContainText("1 moved");
  await expect(confirm).toContainText("Backend staffing gap closes");
  await confirm.getByRole("button", { name: "Apply to live roadmap" }).click();
  await expect(page.getByText("Applied to the live roadmap", { exact: true })).toBeVisible();

  // The watcher's timeline follows without a reload.
  await expect(liveBar).toHaveAttribute("aria-label", /Feb 1.*Apr 23|1 Feb.*23 Apr/, { timeout: 10_000 });
  await other.close();

  // Applying again is refused: the other tab learns it was applied, and the API says 409.
  await expect(second.getByText("This scenario was applied to the live roadmap")).toBeVisible({
    timeout: 15_000,
  });
  await expect(second.getByRole("button", { name: "Apply to live roadmap" })).toHaveCount(0);
  const again = await api<{ error: { code: string } }>(
    page,
    "POST",
    `/api/scenarios/${scenarioId}/apply`,
    undefined,
    {
      "if-match": '"999"',
    },
  );
  expect([409, 412]).toContain(again.status);
  await second.close();
  await page.goto(`/roadmaps/${scenarioId}`);
  await expect(page.getByRole("region", { name: "What-if scenario" })).toContainText(
    "This scenario was applied to the live roadmap",
  );
  await expect(
    page.getByRole("region", { name: "What-if scenario" }).getByRole("button", { name: "Apply…" }),
  ).toBeDisabled();

  // Then the first gate's decision: replan.
  await page.goto(`/roadmaps/${roadmapId}/phases`);
  await page.getByRole("button", { name: "Record decision for “Conceptualization & planning”" }).click();
  const decide = page.getByRole("dialog", { name: /Decide the gate “Plan go\/no-go”/ });
  await decide.getByRole("radio", { name: /Replan/ }).check();
  await decide.getByLabel("Notes").fill("Billing slips a month: re-plan the core phase around it.");
  await decide.getByRole("button", { name: "Record decision" }).click();
  await expect(decide).toBeHidden();
  await expect(page.getByRole("listitem", { name: /Conceptualization & planning/ })).toContainText(
    "Replan, decided by Paula Planner",
  );
});

test("a conflicting change on the live roadmap stops the apply, listed in the page, and nothing changes", async ({
  page,
}, testInfo) => {
  const { roadmapId, billing } = await seedRoadmap(page, "Connie Conflict");
  const { json: made } = await api<{ scenario: { roadmap: { id: string } } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/scenarios`,
    { name: "Billing later" },
  );
  const scenarioId = made.scenario.roadmap.id;
  const { json: scenarioBoard } = await api<{ items: Item[] }>(page, "GET", `/api/roadmaps/${scenarioId}`);
  const copy = scenarioBoard.items.find((i) => i.title === "Billing API")!;
  await api(
    page,
    "PATCH",
    `/api/items/${copy.id}`,
    { endDate: "2027-04-09" },
    { "if-match": `"${copy.version}"` },
  );
  // The live roadmap changes the same date differently.
  await api(
    page,
    "PATCH",
    `/api/items/${billing.id}`,
    { endDate: "2027-03-19" },
    { "if-match": `"${billing.version}"` },
  );

  await page.goto(`/roadmaps/${roadmapId}/scenarios/${scenarioId}`);
  await expect(page.getByText("Applying now would be refused")).toBeVisible({ timeout: 20_000 });
  const row = page.getByRole("row", { name: /Item “Billing API”/ });
  await expect(row).toContainText("End");
  await expect(page.getByRole("button", { name: "Apply to live roadmap" })).toBeDisabled();
  await expectAccessible(page);
  await snapshot(page, testInfo, "scenario-conflicts");
  const { json: live } = await api<{ items: Item[] }>(page, "GET", `/api/roadmaps/${roadmapId}`);
  expect(live.items.find((i) => i.id === billing.id)!.endDate).toBe("2027-03-19");
});

test("a viewer reads scenarios and their comparison without any control to make, apply or discard one", async ({
  page,
  browser,
}, testInfo) => {
  const { team, roadmapId } = await seedRoadmap(page, "Oscar Owner");
  const { json: made } = await api<{ scenario: { roadmap: { id: string } } }>(
    page,
    "POST",
    `/api/roadmaps/${roadmapId}/scenarios`,
    { name: "Hire in Q2" },
  );
  const scenarioId = made.scenario.roadmap.id;
  const viewer = await registerUser(page.request, "Vera Viewer");
  const v = await joinTeam(browser, page, team.id, viewer, "viewer");

  await v.page.goto(`/roadmaps/${roadmapId}/scenarios`);
  await expect(v.page.getByRole("link", { name: "Hire in Q2", exact: true })).toBeVisible();
  await expect(v.page.getByRole("button", { name: "New scenario" })).toHaveCount(0);
  await expectAccessible(v.page);
  await snapshot(v.page, testInfo, "scenario-list-viewer");

  await v.page.goto(`/roadmaps/${scenarioId}`);
  const banner = v.page.getByRole("region", { name: "What-if scenario" });
  await expect(banner).toContainText("What-if scenario of Payments 2027");
  await expect(banner.getByRole("link", { name: "Compare with live" })).toBeVisible();
  await expect(banner.getByText("Apply…")).toHaveCount(0);
  await expect(banner.getByRole("button", { name: "Discard" })).toHaveCount(0);

  await banner.getByRole("link", { name: "Compare with live" }).click();
  await expect(v.page.getByRole("heading", { name: /against the live roadmap/ })).toBeVisible({
    timeout: 20_000,
  });
  await expect(v.page.getByRole("button", { name: "Apply to live roadmap" })).toHaveCount(0);
  await expect(v.page.getByRole("button", { name: "Discard" })).toHaveCount(0);
  expect((await api(v.page, "POST", `/api/scenarios/${scenarioId}/discard`)).status).toBe(403);
  await v.close();
});
